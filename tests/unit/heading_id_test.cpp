// Explicit heading ids, `## Title {#id}` (CONTENT-MODEL.md, "Cross-references"): one anchor
// rule for pages, link checking and the comparison of draft versions.
#include <gtest/gtest.h>

#include "site/generate.h"
#include "diff/compare.h"
#include "markdown/anchor.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

using markdown::trailing_heading_attribute;

TEST(HeadingAttribute, FindsTheIdAndWhereTheTitleEnds) {
  auto a = trailing_heading_attribute("ACK Frames {#frame-ack}");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "frame-ack");
  EXPECT_EQ(a->title_size, 10u);
  EXPECT_EQ(trailing_heading_attribute("Push Stream {: #fig-push title=\"x\"}")->id, "fig-push");
  EXPECT_EQ(trailing_heading_attribute("Pandoc {#p .unnumbered}  ")->id, "p");
  EXPECT_EQ(trailing_heading_attribute("{#only}")->title_size, 0u);
}

TEST(HeadingAttribute, BracesThatAreNotAnIdStayText) {
  EXPECT_FALSE(trailing_heading_attribute("Set {a, b}"));
  EXPECT_FALSE(trailing_heading_attribute("Class only {.x}"));
  EXPECT_FALSE(trailing_heading_attribute("Empty {#}"));
  EXPECT_FALSE(trailing_heading_attribute("Quote {#a\"b}"));
  EXPECT_FALSE(trailing_heading_attribute("Not at the end {#x} here"));
}

TEST(HeadingAnchor, OneRuleForEveryHeading) {
  std::set<std::string> taken = {"para-1"};
  EXPECT_EQ(markdown::heading_id("Objective 007: Data", "", taken), "objective-7");
  EXPECT_EQ(markdown::heading_id("Guiding principles", "", taken), "guiding-principles");
  EXPECT_EQ(markdown::heading_id("Anything", "frame-ack", taken), "frame-ack");
  EXPECT_EQ(markdown::heading_id("Para 1", "", taken), "para-1-2");
  // A huge objective number keeps its digits rather than overflowing.
  EXPECT_EQ(markdown::heading_id("Objective 99999999999999999999", "", taken), "objective-99999999999999999999");
}

struct Site {
  bool ok = false;
  std::string diagnostics;
  std::map<std::string, std::string> files;
};

Site build(const std::string& spec) {
  test::TempDir dir;
  test::write_tree(dir.path(), spec);
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  Site s;
  s.ok = out.has_value();
  s.diagnostics = test::diagnostics_text(diags);
  if (out) s.files = out->site.files;
  return s;
}

const char* kArchive = "-- archive.toml --\ntitle = \"T\"\n";

TEST(HeadingId, PagesShowNoBracesAndLinksReachTheId) {
  Site s = build(std::string(kArchive) +
                 "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n## ACK Frames {#frame-ack}\n\n"
                 "See [the frame](@b#frame-ack) and [plain](@b#plain-heading).\n"
                 "-- documents/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-05\n+++\n## ACK Frames {#frame-ack}\n\n"
                 "## Plain heading\n\nText.\n");
  ASSERT_TRUE(s.ok) << s.diagnostics;
  const std::string& b = s.files.at("documents/b/index.html");
  EXPECT_NE(b.find("<h2 id=\"frame-ack\">\nACK Frames\n <a class=\"here\" href=\"#frame-ack\""), std::string::npos) << b;
  EXPECT_EQ(b.find("{#"), std::string::npos);
  EXPECT_NE(b.find("<h2 id=\"plain-heading\">"), std::string::npos);
  const std::string& a = s.files.at("letters/a/index.html");
  EXPECT_NE(a.find("documents/b/index.html#frame-ack"), std::string::npos);
}

TEST(HeadingId, TheSlugOfATitleWithAnIdIsNotAnAnchor) {
  Site s = build(std::string(kArchive) +
                 "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\nSee [x](@b#ack-frames).\n"
                 "-- documents/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-05\n+++\n## ACK Frames {#frame-ack}\n");
  EXPECT_FALSE(s.ok);
  EXPECT_NE(s.diagnostics.find("letters/a.md:5:5: error:"), std::string::npos) << s.diagnostics;
  EXPECT_NE(s.diagnostics.find("ack-frames"), std::string::npos) << s.diagnostics;
}

TEST(HeadingId, ASectionKeepsItsIdentityWhenRenamedRenumberedOrMoved) {
  const diff::DraftText before = diff::read_draft(
      "## Frames {#frames}\n\nIntro.\n\n### ACK Frame {#frame-ack}\n\nAcks say what arrived.\n\n"
      "## Errors {#errors}\n\nError text here.\n", 1);
  // Renamed, moved to another level and after another section; the ids stay.
  const diff::DraftText after = diff::read_draft(
      "## Errors {#errors}\n\nError text here.\n\n## Frames {#frames}\n\nIntro.\n\n"
      "## 7.2 ACK Frames {#frame-ack}\n\nAcks say what arrived.\n", 1);
  const diff::Comparison c = diff::compare(before, after);
  ASSERT_EQ(c.sections.size(), 3u);
  const diff::SectionChange& ack = c.sections[2];
  ASSERT_TRUE(ack.before && ack.after);
  EXPECT_EQ(ack.anchor(), "frame-ack");
  EXPECT_EQ(ack.before->title, "ACK Frame");
  EXPECT_EQ(ack.after->title, "7.2 ACK Frames");
  EXPECT_EQ(ack.after->level, 2);
  EXPECT_FALSE(ack.renamed);  // the same anchor: the same section
  EXPECT_TRUE(ack.title_changed);
  EXPECT_EQ(ack.counts.added + ack.counts.removed, 0);
}

TEST(HeadingId, ARenamedSectionWithItsIdHasOneHistory) {
  const std::string drafts =
      "-- drafts/v1.md --\n+++\ntitle = \"V1\"\ndate = 2018-02-05\nversion = 1\n+++\n"
      "## ACK Frame {#frame-ack}\n\nAcks say what arrived.\n"
      "-- drafts/v2.md --\n+++\ntitle = \"V2\"\ndate = 2018-03-05\nversion = 2\n+++\n"
      "## ACK Frames {#frame-ack}\n\nAcks say what arrived, and when.\n";
  Site s = build(std::string(kArchive) + drafts);
  ASSERT_TRUE(s.ok) << s.diagnostics;
  EXPECT_EQ(s.files.count("history/ack-frame/index.html"), 0u);
  EXPECT_EQ(s.files.count("history/ack-frames/index.html"), 0u);
  const std::string& h = s.files.at("history/frame-ack/index.html");
  EXPECT_NE(h.find("<h1>History of ACK Frames</h1>"), std::string::npos);
  EXPECT_NE(h.find("Acks say what arrived<ins>, and when</ins>."), std::string::npos) << h;
  const std::string& changes = s.files.at("drafts/v2/changes/index.html");
  EXPECT_NE(changes.find("Heading reworded."), std::string::npos);
  EXPECT_NE(changes.find("<del>Frame</del><ins>Frames</ins>"), std::string::npos) << changes;
  EXPECT_EQ(changes.find("{#"), std::string::npos);
}

}  // namespace
}  // namespace travaux
