// Markdown built to make parsers go quadratic or recurse deeply (issue #7; the cases follow
// cmark's test/pathological_tests.py): every one must build without a crash. How long each
// takes is measured by bench/pathological_bench.cpp; ctest's timeout guards against a hang.
#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/pathological_cases.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

struct Built {
  bool ok = false;
  std::string page;  // letters/a/index.html
  std::string diagnostics;
};

/// Builds an archive whose one letter has the body of case `name`, in-process, through load,
/// link and render.
Built build_case(const std::string& name) {
  const std::string& body = test::pathological_body(name);
  EXPECT_FALSE(body.empty()) << "no case " << name;
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\naliases = [\"zero draft\"]\n+++\n" +
                                   body);
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  Built b;
  b.ok = out.has_value();
  b.diagnostics = test::diagnostics_text(diags);
  if (out) b.page = out->site.files.at("letters/a/index.html");
  return b;
}

TEST(HostileMarkdown, TensOfThousandsOfNestedBlockQuotes) {
  Built b = build_case("nested-block-quotes");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<blockquote>"), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfNestedListLevels) {
  Built b = build_case("nested-list-levels");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<ul>"), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfNestedBrackets) {
  Built b = build_case("nested-brackets");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("[[[[x]]]]"), std::string::npos);
}

TEST(HostileMarkdown, DeeplyNestedLinksAndImages) {
  Built b = build_case("nested-links-and-images");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<img src=\"https://example.org/\""), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfLinksInOneParagraph) {
  Built b = build_case("links-in-one-paragraph");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<a href=\"https://example.org/\">a</a> and <a href=\"../../letters/a/index.html\">b</a>"),
            std::string::npos);
}

TEST(HostileMarkdown, DeeplyNestedEmphasis) {
  Built b = build_case("nested-emphasis");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<em>"), std::string::npos);
}

TEST(HostileMarkdown, QuadraticInlineCases) {
  Built b = build_case("quadratic-inlines");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("<table>"), std::string::npos);
}

TEST(HostileMarkdown, ManyMentionCandidatesInOneParagraph) {
  Built b = build_case("mention-candidates");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_NE(b.page.find("zero draf round"), std::string::npos);
}

}  // namespace
}  // namespace travaux
