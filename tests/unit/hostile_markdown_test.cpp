// Markdown built to make parsers go quadratic or recurse deeply (issue #7; the cases follow
// cmark's test/pathological_tests.py): every one must build, in seconds, without a crash.
#include <gtest/gtest.h>

#include <chrono>

#include "cli/pipeline.h"
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
  std::string page;  // letters/a/index.html
  double seconds = 0;
  std::string diagnostics;
};

/// Builds an archive whose one letter has `body`, in-process, through load, link and render.
Built build_body(const std::string& body) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\naliases = [\"zero draft\"]\n+++\n" +
                                   body);
  const auto started = std::chrono::steady_clock::now();
  diag::Diagnostics diags;
  auto out = cli::generate(dir.path(), false, diags);
  Built b;
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  b.ok = out.has_value();
  b.diagnostics = test::diagnostics_text(diags);
  if (out) b.page = out->site.files.at("letters/a/index.html");
  return b;
}

// Generous: a linear build of these bodies takes well under a second; quadratic behaviour on
// inputs this size takes minutes. Sanitizer builds are several times slower, hence the margin.
constexpr double kSecondsLimit = 30;
constexpr int kDeep = 50000;

TEST(HostileMarkdown, TensOfThousandsOfNestedBlockQuotes) {
  Built b = build_body(repeat("> ", kDeep) + "the zero draft\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
  EXPECT_NE(b.page.find("<blockquote>"), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfNestedListLevels) {
  Built b = build_body(repeat("- ", kDeep) + "x\n" + repeat("1. ", kDeep) + "y\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
  EXPECT_NE(b.page.find("<ul>"), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfNestedBrackets) {
  Built b = build_body(repeat("[", kDeep) + "x" + repeat("]", kDeep) + "\n\n" + repeat("[a", kDeep) + "\n\n" +
                       repeat("[](", kDeep) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
}

TEST(HostileMarkdown, DeeplyNestedLinksAndImages) {
  // Images may nest inside images; each level's text is collected when links are rewritten.
  Built b = build_body(repeat("![", 5000) + "x" + repeat("](https://example.org/)", 5000) + "\n\n" +
                       repeat("[a](https://example.org/ ", 5000) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
  EXPECT_NE(b.page.find("<img src=\"https://example.org/\""), std::string::npos);
}

TEST(HostileMarkdown, TensOfThousandsOfLinksInOneParagraph) {
  // Each link quotes the sentence around it: the paragraph's text must be built once.
  Built b = build_body(repeat("[a](https://example.org/) and [b](@a) ", kDeep / 2) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
}

TEST(HostileMarkdown, DeeplyNestedEmphasis) {
  Built b = build_body(repeat("*a **a ", kDeep) + "b" + repeat(" a** a*", kDeep) + "\n\n" + repeat("_a ", kDeep) +
                       "\n\n" + repeat("*", kDeep) + "x" + repeat("*", kDeep) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
  EXPECT_NE(b.page.find("<em>"), std::string::npos);
}

TEST(HostileMarkdown, QuadraticInlineCases) {
  Built b = build_body(repeat("a_", kDeep) + "\n\n" + repeat("`a``", kDeep) + "\n\n" + repeat("<", kDeep) + "\n\n" +
                       repeat("&#", kDeep) + "\n\n" + repeat("a***", kDeep) + "\n\n" + "a" +
                       repeat("\\", kDeep) + "\n\n" + repeat("- a\n", kDeep) + "\n" +
                       repeat("| a |\n", 2) + "|---|\n" + repeat("| b |\n", kDeep) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
}

TEST(HostileMarkdown, ManyMentionCandidatesInOneParagraph) {
  // Mention detection runs over every text run: a long paragraph full of near misses.
  Built b = build_body(repeat("the zero draf round paragraph Objective zero draft ", kDeep / 5) + "\n");
  ASSERT_TRUE(b.ok) << b.diagnostics;
  EXPECT_LT(b.seconds, kSecondsLimit);
}

}  // namespace
}  // namespace travaux

namespace travaux {
namespace {

TEST(HostileMarkdown, MentionInATableCellKeepsItsTextAndLinks) {
  // Issue #7, found by LeakSanitizer: table cells refused the mention's link node, which
  // leaked, and the cell lost its text.
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/z.md --\n+++\ntitle = \"Z\"\ndate = 2018-02-01\naliases = [\"zero draft\"]\n+++\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n\n"
                               "| text |\n|---|\n| zero draft |\n| see the zero draft here |\n");
  diag::Diagnostics diags;
  auto out = cli::generate(dir.path(), false, diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  const std::string& page = out->site.files.at("letters/a/index.html");
  EXPECT_NE(page.find("<td><a href=\"../../letters/z/index.html\" title=\"Z\">zero draft</a></td>"), std::string::npos) << page;
  EXPECT_NE(page.find("<td>see the <a href=\"../../letters/z/index.html\" title=\"Z\">zero draft</a> here</td>"), std::string::npos)
      << page;
}

}  // namespace
}  // namespace travaux
