// Tests for diag/did_you_mean.cpp (STYLE.md item 3).
#include "diag/did_you_mean.h"

#include <gtest/gtest.h>

namespace travaux::diag {
namespace {

TEST(EditDistance, CountsSwapsOfNeighboursAsOneStep) {
  EXPECT_EQ(edit_distance("theem", "theme"), 1);
  EXPECT_EQ(edit_distance("rev-1", "rev-2"), 1);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
}

TEST(DidYouMean, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> ids = {"zero-draft", "zero-draft-plus", "rev-1"};
  EXPECT_EQ(did_you_mean("zero-drafts", ids), "zero-draft");
  EXPECT_EQ(did_you_mean("rev1", ids), "rev-1");
  EXPECT_EQ(did_you_mean("final-text", ids), std::nullopt);
}

}  // namespace
}  // namespace travaux::diag
