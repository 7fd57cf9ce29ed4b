// Tests for render/theme.cpp: template errors name the file and line; overrides (issue #2 "Templates").
#include "render/theme.h"

#include <gtest/gtest.h>

#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

TEST(Theme, TemplateErrorNamesTheTemplateFileAndLine) {
  diag::Diagnostics diags;
  auto theme = Theme::from_files({{"letter.html", "<h1>{{title}}</h1>\n<p>\n{{#from}}x\n"}},
                                 {{"letter.html", "themes/mine/letter.html"}}, diags);
  EXPECT_EQ(theme, nullptr);
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(diags.items()[0].pos, (diag::SourcePos{"themes/mine/letter.html", 3, 1}));
  EXPECT_EQ(diags.items()[0].message, "template error: Unclosed section \"from\" at 23");
}

TEST(Theme, RendersWithPartialsAndEscapes) {
  diag::Diagnostics diags;
  auto theme = Theme::from_files({{"page.html", "<h1>{{title}}</h1>{{> _foot}}"}, {"_foot.html", "<footer>{{title}}</footer>"},
                                  {"style.css", "body{}"}},
                                 {}, diags);
  ASSERT_NE(theme, nullptr);
  Data d;
  d.set("title", std::string("A <b> & \"c\""));
  EXPECT_EQ(theme->render("page.html", d),
            "<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1><footer>A &lt;b&gt; &amp; &quot;c&quot;</footer>");
  EXPECT_EQ(theme->assets().at("style.css"), "body{}");
  EXPECT_FALSE(theme->has("_foot.html"));
}

// Partials are put in place of their tags when the theme is loaded (render/theme.cpp); those
// that change delimiters or nest partials are left to the library. Each kind must render as
// the library renders a partial: with the context of the tag, inside sections too.
TEST(Theme, PartialsInSectionsNestedAndWithOtherDelimitersRenderAlike) {
  diag::Diagnostics diags;
  auto theme = Theme::from_files(
      {{"page.html", "{{#items}}[{{>_item}}]{{/items}}|{{> _outer }}|{{> _delims}}|{{> _missing}}|{{title}}"},
       {"_item.html", "{{name}}{{#last}}!{{/last}}"},
       {"_outer.html", "<{{> _item}}>"},
       {"_delims.html", "{{=<% %>=}}<%title%>"}},
      {}, diags);
  ASSERT_NE(theme, nullptr);
  Data d;
  d.set("title", std::string("T&"));
  d.set("name", std::string("top"));
  Data items(Data::type::list);
  Data a;
  a.set("name", std::string("a"));
  Data b;
  b.set("name", std::string("b"));
  b.set("last", true);
  items.push_back(a);
  items.push_back(b);
  d.set("items", items);
  EXPECT_EQ(theme->render("page.html", d), "[a][b!]|<top>|T&amp;||T&amp;");
}

TEST(Theme, ArchiveThemeOverridesDefaultTemplates) {
  test::TempDir dir;
  test::write_tree(dir.path(),
                   "-- archive.toml --\ntitle = \"T\"\ntheme = \"mine\"\n"
                   "-- themes/mine/page.html --\nMINE {{title}}\n");
  diag::Diagnostics diags;
  auto archive = load::load_archive(dir.path(), diags);
  auto theme = Theme::load(archive, diags);
  ASSERT_NE(theme, nullptr);
  Data d;
  d.set("title", std::string("x"));
  EXPECT_EQ(theme->render("page.html", d), "MINE x\n");
  EXPECT_TRUE(theme->has("letter.html"));  // the rest comes from the default theme
}

TEST(Theme, UnknownThemeIsAnError) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\ntheme = \"nope\"\n");
  diag::Diagnostics diags;
  load::load_archive(dir.path(), diags);
  EXPECT_EQ(test::diagnostics_text(diags), "archive.toml:2:1: error: theme 'nope' not found\n");
}

}  // namespace
}  // namespace travaux::render
