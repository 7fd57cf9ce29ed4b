// Tests for render/claims.cpp (docs/architecture.md, "Streaming output"): whichever order the
// threads hand their files over in, the best-ranked claim of a path is the one the sink keeps
// and the losers are the same.
#include "render/claims.h"

#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace travaux::render {
namespace {

/// Keeps what a sink would hold at the end, and counts the calls.
class RecordingSink final : public PageSink {
 public:
  bool add(std::string path, std::string bytes) override {
    std::lock_guard lock(mutex_);
    ++adds;
    return files.emplace(std::move(path), std::move(bytes)).second;
  }
  bool add_copy(std::string path, std::string source) override { return add(std::move(path), "copy of " + source); }
  void replace(std::string path, std::string bytes) override {
    std::lock_guard lock(mutex_);
    ++replaces;
    files.at(path) = std::move(bytes);
  }
  std::map<std::string, std::string> files;
  int adds = 0, replaces = 0;

 private:
  std::mutex mutex_;
};

struct Claim {
  ClaimRank rank;
  std::string path, bytes;
};

std::string losers_text(const std::vector<OutputClaims::Loser>& losers) {
  std::string out;
  for (const auto& l : losers)
    out += l.path + " " + std::to_string(l.rank.band) + "." + std::to_string(l.rank.index) + " lost to " +
           std::to_string(l.winner.band) + "." + std::to_string(l.winner.index) + "\n";
  return out;
}

TEST(OutputClaims, EveryArrivalOrderKeepsTheBestRankedClaimAndNamesTheSameLosers) {
  std::vector<Claim> claims = {
      {{2, 0}, "letters/a/index.html", "document 0"},
      {{2, 1}, "letters/a/index.html", "document 1"},
      {{4, 0}, "letters/a/index.html", "home"},
      {{8, 1}, "people/x/index.html", "people"},
      {{8, 0}, "people/x/index.html", "kind index"},
      {{3, 0}, "letters/b/cite.bib", "bib"},
  };
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) { return a.rank < b.rank; });
  std::string expected_losers;
  int orders = 0;
  do {
    RecordingSink sink;
    OutputClaims registry(sink);
    for (const auto& c : claims) registry.file(c.rank, c.path, c.bytes);
    EXPECT_EQ(sink.files, (std::map<std::string, std::string>{{"letters/a/index.html", "document 0"},
                                                               {"letters/b/cite.bib", "bib"},
                                                               {"people/x/index.html", "kind index"}}));
    EXPECT_EQ(sink.adds, 3);
    const std::string losers = losers_text(registry.losers());
    if (orders++ == 0) expected_losers = losers;
    EXPECT_EQ(losers, expected_losers);
  } while (std::next_permutation(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) { return a.rank < b.rank; }));
  EXPECT_EQ(orders, 720);
  EXPECT_EQ(expected_losers,
            "letters/a/index.html 2.1 lost to 2.0\n"
            "letters/a/index.html 4.0 lost to 2.0\n"
            "people/x/index.html 8.1 lost to 8.0\n");
}

TEST(OutputClaims, ACopyClaimedFirstKeepsItsPath) {
  RecordingSink sink;
  OutputClaims registry(sink);
  registry.copy({0, 0}, "letters/a/index.html", "/static/a.html");
  registry.file({2, 0}, "letters/a/index.html", "document");
  EXPECT_EQ(sink.files.at("letters/a/index.html"), "copy of /static/a.html");
  EXPECT_EQ(losers_text(registry.losers()), "letters/a/index.html 2.0 lost to 0.0\n");
}

TEST(OutputClaims, ManyThreadsClaimingOnePathLeaveTheBestRankedBytes) {
  for (int run = 0; run < 20; ++run) {
    RecordingSink sink;
    OutputClaims registry(sink);
    tbb::parallel_for(0, 200, [&](int i) {
      const int rank = (i * 7919 + run * 31) % 200;  // a different arrival order each run
      registry.file({5, static_cast<std::uint64_t>(rank)}, "same.html", "rank " + std::to_string(rank));
      registry.file({5, static_cast<std::uint64_t>(rank)}, "own/" + std::to_string(rank) + ".html", "x");
    });
    EXPECT_EQ(sink.files.at("same.html"), "rank 0");
    EXPECT_EQ(sink.files.size(), 201u);
    EXPECT_EQ(registry.losers().size(), 199u);
  }
}

}  // namespace
}  // namespace travaux::render
