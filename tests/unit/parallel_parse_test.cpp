// cmark-gfm's inline extensions under parallel parsing (docs/architecture.md, "cmark-gfm and
// threads"): an archive dense in strikethrough and autolinks, built 50 times on all cores, must
// give every page exactly as a one-thread build does, with the formatting really there.
#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> pages(const fs::path& content, std::size_t threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  diag::Diagnostics diags;
  auto out = site::generate(content, site::Until::render, diags);
  EXPECT_TRUE(out) << test::diagnostics_text(diags);
  if (!out) return {};
  return std::move(out->site.files);
}

std::string rich_archive() {
  std::string spec = "-- archive.toml --\ntitle = \"T\"\n";
  for (int i = 0; i < 80; ++i) {
    const std::string n = std::to_string(i);
    spec += "-- letters/l" + n + ".md --\n+++\ntitle = \"Letter " + n + "\"\ndate = 2018-03-" +
            std::to_string(10 + i % 18) + "\n+++\n\n";
    for (int p = 0; p < 12; ++p) {
      const std::string k = n + "-" + std::to_string(p);
      spec += "Paragraph " + k + " drops ~~the words " + k + "~~ and points to www.example.org/" + k +
              " and https://example.com/" + k + " with *emphasis* and `code`.\n\n";
    }
  }
  return spec;
}

TEST(ParallelParse, StrikethroughAndAutolinksSurviveFiftyParallelBuilds) {
  test::TempDir dir;
  test::write_tree(dir.path(), rich_archive());
  const auto reference = pages(dir.path(), 1);
  ASSERT_FALSE(reference.empty());
  // The reference itself must carry the formatting, or equal outputs would prove nothing.
  const std::string& letter = reference.at("letters/l7/index.html");
  EXPECT_NE(letter.find("<del>the words 7-3</del>"), std::string::npos);
  EXPECT_NE(letter.find("<a href=\"http://www.example.org/7-3\">www.example.org/7-3</a>"), std::string::npos);
  EXPECT_NE(letter.find("<a href=\"https://example.com/7-3\">https://example.com/7-3</a>"), std::string::npos);
  EXPECT_EQ(letter.find("~~"), std::string::npos);

  const std::size_t all = static_cast<std::size_t>(std::max(2, tbb::info::default_concurrency()));
  int differing_builds = 0;
  for (int build = 0; build < 50; ++build) {
    const auto parallel = pages(dir.path(), all);
    ASSERT_EQ(parallel.size(), reference.size());
    bool same = true;
    for (const auto& [path, bytes] : reference) {
      if (parallel.at(path) == bytes) continue;
      same = false;
      ADD_FAILURE() << "build " << build << ": " << path << " differs from the one-thread build";
    }
    differing_builds += same ? 0 : 1;
  }
  EXPECT_EQ(differing_builds, 0);
}

}  // namespace
}  // namespace travaux
