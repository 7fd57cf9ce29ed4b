// Safe output whatever the content says (issue #7; CONTENT-MODEL.md, "Edge rules"): every
// front-matter value is escaped for HTML text, attributes, JSON and XML; raw HTML, event
// handlers and javascript:/data: URLs never reach a page unless unsafe_html = true.
#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

constexpr const char* kEvil = R"(<script>alert("x")</script> & 'q')";
// kEvil as kainjow's {{x}} writes it into HTML text and attribute values.
constexpr const char* kEvilHtml = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;";
// kEvil as an XML text or attribute value (feed.xml, sitemap.xml).
constexpr const char* kEvilXml = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";
// kEvil as a JSON string: '<' is escaped too, so the JSON is safe inside <script>.
constexpr const char* kEvilJson = R"("\u003cscript>alert(\"x\")\u003c/script> & 'q'")";

/// An archive where every front-matter string holds markup.
std::string evil_archive(bool unsafe_html) {
  std::string e = R"(<script>alert(\"x\")</script> & 'q')";  // kEvil as a TOML basic string body
  return "-- archive.toml --\ntitle = \"" + e + "\"\ndescription = \"" + e + "\"\n" +
         (unsafe_html ? "unsafe_html = true\n" : "") + "[people.evil]\nname = \"" + e + "\"\nrole = \"" + e +
         "\"\n"
         "-- letters/a.md --\n+++\ntitle = \"" + e + "\"\ndate = 2018-02-05\nsummary = \"" + e +
         "\"\nfrom = [\"evil\", \"" + e + "\"]\nto = \"" + e + "\"\nplace = \"" + e + "\"\ntopics = [\"" + e +
         "\"]\nsource = \"https://example.org/?a=1&b=\\\"><script>x</script>\"\n+++\n\n"
         "Raw: <script>alert(1)</script> and <img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">a</a>.\n\n"
         "<div onmouseover=\"alert(4)\">block</div>\n";
}

