// Tests for link/alias_matcher.cpp: one pass, case-insensitive, whole words, leftmost-longest
// (issue #3: "longest match wins", "one pass over the text").
#include "link/alias_matcher.h"

#include <gtest/gtest.h>

namespace travaux::link {
namespace {

std::vector<std::string> found(const AliasMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& x : m.find(text, 0, text.size()))
    out.push_back(std::string(text.substr(x.begin, x.end - x.begin)) + "=" + std::to_string(x.value));
  return out;
}

using V = std::vector<std::string>;

TEST(AliasMatcher, LongestAtTheSameStartWinsAndEarlierStartBeatsLonger) {
  AliasMatcher m;
  m.add("zero draft", 0);
  m.add("zero draft plus", 1);
  m.add("draft plus annex", 2);
  m.add("plus", 3);
  m.build();
  EXPECT_EQ(found(m, "the Zero Draft Plus annex"), (V{"Zero Draft Plus=1"}));
  EXPECT_EQ(found(m, "the zero draft, plus"), (V{"zero draft=0", "plus=3"}));
  EXPECT_EQ(found(m, "a draft plus annex"), (V{"draft plus annex=2"}));
}

TEST(AliasMatcher, WholeWordsOnlyWithPunctuationInsidePhrases) {
  AliasMatcher m;
  m.add("A/RES/73/195", 0);
  m.add("A/CONF.231/3", 1);
  m.add("Rev 1", 2);
  m.build();
  EXPECT_EQ(found(m, "(A/RES/73/195), A/CONF.231/3."), (V{"A/RES/73/195=0", "A/CONF.231/3=1"}));
  EXPECT_EQ(found(m, "Rev 12, PreRev 1, Rev 1é, rev 1"), (V{"rev 1=2"}));
  EXPECT_EQ(found(m, "A/RES/73/1950 xA/CONF.231/3"), V{});
  // Curly quotes, dashes and no-break spaces are boundaries; letters with accents are not.
  EXPECT_EQ(found(m, "\u201CRev 1\u201D\u2013Rev 1\u00A0and \u00E9Rev 1"), (V{"Rev 1=2", "Rev 1=2"}));
}

TEST(AliasMatcher, SuffixPhrasesAreFoundThroughFailureLinks) {
  AliasMatcher m;
  m.add("global compact for migration", 0);
  m.add("compact", 1);
  m.build();
  EXPECT_EQ(found(m, "the global compact on refugees"), (V{"compact=1"}));
}

TEST(AliasMatcher, AWindowSeesBoundariesOutsideIt) {
  AliasMatcher m;
  m.add("round", 0);
  m.build();
  const std::string text = "around round";
  EXPECT_TRUE(m.find(text, 1, 6).empty());  // "round" inside "around" is not a word
  ASSERT_EQ(m.find(text, 7, 8).size(), 1u);
}

// Speed with many aliases is measured by bench/mentions_bench.cpp, not asserted here.
TEST(AliasMatcher, FindsEveryMatchAmongManyAliases) {
  AliasMatcher m;
  for (int i = 0; i < 20000; ++i) m.add("document number " + std::to_string(i) + " of the archive", i);
  m.build();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "see document number " + std::to_string(i * 7 % 20000) + " of the archive; ";
  auto matches = m.find(text, 0, text.size());
  EXPECT_EQ(matches.size(), 20000u);
}

}  // namespace
}  // namespace travaux::link
