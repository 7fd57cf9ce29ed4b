// Benchmark (issue #3): one pass of the alias matcher over ~1 MB of text against 20,000
// alias phrases, and of the letter-date scanner over 1 MB and 4 MB (the same time per MB is
// what a linear scan looks like). Prints the median of 11 runs; no pass/fail threshold.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "link/alias_matcher.h"
#include "link/letter_date_mentions.h"

namespace {

/// Median time of scanning `mb` MB of correspondence for letters named by their date.
double letter_date_scan_ms(int mb, std::size_t& found) {
  std::string text;
  while (text.size() < static_cast<std::size_t>(mb) * 1000000)
    text += "As conveyed in our letter of 28 February, a letter of 5 March and the letters of the "
            "co-facilitators, my letter dated February 5, 2018 stands; ";
  std::vector<double> runs;
  for (int r = 0; r < 11; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    found = travaux::link::scan_letter_date_mentions(text, 0, text.size()).size();
    runs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

int main() {
  travaux::link::AliasMatcher matcher;
  const int kAliases = 20000;
  for (int i = 0; i < kAliases; ++i) matcher.add("document number " + std::to_string(i) + " of the archive", i);
  const auto built_at = std::chrono::steady_clock::now();
  matcher.build();
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - built_at).count();
  std::string text;
  for (int i = 0; i < kAliases; ++i) text += "see document number " + std::to_string(i * 7 % kAliases) + " of the archive; ";
  std::vector<double> runs;
  std::size_t found = 0;
  for (int r = 0; r < 11; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    found = matcher.find(text, 0, text.size()).size();
    runs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(runs.begin(), runs.end());
  std::printf("alias matcher: %d aliases built in %.1f ms; %.2f MB of text scanned in %.1f ms (median of %zu), %zu matches\n",
              kAliases, build_ms, text.size() / 1e6, runs[runs.size() / 2], runs.size(), found);
  std::size_t dated1 = 0, dated4 = 0;
  const double ms1 = letter_date_scan_ms(1, dated1), ms4 = letter_date_scan_ms(4, dated4);
  std::printf("letter-date scan: 1 MB in %.1f ms (%zu mentions), 4 MB in %.1f ms (%zu mentions)\n", ms1, dated1,
              ms4, dated4);
  return found == static_cast<std::size_t>(kAliases) && dated4 > dated1 ? 0 : 1;
}
