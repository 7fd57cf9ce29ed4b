// The pathological Markdown bodies of issue #7 (after cmark's test/pathological_tests.py).
#include "support/pathological_cases.h"

#include <string_view>

namespace travaux::test {

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

constexpr int kDeep = 50000;

}  // namespace

const std::vector<PathologicalCase>& pathological_cases() {
  static const std::vector<PathologicalCase> cases = {
      {"nested-block-quotes", repeat("> ", kDeep) + "the zero draft\n"},
      {"nested-list-levels", repeat("- ", kDeep) + "x\n" + repeat("1. ", kDeep) + "y\n"},
      {"nested-brackets",
       repeat("[", kDeep) + "x" + repeat("]", kDeep) + "\n\n" + repeat("[a", kDeep) + "\n\n" + repeat("[](", kDeep) + "\n"},
      // Images may nest inside images; each level's text is collected when links are rewritten.
      {"nested-links-and-images", repeat("![", 5000) + "x" + repeat("](https://example.org/)", 5000) + "\n\n" +
                                      repeat("[a](https://example.org/ ", 5000) + "\n"},
      // Each link quotes the sentence around it: the paragraph's text must be built once.
      {"links-in-one-paragraph", repeat("[a](https://example.org/) and [b](@a) ", kDeep / 2) + "\n"},
      {"nested-emphasis", repeat("*a **a ", kDeep) + "b" + repeat(" a** a*", kDeep) + "\n\n" + repeat("_a ", kDeep) +
                              "\n\n" + repeat("*", kDeep) + "x" + repeat("*", kDeep) + "\n"},
      {"quadratic-inlines", repeat("a_", kDeep) + "\n\n" + repeat("`a``", kDeep) + "\n\n" + repeat("<", kDeep) + "\n\n" +
                                repeat("&#", kDeep) + "\n\n" + repeat("a***", kDeep) + "\n\n" + "a" +
                                repeat("\\", kDeep) + "\n\n" + repeat("- a\n", kDeep) + "\n" + repeat("| a |\n", 2) +
                                "|---|\n" + repeat("| b |\n", kDeep) + "\n"},
      // Mention detection runs over every text run: a long paragraph full of near misses.
      {"mention-candidates", repeat("the zero draf round paragraph Objective zero draft ", kDeep / 5) + "\n"},
  };
  return cases;
}

const std::string& pathological_body(const std::string& name) {
  static const std::string none;
  for (const auto& c : pathological_cases())
    if (c.name == name) return c.body;
  return none;
}

}  // namespace travaux::test
