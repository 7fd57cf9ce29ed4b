// Benchmark (issue #3): one pass of the alias matcher over ~1 MB of text against 20,000
// alias phrases. Prints the median of 11 runs; no pass/fail threshold.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "link/alias_matcher.h"

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
  return found == static_cast<std::size_t>(kAliases) ? 0 : 1;
}
