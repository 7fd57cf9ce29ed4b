// Tests for model/draft_chain.cpp (CONTENT-MODEL.md, "Drafts" and "Edge rules").
#include "model/draft_chain.h"

#include <climits>

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::model {
namespace {

Document draft(std::string id, Date date, std::optional<std::int64_t> version = {}, std::string supersedes = {},
               std::string text = {}) {
  Document d;
  d.text = std::move(text);
  d.kind = Kind::draft;
  d.id = std::move(id);
  d.source_path = "drafts/" + d.id + ".md";
  d.date = date;
  d.version = version;
  d.supersedes = std::move(supersedes);
  // Every key "written" on line 2 + its index, so errors show which key they point at.
  int line = 2;
  for (const char* key : {"version", "supersedes", "text"}) d.key_pos[key] = {d.source_path, line++, 1};
  return d;
}

std::string ids(const std::vector<const Document*>& docs) {
  std::string out;
  for (const auto* d : docs) out += (out.empty() ? "" : " ") + d->id;
  return out;
}

TEST(DraftChain, OrdersByVersionElseDate) {
  Archive a;
  a.documents = {draft("rev-1", {2018, 3, 26}), draft("zero", {2018, 2, 5}), draft("plus", {2018, 3, 5})};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  ASSERT_EQ(chain.versions().size(), 3u);
  EXPECT_EQ(chain.versions()[0]->id, "zero");
  EXPECT_EQ(chain.versions()[2]->id, "rev-1");
  EXPECT_EQ(chain.previous(*a.find("plus"))->id, "zero");
  EXPECT_EQ(chain.previous(*a.find("zero")), nullptr);
  EXPECT_EQ(chain.next(*a.find("plus"))->id, "rev-1");
  EXPECT_FALSE(diags.has_errors());
}

TEST(DraftChain, ExplicitVersionBeatsDate) {
  Archive a;
  a.documents = {draft("b", {2018, 1, 1}, 2), draft("a", {2018, 6, 1}, 1)};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(chain.versions()[0]->id, "a");
}

TEST(DraftChain, DraftInForceIsTheLatestOnOrBeforeTheDate) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("plus", {2018, 3, 5}), draft("rev-1", {2018, 3, 26})};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(chain.in_force_on({2018, 2, 4}), nullptr);
  EXPECT_EQ(chain.in_force_on({2018, 2, 5})->id, "zero");  // a draft dated D is in force on D
  EXPECT_EQ(chain.in_force_on({2018, 3, 25})->id, "plus");
  EXPECT_EQ(chain.in_force_on({2019, 1, 1})->id, "rev-1");
}

TEST(DraftChain, AmongDraftsOfOneDateTheLaterInTheChainIsInForce) {
  // Versions ordered by `version` against their dates: the search by date must still pick the
  // later version of a date, and the latest date before a gap, whatever the chain's order.
  Archive a;
  a.documents = {draft("v3", {2018, 3, 1}, 3), draft("v1", {2018, 3, 1}, 1), draft("v2", {2018, 2, 1}, 2),
                 draft("v4", {2018, 5, 1}, 4)};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  ASSERT_EQ(ids(chain.versions()), "v1 v2 v3 v4");
  EXPECT_EQ(chain.in_force_on({2018, 1, 31}), nullptr);
  EXPECT_EQ(chain.in_force_on({2018, 2, 28})->id, "v2");
  EXPECT_EQ(chain.in_force_on({2018, 3, 1})->id, "v3");  // v1 and v3 share the date; v3 is later
  EXPECT_EQ(chain.in_force_on({2018, 4, 30})->id, "v3");
  EXPECT_EQ(chain.in_force_on({2018, 5, 1})->id, "v4");
}

TEST(DraftChain, TheRoundsThatNegotiatedADraft) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("rev-1", {2018, 3, 5})};
  for (int n = 1; n <= 3; ++n) {
    Document r;
    r.kind = Kind::round;
    r.id = "round-" + std::to_string(n);
    r.number = n;
    a.documents.push_back(r);
  }
  a.documents[2].drafts = {"zero"};
  a.documents[3].drafts = {"zero", "rev-1", "zero"};  // listed twice: once for each listing
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(ids(chain.negotiated_in(*a.find("zero"))), "round-1 round-2 round-2");
  EXPECT_EQ(ids(chain.negotiated_in(*a.find("rev-1"))), "round-2");
  EXPECT_TRUE(chain.negotiated_in(*a.find("round-3")).empty());
}

TEST(DraftChain, SupersedesOverridesThePreviousVersion) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("rev-1", {2018, 3, 26}, {}, "plus"), draft("plus", {2018, 3, 5}, {}, "zero")};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  EXPECT_EQ(chain.previous(*a.find("rev-1"))->id, "plus");
  EXPECT_EQ(ids(chain.versions()), "zero plus rev-1");
}

TEST(DraftChain, AForkIsAnErrorAtTheSupersedesKey) {
  // plus follows zero by default; rev-1 names zero too: two drafts supersede one.
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}, 1), draft("plus", {2018, 3, 5}, 2, "zero"), draft("rev-1", {2018, 3, 26}, 3, "zero")};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/rev-1.md:3:1: error: 'rev-1' supersedes 'zero', which 'plus' also supersedes: a text cannot fork\n");
  EXPECT_EQ(chain.versions().size(), 3u);  // still every draft, each once
}

