// Two outputs claiming one path (docs/architecture.md, "Streaming output"): pages are written
// as they are rendered, from many threads, yet the error names the same loser whatever the
// thread count, in check and in build, and a build that meets one writes nothing.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArchive =
    "-- archive.toml --\ntitle = \"T\"\n"
    "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\nHi.\n"
    "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-06\n+++\nHo.\n"
    "-- static/letters/a/index.html --\nplaced by the author\n"
    "-- static/assets/style.css --\nbody {}\n"
    "-- search.md --\n+++\ntitle = \"Search tips\"\ndate = 2018-01-01\n+++\nA page where the search page goes.\n";

std::string check_diagnostics(const fs::path& content, std::size_t threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  diag::Diagnostics diags;
  EXPECT_FALSE(site::generate(content, site::Until::render, diags));
  return test::diagnostics_text(diags);
}

TEST(OutputCollision, TheSameLosersAreReportedWhateverTheThreadCount) {
  test::TempDir dir;
  test::write_tree(dir.path(), kArchive);
  const std::string one = check_diagnostics(dir.path(), 1);
  for (int run = 0; run < 5; ++run) EXPECT_EQ(check_diagnostics(dir.path(), 8), one);
  EXPECT_NE(one.find("static/assets/style.css: error: static file collides with the theme's assets/style.css"),
            std::string::npos)
      << one;
  EXPECT_NE(one.find("letters/a.md:1:1: error: this page's output letters/a/index.html is already taken by another "
                     "page or file"),
            std::string::npos)
      << one;
  EXPECT_NE(one.find("search/index.html: error: generated search/index.html collides with a page or static file of "
                     "the same path"),
            std::string::npos)
      << one;
}

TEST(OutputCollision, ABuildReportsTheSameAsCheckAndWritesNothing) {
  test::TempDir dir;
  test::write_tree(dir.path() / "content", kArchive);
  const std::string bin = TRAVAUX_BINARY;
  const fs::path out = dir.path() / "site";
  std::string check, build_one, build_all;
  EXPECT_EQ(test::run_command(bin + " check --content " + (dir.path() / "content").string() + " 2>/dev/null", &check), 1);
  EXPECT_EQ(test::run_command(bin + " build --jobs 1 --content " + (dir.path() / "content").string() + " --out " +
                                  out.string() + " 2>&1 | grep error:",
                              &build_one),
            0);
  EXPECT_EQ(test::run_command(bin + " build --content " + (dir.path() / "content").string() + " --out " +
                                  out.string() + " 2>&1 | grep error:",
                              &build_all),
            0);
  EXPECT_EQ(build_one, build_all);
  // check prints each error with its source line; the error lines themselves are the same.
  std::string check_errors;
  for (std::size_t at = 0, end; (end = check.find('\n', at)) != std::string::npos; at = end + 1)
    if (check.compare(at, end - at, "") != 0 && check.substr(at, end - at).find("error:") != std::string::npos)
      check_errors += check.substr(at, end - at + 1);
  EXPECT_EQ(build_one, check_errors);
  EXPECT_EQ(std::count(build_one.begin(), build_one.end(), '\n'), 3) << build_one;
  EXPECT_FALSE(fs::exists(out));
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".travaux-staging-"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace travaux
