// Tests for render/search_fold.cpp: the folding and word splitting of the search index must
// be the script's (docs/search.md, "Words and folding"). The cases are shared with the
// browser test, which checks the same file against themes/default/search.js in Chromium.
#include "render/search_fold.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace travaux::render {
namespace {

struct FoldCase {
  std::string input, folded, words;
};

std::vector<FoldCase> fold_cases() {
  std::ifstream in(std::string(TRAVAUX_SOURCE_DIR) + "/tests/support/search_fold_cases.tsv");
  std::vector<FoldCase> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    FoldCase c;
    std::getline(fields, c.input, '\t');
    std::getline(fields, c.folded, '\t');
    std::getline(fields, c.words, '\t');
    cases.push_back(c);
  }
  return cases;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

TEST(SearchFold, AgreesWithTheScriptOnEverySharedCase) {
  const auto cases = fold_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    EXPECT_EQ(search_fold(c.input), c.folded) << c.input;
    EXPECT_EQ(joined(search_terms(c.input)), c.words) << c.input;
  }
}

TEST(SearchFold, DropsDiacriticsAndCaseButKeepsLettersWithoutADecomposition) {
  EXPECT_EQ(search_fold("GÓMEZ Camacho"), "gomez camacho");
  EXPECT_EQ(search_fold("Safe, ORDERLY 71/280 [x]_y"), "safe, orderly 71/280 [x]_y");  // ASCII: case only
  EXPECT_EQ(search_fold("\xC5\x81\xC3\xB3\x64\xC5\xBA"), "\xC5\x82od\x7A");  // Łódź -> łodz: Ł has no decomposition
  EXPECT_EQ(search_fold("e\xCC\x81t\xC3\xA9"), "ete");  // a combining accent and a precomposed one fold alike
}

TEST(SearchFold, SplitsOnEverythingButLettersMarksAndDigits) {
  EXPECT_EQ(joined(search_words("a.b,c  d-e/f")), "a|b|c|d|e|f");
  EXPECT_EQ(joined(search_words("")), "");
  EXPECT_EQ(joined(search_words("--")), "");
  EXPECT_EQ(joined(search_words("2018-02-05")), "2018|02|05");
}

TEST(SearchFold, InvalidUtf8BecomesAReplacementCharacterNotACrash) {
  const std::string folded = search_fold("ab\xFF" "cd");
  EXPECT_EQ(folded, "ab\xEF\xBF\xBD" "cd");
  EXPECT_EQ(joined(search_words(folded)), "ab|cd");
}

}  // namespace
}  // namespace travaux::render
