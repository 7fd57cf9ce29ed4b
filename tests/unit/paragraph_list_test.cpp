// The paragraphs of changes and history pages (render/paragraph_list.h): written by the program
// for the default theme's `_paragraph.html`, they are byte for byte what the template library
// makes of that partial; an archive's own partial is rendered as written.
#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "render/paragraph_list.h"
#include "render/render.h"
#include "render/theme.h"
#include "render/theme_files.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> default_files() {
  std::map<std::string, std::string> files;
  for (const auto& f : render::default_theme_files()) files.emplace(f.name, f.content);
  return files;
}

render::SiteImage build_with(const fs::path& content, const std::map<std::string, std::string>& theme_files,
                             bool expect_stock) {
  diag::Diagnostics diags;
  const model::Archive archive = load::load_archive(content, diags);
  const link::LinkedArchive linked = link::link_archive(archive, diags);
  const auto theme = render::Theme::from_files(theme_files, {}, diags);
  EXPECT_TRUE(theme);
  if (!theme) return {};
  EXPECT_EQ(theme->stock_partial("_paragraph"), expect_stock);
  return render::render_site(archive, linked, *theme, diags);
}

/// The site with the default partial, written directly, against the site with the same partial
/// made unequal to the default by a Mustache comment, so that the library renders it.
void expect_same_paragraphs(const fs::path& content) {
  auto files = default_files();
  const render::SiteImage stock = build_with(content, files, true);
  files["_paragraph.html"].insert(files["_paragraph.html"].rfind("</li>") + 5, "{{! the library renders this }}");
  const render::SiteImage library = build_with(content, files, false);
  EXPECT_EQ(test::differing_files(library.files, stock.files), "") << "the written paragraphs differ from the partial's";
  std::size_t pages_with_paragraphs = 0;
  for (const auto& [path, bytes] : stock.files) pages_with_paragraphs += bytes.find("<li class=\"para ") != std::string::npos;
  EXPECT_GE(pages_with_paragraphs, 5u);
}

TEST(ParagraphList, WrittenAsTheDefaultPartialRendersThemOnTheDraftsDemo) {
  // Paragraphs added, removed, changed, moved, split, merged and renumbered; sections renamed.
  expect_same_paragraphs(fs::path(TRAVAUX_SOURCE_DIR) / "examples/drafts-demo");
}

TEST(ParagraphList, WrittenAsTheDefaultPartialRendersThemOnRealDrafts) {
  const fs::path content = fs::path(TRAVAUX_SOURCE_DIR) / "../shared/real/quic-http/content";
  ASSERT_TRUE(fs::is_directory(content))
      << content << " is missing: the quic-http archive must sit in shared/real/ beside the repository";
  expect_same_paragraphs(content);
}

TEST(ParagraphList, EveryFieldIsEscapedAndEmptyOnesAreLeftOut) {
  const std::string odd = "a<b>&\"'\x01";
  auto files = default_files();
  diag::Diagnostics diags;
  const auto stock = render::Theme::from_files(files, {}, diags);
  files["_paragraph.html"] += "{{! not the default }}";
  const auto library = render::Theme::from_files(files, {}, diags);
  ASSERT_TRUE(stock && library);
  ASSERT_TRUE(stock->stock_partial("_paragraph"));
  ASSERT_FALSE(library->stock_partial("_paragraph"));
  const std::vector<render::ParagraphRow> rows = {
      {odd, odd, odd, odd, odd, "<em>note</em>", std::string_view("<b>words</b>")},
      {"same", "", "", "", "", "", std::nullopt},
      {"added", "", "3", "", "Added", "", std::string_view("")},
  };
  render::ParagraphList a(*stock), b(*library);
  for (const auto& r : rows) {
    a.add(r);
    b.add(r);
  }
  std::string written, rendered;
  a.take().append_to(written);
  b.take().append_to(rendered);
  EXPECT_EQ(written, rendered);
  EXPECT_EQ(written.find('\x01'), std::string::npos);
  EXPECT_NE(written.find("a&lt;b&gt;&amp;&quot;&apos;"), std::string::npos) << written;
  EXPECT_NE(written.find("<li class=\"para same\"><span class=\"num\"></span></li>\n"), std::string::npos) << written;
  EXPECT_NE(written.find("<div class=\"words\"></div>"), std::string::npos) << written;  // given, though empty
}

TEST(ParagraphList, AnArchivesOwnPartialIsRenderedForEachParagraph) {
  auto files = default_files();
  files["_paragraph.html"] = "<p data-n=\"{{number}}\">{{{html}}}</p>\n";
  diag::Diagnostics diags;
  const auto theme = render::Theme::from_files(files, {}, diags);
  ASSERT_TRUE(theme);
  render::ParagraphList list(*theme);
  list.add({"same", "", "7", "", "", "", std::string_view("<em>x</em>")});
  std::string out;
  list.take().append_to(out);
  EXPECT_EQ(out, "<p data-n=\"7\"><em>x</em></p>\n");
}

}  // namespace
}  // namespace travaux
