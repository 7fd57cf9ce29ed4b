// Tests for render/search_page.cpp and render/search_text.cpp: the search page, its filters,
// and the blocks of text a result points at (CONTENT-MODEL.md "Output": search/index.html;
// docs/search.md, "Paragraph targets").
#include "render/search_page.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "render/search_text.h"
#include "support/rendered_tree.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

using Rendered = test::RenderedTree;

constexpr const char* kSpec =
    "-- archive.toml --\ntitle = \"GCM\"\n"
    "-- letters/a.md --\n+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\n+++\nText.\n"
    "-- drafts/zero.md --\n+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\nlabel = \"Zero draft\"\nversion = 1\n+++\nText.\n"
    "-- drafts/rev-1.md --\n+++\ntitle = \"Rev 1\"\ndate = 2018-03-05\nlabel = \"Rev 1\"\nversion = 2\n+++\nText.\n"
    "-- rounds/r1.md --\n+++\ntitle = \"First <round>\"\ndate = 2018-02-20\nnumber = 1\n+++\nText.\n";

TEST(SearchPage, LabelledFormFiltersNoscriptAndOnlyTheScript) {
  Rendered r(kSpec);
  const std::string html = render_search_page(r.in());
  EXPECT_NE(html.find("<h1>Search</h1>"), std::string::npos);
  EXPECT_NE(html.find("<form class=\"search-form\" role=\"search\" action=\"../search/index.html\" method=\"get\" "
                      "data-index=\"search-index.js\">"),
            std::string::npos);
  EXPECT_NE(html.find("<label for=\"search-q\">"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"search\" id=\"search-q\" name=\"q\""), std::string::npos);
  EXPECT_NE(html.find("<noscript>"), std::string::npos);
  EXPECT_NE(html.find("the 4 documents"), std::string::npos);
  // Filters offer the archive's kinds, its one negotiated text and its rounds, escaped.
  EXPECT_NE(html.find("<select id=\"search-kind\" name=\"kind\"><option value=\"\">Any kind</option>"
                      "<option value=\"letter\">Letters</option><option value=\"draft\">Drafts</option>"
                      "<option value=\"round\">Rounds</option></select>"),
            std::string::npos);
  EXPECT_NE(html.find("<option value=\"zero\">Zero draft and its revisions</option></select>"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"r1\">Round 1: First &lt;round&gt;</option>"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"date\" id=\"search-from\" name=\"from\" min=\"2018-02-05\" max=\"2018-03-05\">"),
            std::string::npos);
  EXPECT_NE(html.find("<label for=\"search-to\">To</label>"), std::string::npos);
  // The index is loaded by the script on demand, never by the page itself.
  EXPECT_NE(html.find("<script src=\"../assets/search.js\"></script>"), std::string::npos);
  EXPECT_EQ(html.find("search-index.js\"></script>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"../search/index.html\" aria-current=\"page\">Search</a>"), std::string::npos);
}

TEST(SearchPage, NoPageButTheSearchPageLoadsTheSearchScript) {
  Rendered r(kSpec);
  diag::Diagnostics diags;
  const render::SiteImage site = render_site(r.archive, r.linked, *r.theme, diags);
  EXPECT_EQ(test::diagnostics_text(diags), "");
  EXPECT_EQ(site.files.count("search/index.html"), 1u);
  EXPECT_EQ(site.files.count("search/search-index.js"), 1u);
  EXPECT_EQ(site.files.count("search/dates.js"), 1u);
  EXPECT_EQ(site.files.count("search/terms/0.js"), 1u);
  EXPECT_EQ(site.files.count("search/d/0.js"), 1u);
  EXPECT_EQ(site.files.count("assets/search.js"), 1u);
  for (const auto& [path, bytes] : site.files)
    if (path.ends_with(".html") && path != "search/index.html")
      EXPECT_EQ(bytes.find("search.js"), std::string::npos) << path;
}

TEST(SearchText, BlocksCarryTheNearestAnchorAndDropSelfLinks) {
  const auto blocks = html_to_blocks(
      "<p>Before any anchor.</p>\n"
      "<h2 id=\"objective-7\">\nObjective 7: <em>Address</em> vulnerabilities\n"
      " <a class=\"here\" href=\"#objective-7\" aria-label=\"Link\">#</a></h2>\n"
      "<ol class=\"paras\">\n<li id=\"para-12\" value=\"12\"><a class=\"here\" href=\"#para-12\">#</a>\n"
      "<p>We commit to &lt;respond&gt; &#233;&#x00e8; to the needs.</p>\n<p>Second block.</p>\n</li>\n</ol>"
      "<p>Still <a href=\"x\">in</a> para&nbsp;12<br>until the next id.</p>");
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].anchor, "");
  EXPECT_EQ(blocks[0].text, "Before any anchor.");
  EXPECT_EQ(blocks[1].anchor, "objective-7");
  EXPECT_EQ(blocks[1].text, "Objective 7: Address vulnerabilities");
  EXPECT_EQ(blocks[2].anchor, "para-12");
  EXPECT_EQ(blocks[2].text, "We commit to <respond> éè to the needs.");
  EXPECT_EQ(blocks[3].anchor, "para-12");
  EXPECT_EQ(blocks[3].text, "Second block.");
  EXPECT_EQ(blocks[4].anchor, "para-12");
  EXPECT_EQ(blocks[4].text, "Still in para 12 until the next id.");
}

TEST(SearchText, HtmlToTextJoinsBlocksAndKeepsUnknownEntitiesAsText) {
  EXPECT_EQ(html_to_text("<h2 id=\"x\">\nTitle\n <a class=\"here\" href=\"#x\" aria-label=\"Link\">#</a></h2>"
                         "<p>A <em>b</em>c &lt;d&gt; &#233;&#x00e8; &quot;q&quot;&unknown x</p><ul><li>one</li><li>two</li></ul>"),
            "Title A bc <d> éè \"q\"&unknown x one two");
}

}  // namespace
}  // namespace travaux::render
