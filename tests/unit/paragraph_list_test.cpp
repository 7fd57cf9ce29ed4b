// The paragraphs of changes, history and provenance pages, the sections of changes pages and the
// versions of history pages (render/paragraph_list.h, render/provenance_paragraphs.h,
// render/section_list.h, render/version_list.h): written
// by the program for the default theme's partials, they are byte for byte what the template
// library makes of those partials; an archive's own partials are rendered as written.
#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "render/paragraph_list.h"
#include "render/provenance_paragraphs.h"
#include "render/section_list.h"
#include "render/version_list.h"
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

/// The default theme, and the same with each of `partials` made unequal to the default's by a
/// Mustache comment, so that the library renders them.
struct StockAndLibrary {
  std::unique_ptr<render::Theme> stock, library;
};
StockAndLibrary stock_and_library(const std::vector<std::string>& partials) {
  auto files = default_files();
  diag::Diagnostics diags;
  StockAndLibrary out;
  out.stock = render::Theme::from_files(files, {}, diags);
  for (const auto& p : partials) files[p + ".html"] += "{{! not the default }}";
  out.library = render::Theme::from_files(files, {}, diags);
  EXPECT_TRUE(out.stock && out.library);
  for (const auto& p : partials) {
    EXPECT_TRUE(out.stock && out.stock->stock_partial(p)) << p;
    EXPECT_FALSE(out.library && out.library->stock_partial(p)) << p;
  }
  return out;
}

render::SiteImage build_with(const fs::path& content, const std::map<std::string, std::string>& theme_files,
                             const std::string& partial, bool expect_stock) {
  diag::Diagnostics diags;
  const model::Archive archive = load::load_archive(content, diags);
  const link::LinkedArchive linked = link::link_archive(archive, diags);
  const auto theme = render::Theme::from_files(theme_files, {}, diags);
  EXPECT_TRUE(theme);
  if (!theme) return {};
  EXPECT_EQ(theme->stock_partial(partial), expect_stock);
  return render::render_site(archive, linked, *theme, diags);
}

/// The site with the default `partial` (named without ".html"), written directly, against the
/// site with the same partial made unequal to the default by a Mustache comment at its end, so
/// that the library renders it; `written` is a piece of what it writes, to be found on 2 pages or more.
void expect_same_as_library(const fs::path& content, const std::string& partial, const std::string& written) {
  auto files = default_files();
  const render::SiteImage stock = build_with(content, files, partial, true);
  files[partial + ".html"].insert(0, "{{! the library renders this }}");
  const render::SiteImage library = build_with(content, files, partial, false);
  EXPECT_EQ(test::differing_files(library.files, stock.files), "") << "what is written differs from " << partial;
  std::size_t pages = 0;
  for (const auto& [path, bytes] : stock.files) pages += bytes.find(written) != std::string::npos;
  EXPECT_GE(pages, 2u);
}

void expect_same_paragraphs(const fs::path& content) {
  expect_same_as_library(content, "_paragraph", "<li class=\"para ");
  expect_same_as_library(content, "_history_version", "<li class=\"version");
  expect_same_as_library(content, "_section_change", "<section class=\"section-change");
  expect_same_as_library(content, "_unchanged_run", "<details class=\"unchanged-run\">");
  expect_same_as_library(content, "_provenance_paragraph", "\" class=\"age-");
}

fs::path quic_http() { return fs::path(TRAVAUX_SOURCE_DIR) / "../shared/real/quic-http/content"; }

TEST(ParagraphList, WrittenAsTheDefaultPartialRendersThemOnTheDraftsDemo) {
  // Paragraphs added, removed, changed, moved, split, merged and renumbered; sections renamed.
  expect_same_paragraphs(fs::path(TRAVAUX_SOURCE_DIR) / "examples/drafts-demo");
}

TEST(ParagraphList, WrittenAsTheDefaultPartialRendersThemOnRealDrafts) {
  ASSERT_TRUE(fs::is_directory(quic_http()))
      << quic_http() << " is missing: the quic-http archive must sit in shared/real/ beside the repository";
  expect_same_paragraphs(quic_http());
}