std::optional<site::Generated> build(const std::string& spec, diag::Diagnostics& diags) {
  static int n = 0;
  static test::TempDir root;
  const auto dir = root.path() / std::to_string(++n);
  test::write_tree(dir, spec);
  return site::generate(dir, site::Until::render, diags);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(SafetyEscaping, FrontMatterValuesAreEscapedInHtmlTextAndAttributes) {
  diag::Diagnostics diags;
  auto out = build(evil_archive(false), diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& page = out->site.files.at("letters/a/index.html");
  EXPECT_TRUE(contains(page, std::string("<h1>") + kEvilHtml + "</h1>")) << page;
  EXPECT_TRUE(contains(page, std::string("<title>") + kEvilHtml + " · " + kEvilHtml + "</title>")) << page;
  EXPECT_TRUE(contains(page, std::string("<meta name=\"description\" content=\"") + kEvilHtml + "\">")) << page;
  EXPECT_TRUE(contains(page, std::string("<dt>To</dt><dd>") + kEvilHtml + "</dd>")) << page;
  EXPECT_TRUE(contains(page, std::string("<dt>Place</dt><dd>") + kEvilHtml + "</dd>")) << page;
  // A `from` value equal to a person's name links to that person (docs/content-model.md,
  // "Topic and people slugs"), escaped like any other value.
  EXPECT_TRUE(contains(page, std::string("<li><a href=\"../../people/evil/index.html\">") + kEvilHtml + "</a>"))
      << page;
  EXPECT_TRUE(contains(page, std::string(">") + kEvilHtml + "</a><span class=\"role\">, " + kEvilHtml + "</span>"))
      << page;  // a person's name and role from archive.toml
  EXPECT_TRUE(contains(page, "href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""))
      << page;
}

TEST(SafetyEscaping, RawHtmlNeverReachesAPage) {
  diag::Diagnostics diags;
  auto out = build(evil_archive(false), diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  EXPECT_TRUE(contains(out->site.files.at("letters/a/index.html"),
                       "<p>Raw: <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> and <!-- raw HTML omitted --> "
                       "and <!-- raw HTML omitted -->a<!-- raw HTML omitted -->.</p>\n<!-- raw HTML omitted -->\n"));
  for (const auto& [path, bytes] : out->site.files) {
    // Plain-text formats, not markup: see CalendarValuesAreEscaped, and citation_test.cpp and
    // data_export_test.cpp for BibTeX, RIS and CSV read back by their own parsers.
    if (path.ends_with(".ics") || path.ends_with(".bib") || path.ends_with(".ris") || path.ends_with(".csv")) continue;
    EXPECT_FALSE(contains(bytes, "<script>")) << path;  // the theme's own <script src=...> may stay
    EXPECT_FALSE(contains(bytes, "<img src=x")) << path;
    EXPECT_FALSE(contains(bytes, "<div onmouseover")) << path;
    EXPECT_FALSE(contains(bytes, "href=\"javascript:")) << path;
  }
}

TEST(SafetyEscaping, UnsafeHtmlTrueLetsRawHtmlThrough) {
  diag::Diagnostics diags;
  auto out = build(evil_archive(true), diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& page = out->site.files.at("letters/a/index.html");
  // The GFM tag filter still defuses <script>, <iframe> and friends, as on GitHub.
  EXPECT_TRUE(contains(page, "<p>Raw: &lt;script>alert(1)&lt;/script> and <img src=x onerror=alert(2)> and "
                             "<a href=\"javascript:alert(3)\">a</a>.</p>\n<div onmouseover=\"alert(4)\">block</div>\n"))
      << page;
  // Front matter is escaped all the same.
  EXPECT_TRUE(contains(page, std::string("<h1>") + kEvilHtml + "</h1>"));
}

TEST(SafetyEscaping, FrontMatterValuesAreEscapedInJson) {
  diag::Diagnostics diags;
  auto out = build(evil_archive(false), diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& json = out->site.files.at("archive.json");
  EXPECT_TRUE(contains(json, std::string("  \"title\": ") + kEvilJson + ",\n")) << json;
  EXPECT_TRUE(contains(json, std::string("{\"id\": \"evil\", \"name\": ") + kEvilJson + ", \"role\": " + kEvilJson +
                                 "}"))
      << json;
  EXPECT_TRUE(contains(json, std::string("\"title\": ") + kEvilJson + ", \"date\": \"2018-02-05\"")) << json;
  EXPECT_TRUE(contains(json, std::string("\"from\": [\"evil\", ") + kEvilJson + "]")) << json;
  EXPECT_FALSE(contains(json, "<"));
}

TEST(SafetyEscaping, JsonEscapesControlCharactersAndLineSeparators) {
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"a\\u0001b\\u2028c\\\\d\\te\\nf\"\n", diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  EXPECT_TRUE(contains(out->site.files.at("archive.json"), "  \"title\": \"a\\u0001b\\u2028c\\\\d\\te\\nf\",\n"));
  // XML 1.0 cannot hold U+0001 at all: it is dropped.
  EXPECT_TRUE(contains(out->site.files.at("feed.xml"), "  <title>ab\xE2\x80\xA8" "c\\d\te\nf</title>\n"));
}

TEST(SafetyEscaping, FrontMatterValuesAreEscapedInXml) {
  diag::Diagnostics diags;
  auto out = build(evil_archive(false), diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& feed = out->site.files.at("feed.xml");
  EXPECT_TRUE(contains(feed, std::string("  <title>") + kEvilXml + "</title>\n")) << feed;
  EXPECT_TRUE(contains(feed, std::string("  <subtitle>") + kEvilXml + "</subtitle>\n")) << feed;
  EXPECT_TRUE(contains(feed, std::string("    <title>") + kEvilXml + "</title>\n")) << feed;
  EXPECT_TRUE(contains(feed, std::string("    <summary>") + kEvilXml + "</summary>\n")) << feed;
  EXPECT_FALSE(contains(feed, "<script"));
}

TEST(SafetyEscaping, BaseUrlIsEscapedInXmlAndHtml) {
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"T\"\nbase_url = \"https://e.org/a&b\\\"<x>/\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n",
                   diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  EXPECT_TRUE(contains(out->site.files.at("sitemap.xml"),
                       "  <url><loc>https://e.org/a&amp;b&quot;&lt;x&gt;/letters/a/</loc></url>\n"));
  EXPECT_TRUE(contains(out->site.files.at("feed.xml"),
                       "    <id>https://e.org/a&amp;b&quot;&lt;x&gt;/letters/a/</id>\n"));
  EXPECT_TRUE(contains(out->site.files.at("letters/a/index.html"),
                       "<link rel=\"canonical\" href=\"https://e.org/a&amp;b&quot;&lt;x&gt;/letters/a/\">"));
}

TEST(SafetyEscaping, CalendarValuesAreEscaped) {
  // iCalendar (RFC 5545 3.3.11): backslash, comma, semicolon and newline are escaped; markup
  // is plain text there.
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"T\"\n"
                   "-- rounds/r.md --\n+++\ntitle = \"R\"\ndate = 2018-02-20\nnumber = 1\n"
                   "location = \"Room, 1; \\\"A\\\"\\nB\\\\C\"\n\n"
                   "[[sessions]]\ndate = 2018-02-20\nstart = \"10:00\"\nend = \"13:00\"\n"
                   "title = \"S <b>1</b>, x; y\\r\\nz\"\nkind = \"negotiation\"\n+++\n",
                   diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& ics = out->site.files.at("calendar.ics");
  EXPECT_TRUE(contains(ics, "\nSUMMARY:S <b>1</b>\\, x\\; y\\nz\r\n"))
      << ics;
  EXPECT_TRUE(contains(ics, "\nLOCATION:Room\\, 1\\; \"A\"\\nB\\\\C\r\n")) << ics;
}

TEST(SafetyEscaping, JavascriptAndDataUrlsAreErrorsAtTheirPosition) {
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"T\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n\n"
                   "A [link](javascript:alert(1)) and [b](JavaScript&#58;alert(1)).\n"
                   "An ![image](data:text/html;base64,PHNjcmlwdD4=) and <vbscript:msgbox>.\n\n"
                   "[ref]: javascript:alert(2)\n\nSee [ref].\n",
                   diags);
  EXPECT_FALSE(out);
  diags.sort();
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:6:3: error: link with the script-capable scheme 'javascript:'\n"
            "letters/a.md:6:35: error: link with the script-capable scheme 'javascript:'\n"
            "letters/a.md:7:4: error: link with the script-capable scheme 'data:'\n"
            "letters/a.md:7:53: error: link with the script-capable scheme 'vbscript:'\n"
            "letters/a.md:11:5: error: link with the script-capable scheme 'javascript:'\n");
}

TEST(SafetyEscaping, SourceWithAnotherSchemeIsAnError) {
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"T\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nsource = \"javascript:alert(1)\"\n+++\n",
                   diags);
  EXPECT_FALSE(out);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:4:1: error: 'source' must be an http(s):// URL or a path into static/\n");
}

TEST(SafetyEscaping, TopicsCannotNameAPathOutsideTheirFolder) {
  diag::Diagnostics diags;
  auto out = build("-- archive.toml --\ntitle = \"T\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\ntopics = [\"../../etc\", \"/x/y\"]\n+++\n",
                   diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  EXPECT_TRUE(out->site.files.count("topics/etc/index.html"));
  EXPECT_TRUE(out->site.files.count("topics/x-y/index.html"));
  for (const auto& [path, bytes] : out->site.files) EXPECT_EQ(path.find(".."), std::string::npos) << path;
}

}  // namespace
}  // namespace travaux
