// Tests for markdown/outline.cpp: blocks, numbers, lines and inline word streams (issue 4).
#include "markdown/outline.h"

#include <gtest/gtest.h>

namespace travaux::markdown {
namespace {

std::string words(const std::vector<Atom>& atoms) {
  std::string out;
  for (const auto& a : atoms) out += a.kind() == Atom::Kind::brk ? "|" : "[" + std::string(a.text()) + "]";
  return out;
}

TEST(Outline, HeadingsAndNumberedParagraphsWithFileLines) {
  const Outline o = outline("## Objective 1: Data\n\n12. First *para*.\n13. Second\n    continued.\n\nLoose text.\n", 5);
  const auto& blocks = o.blocks;
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
  EXPECT_EQ(blocks[2].text, "");  // plain text is kept for headings only
  EXPECT_EQ(plain_text(blocks[2].atoms), "Second continued.");
  EXPECT_EQ(blocks[3].kind, Block::Kind::other);
  EXPECT_EQ(blocks[3].first_line, 11);
}

TEST(Outline, WordsRememberEmphasisAndLinks) {
  const Outline o = outline("1. A *big* [red](@x#y) `c d`.\n", 1);
  const auto& blocks = o.blocks;
  ASSERT_EQ(blocks.size(), 1u);
  const auto& a = blocks[0].atoms;
  EXPECT_EQ(words(a), "[A][ ][big][ ][red][ ][c][ ][d][.]");
  ASSERT_EQ(mark_list(a[2].marks).size(), 1u);
  EXPECT_EQ(mark_list(a[2].marks)[0].kind, Mark::Kind::emph);
  ASSERT_EQ(mark_list(a[4].marks).size(), 1u);
  EXPECT_EQ(mark_list(a[4].marks)[0].kind, Mark::Kind::link);
  EXPECT_EQ(mark_list(a[4].marks)[0].url, "@x#y");
  EXPECT_EQ(mark_list(a[6].marks)[0].kind, Mark::Kind::code);
  EXPECT_EQ(a[9].marks, nullptr);
}

TEST(Outline, ListItemWithTwoParagraphsHasABreak) {
  const Outline o = outline("3. One.\n\n   Two.\n", 1);  // the atoms point into its arenas
  const auto& blocks = o.blocks;
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(words(blocks[0].atoms), "[One][.]|[Two][.]");
  EXPECT_EQ(plain_text(blocks[0].atoms), "One.\nTwo.");
}

TEST(SplitWords, NonAsciiLettersStayTogetherAndQuotesStandAlone) {
  std::vector<Atom> out;
  TextArena chars;
  split_words("Río Añil — «São Tomé»", {}, chars, out);
  EXPECT_EQ(words(out), "[Río][ ][Añil][ ][—][ ][«][São][ ][Tomé][»]");
}

TEST(Outline, RawHtmlTagsAreNotText) {
  // As on the page (raw HTML omitted), the tags go and the text between them stays.
  const Outline o = outline("1. Keep <b>this</b> <script>x</script>\n", 1);
  const auto& blocks = o.blocks;
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(plain_text(blocks[0].atoms), "Keep this x");
}

TEST(Outline, WordsInOneRunShareOneMarkStack) {
  // Marks are stored once per inline element, not copied into every word.
  const Outline o = outline("*one two three* **four *five***\n", 1);
  const auto& a = o.blocks.at(0).atoms;
  ASSERT_EQ(words(a), "[one][ ][two][ ][three][ ][four][ ][five]");
  EXPECT_EQ(a[0].marks, a[4].marks);
  EXPECT_EQ(o.marks->size(), 3u);  // em, strong, em inside strong
  ASSERT_EQ(mark_list(a[8].marks).size(), 2u);
  EXPECT_EQ(mark_list(a[8].marks)[0].kind, Mark::Kind::strong);
  EXPECT_EQ(mark_list(a[8].marks)[1].kind, Mark::Kind::emph);
}

TEST(Outline, EqualStacksFromTwoBodiesCompareEqual) {
  const Outline x = outline("a *[b](u)*\n", 1), y = outline("c *[d](u)* *[e](v)*\n", 1);
  const auto& ax = x.blocks.at(0).atoms;
  const auto& ay = y.blocks.at(0).atoms;
  EXPECT_TRUE(same_marks(ax[2].marks, ay[2].marks));   // em > link u
  EXPECT_FALSE(same_marks(ax[2].marks, ay[4].marks));  // em > link v
  EXPECT_FALSE(same_marks(ax[2].marks, nullptr));
}

TEST(Outline, HeadingIdIsTakenOutOfTheText) {
  const auto blocks = outline("## ACK Frames {#frame-ack}\n\n## Plain\n\n## Keep {braces}\n", 1).blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "ACK Frames");
  EXPECT_EQ(blocks[0].id, "frame-ack");
  EXPECT_EQ(blocks[1].id, "");
  EXPECT_EQ(blocks[2].text, "Keep {braces}");
  EXPECT_EQ(blocks[2].id, "");
}

TEST(Outline, CodeBlocksKeepTheirLinesAndTightListsStayTight) {
  const Outline o = outline("~~~\n+--+\n|  |\n~~~\n{: #fig-x title=\"X\"}\n\n- a\n- b\n\n* c\n\n  d\n", 1);
  const auto& blocks = o.blocks;
  ASSERT_EQ(blocks.size(), 3u);  // the attribute line is not a block
  EXPECT_EQ(plain_text(blocks[0].atoms), "+--+\n|  |");
  EXPECT_EQ(words(blocks[1].atoms), "[a]|[b]");
  EXPECT_EQ(blocks[1].atoms[1].text(), "tight");
  EXPECT_EQ(blocks[2].atoms[1].text(), "");  // a loose list keeps its gaps
}

TEST(Outline, SourceLinesOfManyShortParagraphs) {
  std::string body;
  for (int i = 1; i <= 2000; ++i) body += std::to_string(i) + ". Item " + std::to_string(i) + ".\n";
  const auto blocks = outline(body, 10).blocks;
  ASSERT_EQ(blocks.size(), 2000u);
  EXPECT_EQ(blocks[1999].number, 2000);
  EXPECT_EQ(blocks[1999].first_line, 2009);
  EXPECT_EQ(blocks[1999].source, "2000. Item 2000.\n");
}

}  // namespace
}  // namespace travaux::markdown
