// Tests for diff/word_diff.cpp and diff/inline_html.cpp: word-level changes that keep the
// paragraph's markup (issue 4).
#include "diff/inline_html.h"
#include "diff/word_diff.h"

#include <gtest/gtest.h>

namespace travaux::diff {
namespace {

std::vector<markdown::Atom> atoms(const std::string& md) {
  auto blocks = markdown::outline(md, 1);
  return blocks.empty() ? std::vector<markdown::Atom>{} : blocks[0].atoms;
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
  EXPECT_DOUBLE_EQ(similarity(word_bag(atoms("A b c.")), word_bag(atoms("c, b, a"))), 1.0);
  EXPECT_DOUBLE_EQ(similarity(word_bag(atoms("a b")), word_bag(atoms("x y"))), 0.0);
  EXPECT_DOUBLE_EQ(containment(word_bag(atoms("b c")), word_bag(atoms("a b c d"))), 1.0);
}

}  // namespace
}  // namespace travaux::diff
