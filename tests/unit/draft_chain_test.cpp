// Tests for model/draft_chain.cpp (CONTENT-MODEL.md, "Drafts" and "Edge rules").
#include "model/draft_chain.h"

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::model {
namespace {

Document draft(std::string id, Date date, std::optional<int> version = {}, std::string supersedes = {}) {
  Document d;
  d.kind = Kind::draft;
  d.id = std::move(id);
  d.source_path = "drafts/" + d.id + ".md";
  d.date = date;
  d.version = version;
  d.supersedes = std::move(supersedes);
  return d;
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

TEST(DraftChain, SupersedesOverridesThePreviousVersion) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("plus", {2018, 3, 5}), draft("rev-1", {2018, 3, 26}, {}, "zero")};
  a.index();
  diag::Diagnostics diags;
  auto chain = DraftChain::build(a, diags);
  EXPECT_EQ(chain.previous(*a.find("rev-1"))->id, "zero");
}

TEST(DraftChain, UnknownSupersedesIsAnErrorWithASuggestion) {
  Archive a;
  a.documents = {draft("zero", {2018, 2, 5}), draft("rev-1", {2018, 3, 26}, {}, "zer")};
  a.documents[1].key_pos["supersedes"] = {"drafts/rev-1.md", 4, 1};
  a.index();
  diag::Diagnostics diags;
  DraftChain::build(a, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "drafts/rev-1.md:4:1: error: 'supersedes' names 'zer', which is not another published draft\n");
  EXPECT_EQ(diags.items()[0].hint, "did you mean 'zero'?");
}

}  // namespace
}  // namespace travaux::model
