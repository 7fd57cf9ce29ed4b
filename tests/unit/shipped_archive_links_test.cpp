// The shipped GCM archive links its letters' mentions to the right pages (issue #3, "Done
// means": a handful of real links land on the right page and anchor; check is clean).
#include <gtest/gtest.h>

#include <regex>

#include "link/link.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::link {
namespace {

struct Shipped {
  diag::Diagnostics diags;
  model::Archive archive;
  LinkedArchive linked;
  Shipped() {
    archive = load::load_archive(std::string(TRAVAUX_SOURCE_DIR) + "/content", diags);
    linked = link_archive(archive, diags);
    diags.sort();
  }
  /// Every href of a link whose text is exactly `text`, in document order.
  std::vector<std::string> hrefs(std::string_view id, const std::string& text) const {
    const model::Document* d = archive.find(id);
    EXPECT_NE(d, nullptr) << id;
    if (!d) return {};
    const std::string& html = linked.of(archive, *d).body_html;
    std::vector<std::string> out;
    std::regex re("<a href=\"([^\"]*)\"[^>]*>" + text + "</a>");
    for (std::sregex_iterator it(html.begin(), html.end(), re), e; it != e; ++it) out.push_back((*it)[1]);
    return out;
  }
};

const Shipped& shipped() {
  static const Shipped s;
  return s;
}

using V = std::vector<std::string>;

TEST(ShippedArchiveLinks, CheckIsClean) {
  EXPECT_EQ(test::diagnostics_text(shipped().diags), "");
}

TEST(ShippedArchiveLinks, RevOneLetterLinksObjectivesParagraphAndRounds) {
  const auto& s = shipped();
  const char* id = "2018-03-26-draft-rev-1";
  // Rev 1's text is not held, so objectives and paragraphs land on its page.
  EXPECT_EQ(s.hrefs(id, "Objectives 2"), V{"travaux:drafts/rev-1/"});
  for (const char* n : {"4", "5", "6", "7", "12", "15", "16", "21"})
    EXPECT_EQ(s.hrefs(id, n), V{"travaux:drafts/rev-1/"}) << n;
  EXPECT_EQ(s.hrefs(id, "paragraph 41"), V{"travaux:drafts/rev-1/"});
  EXPECT_EQ(s.hrefs(id, "third round of intergovernmental negotiations"), V{"travaux:rounds/round-3/"});
  EXPECT_EQ(s.hrefs(id, "fourth round of intergovernmental negotiations"), V{"travaux:rounds/round-4/"});
  EXPECT_EQ(s.hrefs(id, "first"), V{"travaux:rounds/round-1/"});
  EXPECT_EQ(s.hrefs(id, "second"), V{"travaux:rounds/round-2/"});
  EXPECT_EQ(s.hrefs(id, "Draft Rev 1"), (V{"travaux:drafts/rev-1/", "travaux:drafts/rev-1/"}));
}

TEST(ShippedArchiveLinks, ZeroDraftPlusLetterPrefersTheLongerAlias) {
  const auto& s = shipped();
  const char* id = "2018-03-05-zero-draft-plus";
  // Once in curly quotes, once plain: both are whole words.
  EXPECT_EQ(s.hrefs(id, "zero draft plus"), (V{"travaux:drafts/zero-draft-plus/", "travaux:drafts/zero-draft-plus/"}));
  EXPECT_EQ(s.hrefs(id, "zero draft"), V{"travaux:drafts/zero-draft/"});
  EXPECT_EQ(s.hrefs(id, "second round"), V{"travaux:rounds/round-2/"});
}

TEST(ShippedArchiveLinks, FourthRoundProgrammeLinksTheObjectiveRangeInRevOne) {
  const auto& s = shipped();
  EXPECT_EQ(s.hrefs("2018-05-07-fourth-round-programme", "objectives 17"), V{"travaux:drafts/rev-1/"});
  EXPECT_EQ(s.hrefs("2018-05-07-fourth-round-programme", "22"), V{"travaux:drafts/rev-1/"});
}

TEST(ShippedArchiveLinks, RoundPagesAreReferencedByTheLettersThatMentionThem) {
  const auto& s = shipped();
  auto it = s.linked.backlinks.find("round-3");
  ASSERT_NE(it, s.linked.backlinks.end());
  std::vector<std::string> from;
  for (const auto& r : it->second) from.push_back(r.from_id);
  EXPECT_NE(std::find(from.begin(), from.end(), "2018-03-26-draft-rev-1"), from.end());
  for (const auto& r : it->second)
    if (r.from_id == "rev-1") {
      EXPECT_EQ(r.via, Reference::Via::mention);
      EXPECT_NE(r.context.find("third round"), std::string::npos) << r.context;
    }
}

/// Who links to `id`, by source id, from "Referenced by" data.
std::vector<std::string> referenced_by(const Shipped& s, std::string_view id) {
  std::vector<std::string> from;
  auto it = s.linked.backlinks.find(id);
  if (it != s.linked.backlinks.end())
    for (const auto& r : it->second) from.push_back(r.from_id);
  return from;
}

// Letters named by their date (CONTENT-MODEL.md, "Cross-references"): the two real cases.
TEST(ShippedArchiveLinks, CoFacilitatorsLetterOfFiveMarchNamesTheirLetterOfTwentyEighthFebruary) {
  const auto& s = shipped();
  // "As conveyed in our letter of 28 February": the year inferred from 5 March 2018.
  EXPECT_EQ(s.hrefs("2018-03-05-zero-draft-plus", "letter of 28 February"),
            V{"travaux:letters/2018-02-28-second-round-format/"});
  const auto from = referenced_by(s, "2018-02-28-second-round-format");
  EXPECT_NE(std::find(from.begin(), from.end(), "2018-03-05-zero-draft-plus"), from.end());
}

TEST(ShippedArchiveLinks, PresidentsLetterOfFifteenFebruaryNamesHisOwnLetterOfFifthFebruary) {
  const auto& s = shipped();
  // Two letters are dated 5 February 2018; "my letter" is the President's own, which the
  // archive knows only from this mention (full_text = false): linked all the same.
  EXPECT_EQ(s.hrefs("2018-02-15-pga-cover-first-round-programme", "letter dated 5 February 2018"),
            V{"travaux:letters/2018-02-05-pga-zero-draft-presentation/"});
  const auto pga = referenced_by(s, "2018-02-05-pga-zero-draft-presentation");
  EXPECT_NE(std::find(pga.begin(), pga.end(), "2018-02-15-pga-cover-first-round-programme"), pga.end());
  const auto cof = referenced_by(s, "2018-02-05-zero-draft");
  EXPECT_EQ(std::find(cof.begin(), cof.end(), "2018-02-15-pga-cover-first-round-programme"), cof.end());
}

}  // namespace
}  // namespace travaux::link
