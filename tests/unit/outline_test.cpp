// Tests for markdown/outline.cpp: blocks, numbers, lines and inline word streams (issue 4).
#include "markdown/outline.h"

#include <gtest/gtest.h>

namespace travaux::markdown {
namespace {

std::string words(const std::vector<Atom>& atoms) {
  std::string out;
  for (const auto& a : atoms) out += a.kind == Atom::Kind::brk ? "|" : "[" + a.text + "]";
  return out;
}

TEST(Outline, HeadingsAndNumberedParagraphsWithFileLines) {
  auto blocks = outline("## Objective 1: Data\n\n12. First *para*.\n13. Second\n    continued.\n\nLoose text.\n", 5);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].kind, Block::Kind::heading);
  EXPECT_EQ(blocks[0].level, 2);
  EXPECT_EQ(blocks[0].text, "Objective 1: Data");
  EXPECT_EQ(blocks[1].kind, Block::Kind::numbered);
  EXPECT_EQ(blocks[1].number, 12);
  EXPECT_EQ(blocks[1].first_line, 7);
  EXPECT_EQ(blocks[1].source, "12. First *para*.\n");
  EXPECT_EQ(blocks[2].number, 13);
  EXPECT_EQ(blocks[2].first_line, 8);
  EXPECT_EQ(blocks[2].last_line, 9);
  EXPECT_EQ(blocks[2].text, "Second continued.");
  EXPECT_EQ(blocks[3].kind, Block::Kind::other);
  EXPECT_EQ(blocks[3].first_line, 11);
}

TEST(Outline, WordsRememberEmphasisAndLinks) {
  auto blocks = outline("1. A *big* [red](@x#y) `c d`.\n", 1);
  ASSERT_EQ(blocks.size(), 1u);
  const auto& a = blocks[0].atoms;
  EXPECT_EQ(words(a), "[A][ ][big][ ][red][ ][c][ ][d][.]");
  ASSERT_EQ(a[2].marks.size(), 1u);
  EXPECT_EQ(a[2].marks[0].kind, Mark::Kind::emph);
  ASSERT_EQ(a[4].marks.size(), 1u);
  EXPECT_EQ(a[4].marks[0].kind, Mark::Kind::link);
  EXPECT_EQ(a[4].marks[0].url, "@x#y");
  EXPECT_EQ(a[6].marks[0].kind, Mark::Kind::code);
  EXPECT_TRUE(a[9].marks.empty());
}

TEST(Outline, ListItemWithTwoParagraphsHasABreak) {
  auto blocks = outline("3. One.\n\n   Two.\n", 1);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(words(blocks[0].atoms), "[One][.]|[Two][.]");
  EXPECT_EQ(blocks[0].text, "One.\nTwo.");
}

TEST(SplitWords, NonAsciiLettersStayTogetherAndQuotesStandAlone) {
  std::vector<Atom> out;
  split_words("Río Añil — «São Tomé»", {}, out);
  EXPECT_EQ(words(out), "[Río][ ][Añil][ ][—][ ][«][São][ ][Tomé][»]");
}

TEST(Outline, RawHtmlTagsAreNotText) {
  // As on the page (raw HTML omitted), the tags go and the text between them stays.
  auto blocks = outline("1. Keep <b>this</b> <script>x</script>\n", 1);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "Keep this x");
}

}  // namespace
}  // namespace travaux::markdown