TEST(ParagraphList, EveryFieldIsEscapedAndEmptyOnesAreLeftOut) {
  const std::string odd = "a<b>&\"'\x01";
  const auto themes = stock_and_library({"_paragraph"});
  ASSERT_TRUE(themes.stock && themes.library);
  const render::Theme& stock = *themes.stock;
  const render::Theme& library = *themes.library;
  const std::vector<render::ParagraphRow> rows = {
      {odd, odd, odd, odd, odd, "<em>note</em>", std::string_view("<b>words</b>")},
      {"same", "", "", "", "", "", std::nullopt},
      {"added", "", "3", "", "Added", "", std::string_view("")},
      // HTML written from the site root, held by the comparison stage or made now.
      {"same", "", "4", "", "", "", std::string_view("<a href=\"travaux:drafts/x/#para-1\">x</a>"), true, true},
      {"same", "", "5", "", "", "", std::string_view("<a href=\"travaux:drafts/y/\">y</a>"), false, true},
  };
  const render::PageLocation at{"drafts/z/changes", false};
  render::ParagraphList a(stock, at), b(library, at);
  for (const auto& r : rows) {
    a.add(r);
    b.add(r);
  }
  std::string written, rendered;
  a.take().append_to(written, at);
  b.take().append_to(rendered, at);
  EXPECT_EQ(written, rendered);
  EXPECT_NE(written.find("<a href=\"../../../drafts/x/index.html#para-1\">x</a>"), std::string::npos) << written;
  EXPECT_NE(written.find("<a href=\"../../../drafts/y/index.html\">y</a>"), std::string::npos) << written;
  EXPECT_EQ(written.find("travaux:"), std::string::npos) << written;
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
  const render::PageLocation at{"drafts/z/changes", true};
  render::ParagraphList list(*theme, at);
  list.add({"same", "", "7", "", "", "", std::string_view("<em>x</em>")});
  list.add({"same", "", "8", "", "", "", std::string_view("<a href=\"travaux:drafts/x/#y\">x</a>"), true, true});
  std::string out;
  list.take().append_to(out, at);
  EXPECT_EQ(out, "<p data-n=\"7\"><em>x</em></p>\n<p data-n=\"8\"><a href=\"../../../drafts/x/#y\">x</a></p>\n");
}

TEST(VersionList, EveryKindOfEntryIsWrittenAsTheLibraryRendersIt) {
  const std::string odd = "a<b>&\"'\x01";
  const auto themes = stock_and_library({"_history_version"});
  ASSERT_TRUE(themes.stock && themes.library);
  const render::Theme& stock = *themes.stock;
  const render::Theme& library = *themes.library;
  const render::PageLocation at{"history/x", false};
  render::VersionRef ref;
  ref.label = ref.url = ref.date = ref.date_iso = odd;
  auto entries = [&] {
    std::vector<render::VersionEntry> out(5);
    out[0].draft = ref;  // every field of one version, with paragraphs
    out[0].present = out[0].not_held = true;
    out[0].status = out[0].url = out[0].heading = out[0].provenance_url = out[0].renamed = odd;
    out[0].has_section = out[0].has_paragraphs = true;
    out[0].paragraphs.text() += "<li>p</li>\n";
    out[0].paragraphs.append_lasting("<li><a href=\"travaux:drafts/v/#para-1\">x</a></li>\n", true);
    out[1].draft = ref;  // a section without paragraphs: its line is dropped
    out[1].status = "New in this version.";
    out[1].has_section = true;
    out[2].draft = ref;  // no section, no status: empty lines
    out[2].absent = true;
    out[3].run = out[3].absent = true;  // a run
    out[3].first = out[3].last = ref;
    out[3].status = odd;
    out[3].members = {{odd, odd}, {"v2", "../v2/"}};
    out[4].draft = ref;  // paragraphs without a section are not shown
    out[4].has_paragraphs = true;
    out[4].paragraphs.text() += "<li>hidden</li>\n";
    return out;
  };
  render::VersionList a(stock, at), b(library, at);
  for (auto& e : entries()) a.add(std::move(e));
  for (auto& e : entries()) b.add(std::move(e));
  std::string written, rendered;
  a.take().append_to(written, at);
  b.take().append_to(rendered, at);
  EXPECT_EQ(written, rendered);
  EXPECT_EQ(written.find('\x01'), std::string::npos);
  EXPECT_EQ(written.find("hidden"), std::string::npos);
  EXPECT_NE(written.find("a&lt;b&gt;&amp;&quot;&apos;"), std::string::npos) << written;
  EXPECT_NE(written.find("<a href=\"../../drafts/v/index.html#para-1\">x</a>"), std::string::npos) << written;
  EXPECT_NE(written.find("<p class=\"version-status\">New in this version.</p>\n\n</li>"), std::string::npos) << written;
  EXPECT_NE(written.find("</a>, <a href=\"../v2/\">v2</a>.</p>\n</li>"), std::string::npos) << written;
}

