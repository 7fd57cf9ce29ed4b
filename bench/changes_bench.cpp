// Benchmark for issue 4: the comparison behind a changes page, for two generated drafts of
// about 80 KB each. Prints the median time of several runs; asserts nothing.
//   build-x/bench_changes [runs]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "diff/compare.h"
#include "diff/inline_html.h"

namespace {

const char* kWords[] = {"States", "shall", "cooperate", "on", "the", "management", "of", "shared", "water",
                        "resources", "in", "good", "faith", "and", "with", "due", "regard", "for", "equity",
                        "data", "river", "basin", "commission", "experts", "pollution", "drought", "plan",
                        "review", "every", "five", "years", "parties", "will", "publish", "figures", "Añil",
                        "Ville-Étoile", "*jointly*", "[records](https://example.org/r)", "monthly"};

/// A word: one of the common ones above, or one of ~4000 made of syllables, as in real text
/// where most of a paragraph's words are not shared with its neighbours.
std::string word(std::mt19937& rng) {
  static const char* kSyllables[] = {"ra", "to", "mi", "ne", "sa", "lu", "ko", "de", "vi", "pe", "gro", "stra",
                                     "na", "ce", "bu", "fi", "ti", "mo", "re", "la"};
  if (rng() % 3 == 0) return kWords[rng() % std::size(kWords)];
  std::string w;
  for (int k = 0, n = 2 + static_cast<int>(rng() % 2); k < n; ++k) w += kSyllables[rng() % std::size(kSyllables)];
  return w;
}

std::string sentence(std::mt19937& rng, int words) {
  std::string s = "Recognizing";
  for (int i = 0; i < words; ++i) s += " " + word(rng);
  return s + ".";
}

/// Draft text: `objectives` sections of `per` numbered paragraphs of ~40 words.
std::vector<std::vector<std::string>> generate(std::mt19937& rng, int objectives, int per) {
  std::vector<std::vector<std::string>> secs(static_cast<std::size_t>(objectives));
  for (auto& s : secs)
    for (int p = 0; p < per; ++p) s.push_back(sentence(rng, 36 + static_cast<int>(rng() % 10)));
  return secs;
}

/// The next version: about 10% reworded, 3% added, 3% removed, a few moved and split.
std::vector<std::vector<std::string>> revise(std::mt19937& rng, std::vector<std::vector<std::string>> secs) {
  for (auto& s : secs) {
    for (std::size_t p = 0; p < s.size(); ++p) {
      const unsigned r = rng() % 100;
      if (r < 10) {
        std::string& t = s[p];
        const std::size_t at = t.find(' ', t.size() / 2);
        t = t.substr(0, at) + " notwithstanding" + t.substr(at, t.size() / 4) + " appropriate" + t.substr(at + t.size() / 4);
      } else if (r < 13) {
        s.insert(s.begin() + static_cast<long>(p), sentence(rng, 30));
        ++p;
      } else if (r < 16) {
        s.erase(s.begin() + static_cast<long>(p));
      } else if (r < 17) {
        const std::size_t at = s[p].find(' ', s[p].size() / 2);
        std::string tail = "Moreover" + s[p].substr(at);
        s[p] = s[p].substr(0, at) + ".";
        s.insert(s.begin() + static_cast<long>(p) + 1, tail);
        ++p;
      }
    }
  }
  for (int m = 0; m < 4; ++m) {  // moves between sections
    auto& from = secs[rng() % secs.size()];
    auto& to = secs[rng() % secs.size()];
    if (from.empty()) continue;
    std::string p = from.back();
    from.pop_back();
    to.insert(to.begin(), p);
  }
  return secs;
}

std::string markdown(const std::vector<std::vector<std::string>>& secs) {
  std::string out = "## Preamble\n\n1. We the parties meet.\n\n";
  int n = 2;
  for (std::size_t s = 0; s < secs.size(); ++s) {
    out += "## Objective " + std::to_string(s + 1) + ": Title " + std::to_string(s + 1) + "\n\n";
    for (const auto& p : secs[s]) out += std::to_string(n++) + ". " + p + "\n\n";
  }
  return out;
}

/// A draft of `n` numbered paragraphs in sections of 10; with `changed`, every paragraph has
/// one more word ("the 10,000 changed paragraphs" of docs/drafts-and-changes.md, "Speed").
std::string many_paragraphs(int n, bool changed) {
  std::string out;
  std::mt19937 rng(7);
  for (int i = 1; i <= n; ++i) {
    if (i % 10 == 1) out += "## Part " + std::to_string(i / 10 + 1) + "\n\n";
    std::mt19937 para(static_cast<unsigned>(i));
    out += std::to_string(i) + ". " + sentence(para, 20) + (changed ? " amended" : "") + "\n\n";
  }
  return out;
}

/// CPU time of this thread: on a shared machine the wall clock measures the other jobs too;
/// the time on one core is what the target is about.
struct CpuClock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  }
};

double ms_since(double t0) { return CpuClock::now() - t0; }

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
  std::mt19937 rng(42);
  const auto first = generate(rng, 23, 12);
  const std::string a = markdown(first);
  const std::string b = markdown(revise(rng, first));

  // Reading each version happens once per build (the comparison stage reads every version
  // once); comparing happens once per pair. Both are timed apart, on this one thread.
  std::vector<double> read_ms, compare_ms, html_ms;
  travaux::diff::Counts counts;
  std::size_t html_bytes = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = CpuClock::now();
    const auto x = travaux::diff::read_draft(a, 1);
    const auto y = travaux::diff::read_draft(b, 1);
    read_ms.push_back(ms_since(t0));
    t0 = CpuClock::now();
    const auto cmp = travaux::diff::compare(x, y);
    compare_ms.push_back(ms_since(t0));
    t0 = CpuClock::now();
    html_bytes = 0;
    for (const auto& s : cmp.sections)
      for (const auto& p : s.paragraphs) html_bytes += travaux::diff::inline_html(p, nullptr).size();
    html_ms.push_back(ms_since(t0));
    counts = cmp.total;
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf("drafts: %.1f KB and %.1f KB; paragraphs: %d added, %d removed, %d changed, %d moved, %d split, %d merged\n",
              a.size() / 1024.0, b.size() / 1024.0, counts.added, counts.removed, counts.changed, counts.moved,
              counts.split, counts.merged);
  std::printf("CPU time on one core, median of %d runs: compare (match + word diffs) %.2f ms; reading both drafts %.2f ms; "
              "HTML of %zu bytes %.2f ms\n",
              runs, median(compare_ms), median(read_ms), html_bytes, median(html_ms));

  const std::string big_a = many_paragraphs(10000, false), big_b = many_paragraphs(10000, true);
  const auto t0 = CpuClock::now();
  const auto x = travaux::diff::read_draft(big_a, 1);
  const auto y = travaux::diff::read_draft(big_b, 1);
  const double read = ms_since(t0);
  const auto t1 = CpuClock::now();
  const auto cmp = travaux::diff::compare(x, y);
  std::printf("CPU time, 10,000 paragraphs (%.1f MB), every one changed: compare %.0f ms (%d changed), reading both %.0f ms\n",
              big_b.size() / 1048576.0, ms_since(t1), cmp.total.changed, read);
  return 0;
}
