// Tests for markdown/markdown.cpp: the door to cmark-gfm (issue #2 "Markdown").
#include "markdown/markdown.h"

#include <gtest/gtest.h>

#include "text/escape.h"

namespace travaux::markdown {
namespace {

TEST(Markdown, RendersGfmTablesStrikethroughAutolinksAndFootnotes) {
  auto t = Tree::parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.un.org\n\nNote[^1]\n\n[^1]: Here.\n", 1);
  const std::string html = t.render_html(false);
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<del>gone</del>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"http://www.un.org\">www.un.org</a>"), std::string::npos);
  EXPECT_NE(html.find("class=\"footnotes\""), std::string::npos);
}

TEST(Markdown, RawHtmlIsOmittedUnlessUnsafeIsAllowed) {
  auto t = Tree::parse("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>\n", 1);
  const std::string safe = t.render_html(false);
  EXPECT_EQ(safe.find("<script"), std::string::npos);
  EXPECT_EQ(safe.find("onclick"), std::string::npos);
  EXPECT_NE(safe.find("raw HTML omitted"), std::string::npos);
  // With unsafe_html the tag filter still neutralises <script>.
  const std::string unsafe = t.render_html(true);
  EXPECT_NE(unsafe.find("<b onclick"), std::string::npos);
  EXPECT_EQ(unsafe.find("<script>"), std::string::npos);
}

TEST(Markdown, LinksAreOfferedWithFilePositions) {
  // The body starts on file line 5; the link is on body line 2.
  auto t = Tree::parse("Intro.\nSee [Rev 1](../drafts/rev-1.md#para-3) and ![x](img.png).\n", 5);
  std::vector<Link> seen;
  t.rewrite_links([&](const Link& l) {
    seen.push_back(l);
    return l.image ? l.url : std::string("travaux:drafts/rev-1/#para-3");
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].url, "../drafts/rev-1.md#para-3");
  EXPECT_EQ(seen[0].text, "Rev 1");
  EXPECT_EQ(seen[0].pos.line, 6);
  EXPECT_EQ(seen[0].pos.column, 5);
  EXPECT_TRUE(seen[1].image);
  EXPECT_NE(t.render_html(false).find("href=\"travaux:drafts/rev-1/#para-3\""), std::string::npos);
}

TEST(Markdown, ColumnsCountCharactersNotBytes) {
  auto t = Tree::parse("Déjà vu: [x](y.md)\n", 1);
  int column = 0;
  t.rewrite_links([&](const Link& l) {
    column = l.pos.column;
    return l.url;
  });
  EXPECT_EQ(column, 10);  // "Déjà vu: " is 9 characters (11 bytes)
}

TEST(Markdown, TextRunsSkipCodeAndLinksAndBecomeLinks) {
  auto t = Tree::parse("The second round, `second round` and [second round](x.md).\n", 1);
  std::vector<std::string> runs;
  t.link_text([&](const TextRun& run) {
    runs.emplace_back(run.text);
    std::vector<TextLink> out;
    if (auto at = run.text.find("second round"); at != std::string_view::npos)
      out.push_back({at, at + 12, "travaux:rounds/round-2/", "Round 2", "mention"});
    return out;
  });
  ASSERT_EQ(runs.size(), 3u);  // "The second round, ", " and ", "."
  EXPECT_EQ(runs[0], "The second round, ");
  const std::string html = t.render_html(false);
  EXPECT_NE(html.find("The <a href=\"travaux:rounds/round-2/\" class=\"mention\" title=\"Round 2\">second round</a>, "
                      "<code>second round</code>"),
            std::string::npos);
}

TEST(Markdown, PositionInRunSurvivesEntities) {
  auto t = Tree::parse("A &amp; B, then Objective 7.\n", 3);
  FilePos pos;
  t.link_text([&](const TextRun& run) {
    auto at = run.text.find("Objective 7");
    if (at != std::string_view::npos) pos = t.position_in_run(run, at, 11);
    return std::vector<TextLink>{};
  });
  EXPECT_EQ(pos.line, 3);
  EXPECT_EQ(pos.column, 17);
}

TEST(Markdown, HeadingsAndNumberedParagraphsGetAnchors) {
  auto t = Tree::parse("## Objective 7: Address vulnerabilities\n\n12. First.\n13. Second.\n", 1);
  auto headings = t.headings();
  ASSERT_EQ(headings.size(), 1u);
  EXPECT_EQ(headings[0].text, "Objective 7: Address vulnerabilities");
  auto numbered = t.numbered_paragraphs();
  ASSERT_EQ(numbered.size(), 2u);
  EXPECT_EQ(numbered[1].number, 13);
  t.anchor_numbered_paragraphs();
  t.anchor_headings([](const Heading&) { return std::string("objective-7"); });
  const std::string html = t.render_html(false);
  // cmark puts line breaks around custom blocks: harmless whitespace inside the heading.
  EXPECT_NE(html.find("<h2 id=\"objective-7\">\nObjective 7: Address vulnerabilities\n <a class=\"here\" href=\"#objective-7\""),
            std::string::npos) << html;
  EXPECT_NE(html.find("<li id=\"para-12\" value=\"12\">"), std::string::npos);
  EXPECT_NE(html.find("<li id=\"para-13\" value=\"13\">"), std::string::npos);
}

TEST(Markdown, ARestartedNumberingKeepsTheFirstAnchorSoNoIdRepeats) {
  auto t = Tree::parse("1. First.\n2. Second.\n\nText.\n\n1. Again.\n", 1);
  auto anchored = t.anchor_numbered_paragraphs();
  ASSERT_EQ(anchored.size(), 2u);
  const std::string html = t.render_html(false);
  EXPECT_EQ(html.find("id=\"para-1\""), html.rfind("id=\"para-1\"")) << html;
  EXPECT_NE(html.find("<li value=\"1\">"), std::string::npos) << html;
}

TEST(Markdown, FirstParagraphTextIsTheSummaryFallback) {
  auto t = Tree::parse("# Title\n\nWe *write* to you\nabout `x`.\n\nMore.\n", 1);
  EXPECT_EQ(t.first_paragraph_text(), "We write to you about x.");
}

TEST(EscapeHtml, EscapesTheFiveCharacters) {
  EXPECT_EQ(text::escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

}  // namespace
}  // namespace travaux::markdown
