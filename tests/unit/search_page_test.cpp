// Tests for render/search_page.cpp: the search index and page (issue #6; CONTENT-MODEL.md
// "Output": search/index.html, "Edge rules": every value escaped for the format it lands in).
#include "render/search_page.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

struct Rendered {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  link::LinkedArchive linked;
  std::unique_ptr<Theme> theme;
  explicit Rendered(const std::string& spec) {
    test::write_tree(dir.path(), spec);
    archive = load::load_archive(dir.path(), diags);
    linked = link::link_archive(archive, diags);
    theme = Theme::load(archive, diags);
    EXPECT_EQ(test::diagnostics_text(diags), "");
  }
  RenderInput in() const { return {archive, linked, *theme}; }
};

constexpr const char* kSpec =
    "-- archive.toml --\ntitle = \"GCM\"\n[people.cofac]\nname = \"Jürg Lauber\"\nrole = \"Co-facilitator\"\n"
    "-- letters/a.md --\n+++\ntitle = \"Zero </script> draft\"\ndate = 2018-02-05\nfrom = [\"cofac\"]\n"
    "to = \"All Permanent Representatives\"\ntopics = [\"drafts\"]\nsummary = \"Sharing the \\\"zero\\\" draft.\"\n+++\n"
    "## Heading\n\nDear *colleagues*, we share the text &amp; more.\n\nLine two.\n"
    "-- letters/b.md --\n+++\ntitle = \"Later\"\ndate = 2018-03-01\n+++\nText.\n"
    "-- letters/c.md --\n+++\ntitle = \"Unpublished\"\ndate = 2018-03-02\ndraft = true\n+++\nSecret.\n";

TEST(SearchIndex, OneEntryPerPublishedDocumentNewestFirstWithEscapedValues) {
  Rendered r(kSpec);
  EXPECT_EQ(render_search_index(r.in()),
            "// Search index of this site, written by travaux build; read by assets/search.js.\n"
            "window.TRAVAUX_SEARCH = {\"documents\": [\n"
            "{\"title\":\"Later\",\"kind\":\"letter\",\"date\":\"2018-03-01\",\"date_text\":\"1 March 2018\","
            "\"url\":\"../letters/b/index.html\",\"people\":[],\"topics\":[],\"summary\":\"Text.\",\"text\":\"Text.\"},\n"
            "{\"title\":\"Zero \\u003c/script> draft\",\"kind\":\"letter\",\"date\":\"2018-02-05\","
            "\"date_text\":\"5 February 2018\",\"url\":\"../letters/a/index.html\","
            "\"people\":[\"Jürg Lauber\",\"All Permanent Representatives\"],\"topics\":[\"drafts\"],"
            "\"summary\":\"Sharing the \\\"zero\\\" draft.\","
            "\"text\":\"Heading Dear colleagues, we share the text & more. Line two.\"}\n"
            "]};\n");
}

TEST(SearchIndex, HtmlToTextDropsTagsAndSelfLinksAndDecodesEntities) {
  EXPECT_EQ(html_to_text("<h2 id=\"x\">\nTitle\n <a class=\"here\" href=\"#x\" aria-label=\"Link\">#</a></h2>"
                         "<p>A <em>b</em>c &lt;d&gt; &#233;&#x00e8; &quot;q&quot;&unknown x</p><ul><li>one</li><li>two</li></ul>"),
            "Title A bc <d> éè \"q\"&unknown x one two");
}

TEST(SearchIndex, TruncateCutsAtAWordAndNeverInsideAUtf8Sequence) {
  EXPECT_EQ(truncate_text("short", 10), "short");
  EXPECT_EQ(truncate_text("alpha beta gamma", 12), "alpha beta\xE2\x80\xA6");
  // "ééééé" is 10 bytes; a cut at byte 5 falls inside the third é, so it backs off to 4.
  EXPECT_EQ(truncate_text("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5), "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

TEST(SearchPage, LabelledFormWithQueryNoscriptAndRelativeScripts) {
  Rendered r(kSpec);
  const std::string html = render_search_page(r.in());
  EXPECT_NE(html.find("<h1>Search</h1>"), std::string::npos);
  EXPECT_NE(html.find("<form class=\"search-form\" role=\"search\" action=\"../search/index.html\" method=\"get\">"), std::string::npos);
  EXPECT_NE(html.find("<label for=\"search-q\">"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"search\" id=\"search-q\" name=\"q\""), std::string::npos);
  EXPECT_NE(html.find("<noscript>"), std::string::npos);
  EXPECT_NE(html.find("the 2 documents"), std::string::npos);
  EXPECT_NE(html.find("<script src=\"search-index.js\"></script>\n<script src=\"../assets/search.js\"></script>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"../search/index.html\" aria-current=\"page\">Search</a>"), std::string::npos);
}

TEST(SearchPage, RenderSiteWritesThePageTheIndexAndTheScript) {
  Rendered r(kSpec);
  diag::Diagnostics diags;
  const render::SiteImage site = render_site(r.archive, r.linked, *r.theme, diags);
  EXPECT_EQ(test::diagnostics_text(diags), "");
  EXPECT_EQ(site.files.count("search/index.html"), 1u);
  EXPECT_EQ(site.files.count("search/search-index.js"), 1u);
  EXPECT_EQ(site.files.count("assets/search.js"), 1u);
}

}  // namespace
}  // namespace travaux::render