TEST(DraftChain, ADefaultForkPointsAtTheVersionKey) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}, 1), draft("plus", {2018, 3, 5}, 2), draft("rev-1", {2018, 3, 26}, 3, "zero")};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/plus.md:2:1: error: 'plus' supersedes 'zero' by default (the previous version of its text), "
            "which 'rev-1' also supersedes: a text cannot fork\n");
}

TEST(DraftChain, ACycleIsAnErrorAndStillOrdersEveryDraft) {
  Archive a;
  a.documents = {draft("a", {2018, 1, 1}, 1, "c"), draft("b", {2018, 2, 1}, 2, "a"), draft("c", {2018, 3, 1}, 3, "b")};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags), "drafts/a.md:3:1: error: 'supersedes' makes a cycle: 'a' -> 'c' -> 'b' -> 'a'\n");
  EXPECT_EQ(ids(chain.versions()), "a b c");
}

TEST(DraftChain, SupersedesNamingANonDraftIsAnError) {
  Archive a;
  Document letter;
  letter.kind = Kind::letter;
  letter.id = "memo";
  letter.source_path = "letters/memo.md";
  a.documents = {letter, draft("zero", {2018, 2, 5}, 1, "memo")};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/zero.md:3:1: error: 'supersedes' names 'memo', which is not another published draft\n");
}

TEST(DraftChain, TwoVersionsOfOneTextWithOneVersionNumber) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}, 1), draft("rev-1", {2018, 3, 5}, 1, "zero")};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/rev-1.md:2:1: error: version 1 of text 'zero' is already 'zero'\n");
}

TEST(DraftChain, OneChainWithTwoTextKeys) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}, 1, {}, "compact"), draft("rev-1", {2018, 3, 5}, 2, "zero", "annex")};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/rev-1.md:4:1: error: 'text' is \"annex\" but 'zero', earlier in the same chain, has \"compact\"\n");
}

TEST(DraftChain, SixtyFourBitVersionsKeepTheirOrder) {
  Archive a;
  const std::int64_t big = INT64_MAX;
  a.documents = {draft("last", {2018, 1, 1}, big), draft("first", {2018, 6, 1}, big - 1), draft("low", {2018, 6, 1}, -5)};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  EXPECT_EQ(ids(chain.versions()), "low first last");
}

TEST(DraftChain, SeveralTextsEachWithItsOwnChainAndHistoryFolder) {
  Archive a;
  a.config.process_text = "compact";
  a.documents = {draft("c1", {2018, 2, 5}, 1, {}, "compact"), draft("x1", {2018, 2, 6}, 1, {}, "annex"),
                 draft("c2", {2018, 3, 5}, 2, {}, "compact"), draft("x2", {2018, 3, 6}, 2, {}, "annex")};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  ASSERT_EQ(chain.texts().size(), 2u);
  EXPECT_EQ(chain.texts()[0].id, "compact");
  EXPECT_EQ(chain.texts()[0].history_folder, "history");
  EXPECT_EQ(chain.texts()[1].history_folder, "history/annex");
  EXPECT_EQ(chain.previous(*a.find("x2"))->id, "x1");
  EXPECT_EQ(chain.next(*a.find("c1"))->id, "c2");
  EXPECT_EQ(chain.text_of(*a.find("x1"))->id, "annex");
}

TEST(DraftChain, WithoutAPrincipalEveryTextIsUnderItsOwnFolder) {
  Archive a;
  a.documents = {draft("c1", {2018, 2, 5}, 1, {}, "compact"), draft("x1", {2018, 2, 6}, 1)};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  ASSERT_EQ(chain.texts().size(), 2u);
  EXPECT_EQ(chain.texts()[1].id, "x1");  // no `text` key: the id of its first version
  EXPECT_EQ(chain.texts()[0].history_folder, "history/compact");
  EXPECT_EQ(chain.texts()[1].history_folder, "history/x1");
}

TEST(DraftChain, AProcessTextNamingNoTextIsAnError) {
  Archive a;
  a.config.process_text = "compac";
  a.config.process_text_pos = {"archive.toml", 9, 1};
  a.documents = {draft("c1", {2018, 2, 5}, 1, {}, "compact"), draft("x1", {2018, 2, 6}, 1, {}, "annex")};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags), "archive.toml:9:1: error: [process] text = \"compac\" names no text of this archive\n");
  EXPECT_EQ(diags.items()[0].hint, "did you mean 'compact'?");
}

TEST(DraftChain, UnknownSupersedesIsAnErrorWithASuggestion) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("rev-1", {2018, 3, 26}, {}, "zer")};
  a.documents[1].key_pos["supersedes"] = {"drafts/rev-1.md", 4, 1};  // overrides the default
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/rev-1.md:4:1: error: 'supersedes' names 'zer', which is not another published draft\n");
  EXPECT_EQ(diags.items()[0].hint, "did you mean 'zero'?");
}

}  // namespace
}  // namespace travaux::model