TEST(SectionList, EveryKindOfSectionAndRunIsWrittenAsTheLibraryRendersIt) {
  const std::string odd = "a<b>&\"'\x01";
  const auto themes = stock_and_library({"_section_change", "_unchanged_run"});
  ASSERT_TRUE(themes.stock && themes.library);
  const render::Theme& stock = *themes.stock;
  const render::Theme& library = *themes.library;
  const render::PageLocation at{"drafts/v2/changes", false};
  auto block = [&](const std::string& status, bool paragraphs) {
    render::SectionBlock b;
    b.anchor = b.summary = b.history_url = odd;
    b.title_html = "<em>T</em>";
    b.status = status;
    if (status != "unchanged") b.note = odd;
    b.has_paragraphs = paragraphs;
    if (paragraphs) b.paragraphs.append_lasting("<li><a href=\"travaux:drafts/v1/#para-1\">x</a></li>\n", true);
    return b;
  };
  auto write = [&](const render::Theme& theme) {
    render::SectionList list(theme, at);
    list.add(block("changed", true));
    list.add(block("added", false));
    std::vector<render::SectionBlock> run;
    run.push_back(block("unchanged", true));
    run.push_back(block("unchanged", false));
    list.add_run(odd, std::move(run));
    list.add(block("unchanged", true));
    std::string out;
    list.take().append_to(out, at);
    return out;
  };
  const std::string written = write(stock);
  EXPECT_EQ(written, write(library));
  EXPECT_EQ(written.find('\x01'), std::string::npos);
  EXPECT_NE(written.find("<section class=\"section-change changed\" id=\"a&lt;b&gt;&amp;&quot;&apos;"), std::string::npos) << written;
  EXPECT_NE(written.find("<span class=\"section-title\"><em>T</em></span>"), std::string::npos) << written;
  EXPECT_NE(written.find("<a href=\"../../../drafts/v1/index.html#para-1\">x</a>"), std::string::npos) << written;
  EXPECT_NE(written.find("<details class=\"unchanged-run\">\n<summary>a&lt;b"), std::string::npos) << written;
  // No section at all: the blank line the library leaves.
  render::SectionList none(stock, at);
  std::string empty;
  none.take().append_to(empty, at);
  EXPECT_EQ(empty, "\n");
}

TEST(ProvenanceParagraphs, EveryFieldIsWrittenAsTheLibraryRendersIt) {
  const std::string odd = "a<b>&\"'\x01";
  const auto themes = stock_and_library({"_provenance_paragraph"});
  ASSERT_TRUE(themes.stock && themes.library);
  const render::Theme& stock = *themes.stock;
  const render::Theme& library = *themes.library;
  const render::PageLocation at{"drafts/v2/provenance", true};
  const std::vector<render::ProvenanceRow> rows = {
      {odd, "3", odd, "<b>words</b>", "<a href=\"x\">v1</a>"},
      {"para-2", "0", "", "<a href=\"travaux:drafts/v1/#para-1\">x</a>", "", true, true},
      {"preamble_1", "1", "", "<a href=\"travaux:letters/l/\">l</a>", "", false, true},
  };
  auto write = [&](const render::Theme& theme) {
    render::ProvenanceParagraphs list(theme, at);
    for (const auto& r : rows) list.add(r);
    std::string out;
    list.take().append_to(out, at);
    return out;
  };
  const std::string written = write(stock);
  EXPECT_EQ(written, write(library));
  EXPECT_EQ(written.find('\x01'), std::string::npos);
  EXPECT_NE(written.find("<li id=\"a&lt;b&gt;&amp;&quot;&apos;"), std::string::npos) << written;
  EXPECT_NE(written.find("<a href=\"../../../drafts/v1/#para-1\">x</a>"), std::string::npos) << written;
  EXPECT_NE(written.find("<a href=\"../../../letters/l/\">l</a>"), std::string::npos) << written;
  EXPECT_NE(written.find("<p class=\"prov-note\"><a href=\"x\">v1</a></p></li>\n"), std::string::npos) << written;
}

}  // namespace
}  // namespace travaux
