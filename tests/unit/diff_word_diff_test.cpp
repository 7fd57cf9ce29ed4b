// Tests for diff/word_diff.cpp and diff/inline_html.cpp: word-level changes that keep the
// paragraph's markup (issue 4).
#include "diff/inline_html.h"
#include "diff/similar_index.h"
#include "diff/word_diff.h"

#include <gtest/gtest.h>

namespace travaux::diff {
namespace {

std::vector<markdown::Atom> atoms(const std::string& md) {
  auto o = markdown::outline(md, 1);
  // The atoms point into the outline's arenas: keep every arena for the test's life.
  static std::vector<std::shared_ptr<markdown::MarkArena>> arenas;
  static std::vector<std::shared_ptr<markdown::TextArena>> chars;
  arenas.push_back(o.marks);
  chars.push_back(o.chars);
  return o.blocks.empty() ? std::vector<markdown::Atom>{} : o.blocks[0].atoms;
}

std::string html_diff(const std::string& a, const std::string& b) {
  const auto x = atoms(a), y = atoms(b);
  return inline_html(diff_words(x, y), [](const std::string& url) { return "u:" + url; });
}

TEST(WordDiff, ReplacedWordIsDeletedThenInserted) {
  EXPECT_EQ(html_diff("The cat sat.", "The dog sat."), "The <del>cat</del><ins>dog</ins> sat.");
}

TEST(WordDiff, NeighbouringChangesJoinAcrossTheSpace) {
  EXPECT_EQ(html_diff("a b c d", "a x y d"), "a <del>b c</del><ins>x y</ins> d");
}

TEST(WordDiff, ChangeInsideEmphasisStaysInsideTheEmphasis) {
  EXPECT_EQ(html_diff("The river *sustains life* here.", "The river *supports life* here."),
            "The river <em><del>sustains</del><ins>supports</ins> life</em> here.");
}

TEST(WordDiff, ChangeInsideALinkKeepsTheLink) {
  EXPECT_EQ(html_diff("See [the old text](@a).", "See [the new text](@a)."),
            "See <a href=\"u:@a\">the <del>old</del><ins>new</ins> text</a>.");
}

TEST(WordDiff, GainingEmphasisIsAChange) {
  EXPECT_EQ(html_diff("a word", "a *word*"), "a <del>word</del><em><ins>word</ins></em>");
}

TEST(WordDiff, NonAsciiWordsAreWholeUnits) {
  EXPECT_EQ(html_diff("Réunion à Genève", "Réunion à Zürich"), "Réunion à <del>Genève</del><ins>Zürich</ins>");
}

TEST(WordDiff, TextIsEscaped) {
  EXPECT_EQ(html_diff("a &lt; b", "a &gt; b"), "a <del>&lt;</del><ins>&gt;</ins> b");
}

TEST(WordDiff, LinkWithoutHrefBecomesASpan) {
  const auto x = atoms("[x](y)");
  EXPECT_EQ(inline_html(x, [](const std::string&) { return std::string(); }), "<span class=\"link\">x</span>");
}

TEST(Similarity, SameWordsAnyOrderIsOneAndDisjointIsZero) {
  WordIds ids;
  auto bag = [&](const char* text) { return word_ids(atoms(text), ids); };
  EXPECT_DOUBLE_EQ(dice(bag("A b c."), bag("c, b, a")), 1.0);
  EXPECT_DOUBLE_EQ(dice(bag("a b"), bag("x y")), 0.0);
  EXPECT_DOUBLE_EQ(contained(bag("b c"), bag("a b c d")), 1.0);
}

TEST(WordDiff, AHugeRewrittenMiddleIsShownReplacedWhole) {
  // Beyond the edit-script budget the changed middle is one deletion and one insertion,
  // with the common start and end kept.
  std::string a = "Start ", b = "Start ";
  for (int i = 0; i < 6000; ++i) a += "a" + std::to_string(i) + " ", b += "b" + std::to_string(i) + " ";
  a += "end.";
  b += "end.";
  const auto x = atoms(a), y = atoms(b);
  const auto d = diff_words(x, y);
  ASSERT_GT(d.size(), 4u);
  EXPECT_EQ(d.front().op(), Op::same);
  EXPECT_EQ(d.back().op(), Op::same);
  EXPECT_EQ(d.back().atom()->text(), ".");
  std::size_t removed = 0, added = 0;
  for (const auto& w : d) (w.op() == Op::removed ? removed : w.op() == Op::added ? added : removed) += w.op() != Op::same;
  EXPECT_GE(removed, 11999u);
  EXPECT_GE(added, 11999u);
}

TEST(WordDiff, DeeplyNestedEmphasisWritesEachTagOnce) {
  std::string md;
  for (int i = 0; i < 3000; ++i) md += "*a ";
  md += "b";
  for (int i = 0; i < 3000; ++i) md += " a*";
  const auto x = atoms(md);
  const std::string html = inline_html(x, nullptr);
  std::size_t opens = 0;
  for (std::size_t at = html.find("<em>"); at != std::string::npos; at = html.find("<em>", at + 1)) ++opens;
  EXPECT_EQ(opens, 3000u);
  EXPECT_NE(html.find("<em>a b a</em> a</em>"), std::string::npos);
}

}  // namespace
}  // namespace travaux::diff
