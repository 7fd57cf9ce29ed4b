// Tests for link/mention_scanner.cpp: the grammar of numbered mentions (issue #3, CONTENT-MODEL.md
// "Cross-references": "Objective(s) N(, M and K)", "paragraph N", "first round", "round N").
#include "link/mention_scanner.h"

#include <gtest/gtest.h>

namespace travaux::link {
namespace {

/// "kind:span=number" per item, "~from" for ranges, "|of@offset" when an "of" name follows.
std::vector<std::string> scan(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : scan_numbered_mentions(text, 0, text.size())) {
    std::string s = std::string(mention_noun(m.kind)) + ":";
    for (const auto& it : m.items) {
      s += "[" + std::string(text.substr(it.begin, it.end - it.begin)) + "]=" + std::to_string(it.number);
      if (it.range_from) s += "~" + std::to_string(it.range_from);
      s += " ";
    }
    if (m.of_name) s += "|of@" + std::to_string(*m.of_name);
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(MentionScanner, ListsRangesAndTheOxfordComma) {
  EXPECT_EQ(scan("Objectives 2, 4, and 21; objectives 17 to 22 and 23"),
            (V{"Objective:[Objectives 2]=2 [4]=4 [21]=21 ", "Objective:[objectives 17]=17 [22]=22~17 [23]=23 "}));
  EXPECT_EQ(scan("paragraphs 12-14, paras. 53 and 54"),
            (V{"paragraph:[paragraphs 12]=12 [14]=14~12 ", "paragraph:[paras. 53]=53 [54]=54 "}));
  EXPECT_EQ(scan("Objectives 1\xE2\x80\x93" "6"), (V{"Objective:[Objectives 1]=1 [6]=6~1 "}));
}

TEST(MentionScanner, NumbersThatAreNotMentions) {
  EXPECT_EQ(scan("objective 7.2, paragraph 71/280, paragraph 1,000, Objectives, objective 0, subobjective 3"), V{});
  EXPECT_EQ(scan("the first three days; a round of talks; around 3"), V{});
}

TEST(MentionScanner, RoundsByOrdinalNumberAndList) {
  EXPECT_EQ(scan("the third round of intergovernmental negotiations, round 4, the first and second rounds"),
            (V{"round:[third round of intergovernmental negotiations]=3 ", "round:[round 4]=4 ",
               "round:[first]=1 [second]=2 "}));
  EXPECT_EQ(scan("Second round of the negotiations"), (V{"round:[Second round of the negotiations]=2 "}));
  // One ordinal needs "round"; a list takes "round" or "rounds".
  EXPECT_EQ(scan("the first rounds; the first and second round"), (V{"round:[first]=1 [second]=2 "}));
}

TEST(MentionScanner, OfNameIsRecordedForObjectivesAndParagraphsOnly) {
  EXPECT_EQ(scan("paragraph 27 of General Assembly resolution 71/280"), (V{"paragraph:[paragraph 27]=27 |of@16"}));
  EXPECT_EQ(scan("round 2 of talks"), (V{"round:[round 2]=2 "}));
}

}  // namespace
}  // namespace travaux::link
