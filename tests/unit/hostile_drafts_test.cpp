// Hostile drafts (docs/drafts-and-changes.md, "Limits"): the bodies that crashed or exploded
// the comparison of versions, each built as a draft through the whole pipeline. How long each
// takes is measured by bench/changes_bench.cpp; here each must build and show its text.
#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

struct Built {
  bool ok = false;
  std::string diagnostics;
  std::map<std::string, std::string> files;
  const std::string& at(const std::string& path) const {
    static const std::string none;
    auto it = files.find(path);
    return it == files.end() ? none : it->second;
  }
};

/// An archive with a zero draft of `before` and a first revision of `after`.
Built build_drafts(const std::string& before, const std::string& after) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-05\nversion = 1\n+++\n" +
                                   before + "-- drafts/rev-1.md --\n+++\ntitle = \"Rev 1\"\ndate = 2018-03-05\nversion = 2\n+++\n" +
                                   after);
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  Built b;
  b.ok = out.has_value();
  b.diagnostics = test::diagnostics_text(diags);
  if (out) b.files = std::move(out->site.files);
  return b;
}

TEST(HostileDrafts, ThreeHundredThousandNestedBlockQuotes) {
  const std::string body = "## Quotes\n\n" + repeat("> ", 300000) + "deep words\n";
  Built b = build_drafts(body, body + "\n1. Added after.\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.at("drafts/zero/index.html").find("deep words"), std::string::npos);
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("Paragraphs: 1 added."), std::string::npos);
  EXPECT_NE(changes.find("deep words"), std::string::npos);
}

TEST(HostileDrafts, ThirtyThousandNestedListMarkers) {
  const std::string body = "## Lists\n\n" + repeat("- ", 30000) + "x\n\n" + repeat("1. ", 30000) + "y\n";
  Built b = build_drafts(body, "## Lists\n\nNothing left.\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("<ins>Nothing left.</ins>"), std::string::npos);
  EXPECT_NE(changes.find("<span class=\"badge\">Removed</span>"), std::string::npos);
}

/// Emphasis nested `depth` levels around one word, as in the 70 KB and 140 KB drafts.
std::string nested_emphasis(int depth) {
  return repeat("*a **a ", depth) + "core" + repeat(" a** a*", depth) + "\n";
}

TEST(HostileDrafts, SeventyKilobytesOfNestedEmphasis) {
  const std::string body = "1. " + nested_emphasis(5000);
  ASSERT_GE(body.size(), 70000u);
  Built b = build_drafts(body, "1. " + nested_emphasis(5000).replace(nested_emphasis(5000).find("core"), 4, "heart"));
  ASSERT_TRUE(b.ok) << b.diagnostics;
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("<del>core</del><ins>heart</ins>"), std::string::npos);
  EXPECT_NE(changes.find("Paragraphs: 1 changed."), std::string::npos);
}

TEST(HostileDrafts, OneHundredFortyKilobytesOfNestedEmphasis) {
  const std::string body = "1. " + nested_emphasis(10000);
  ASSERT_GE(body.size(), 140000u);
  Built b = build_drafts(body, body + "\n2. One more.\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("Paragraphs: 1 added."), std::string::npos);
  EXPECT_NE(changes.find("<ins>One more.</ins>"), std::string::npos);
}

TEST(HostileDrafts, OneAndAHalfMegabytesOfShortNumberedParagraphs) {
  std::string before, after;
  for (int i = 1; i <= 165000; ++i) {
    before += std::to_string(i) + ". Short text.\n";
    after += std::to_string(i) + (i == 99999 ? ". Longer text.\n" : ". Short text.\n");
  }
  ASSERT_GE(before.size(), 1650000u);
  Built b = build_drafts(before, after);
  ASSERT_TRUE(b.ok) << b.diagnostics;
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("Paragraphs: 1 changed."), std::string::npos);
  EXPECT_NE(changes.find("<del>Short</del><ins>Longer</ins> text."), std::string::npos);
  EXPECT_NE(b.at("drafts/zero/index.html").find("id=\"para-165000\""), std::string::npos);
}

TEST(HostileDrafts, TenThousandParagraphsEveryOneChanged) {
  std::string before, after;
  for (int i = 1; i <= 10000; ++i) {
    const std::string words = "Paragraph " + std::to_string(i) + " says w" + std::to_string(i * 7) + " and v" +
                              std::to_string(i * 13) + " about the shared river basin";
    before += std::to_string(i) + ". " + words + ".\n";
    after += std::to_string(i) + ". " + words + " again.\n";
  }
  Built b = build_drafts(before, after);
  ASSERT_TRUE(b.ok) << b.diagnostics;
  const std::string& changes = b.at("drafts/rev-1/changes/index.html");
  EXPECT_NE(changes.find("Paragraphs: 10000 changed."), std::string::npos);
  EXPECT_NE(changes.find("about the shared river basin<ins> again</ins>."), std::string::npos);
}

}  // namespace
}  // namespace travaux
