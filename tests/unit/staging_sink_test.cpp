// Tests for write/staging_sink.cpp (docs/architecture.md, "Streaming output"): files written
// from many threads at once, each folder made once, a path claimed twice refused, paths that
// leave the root reported in a fixed order, and nothing swapped in without commit().
#include "write/staging_sink.h"

#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <map>

#include "support/test_tree.h"
#include "write/write_site.h"

namespace travaux::write {
namespace {

namespace fs = std::filesystem;

TEST(StagingSink, ManyThreadsWriteEveryFileOnceAndEachPathIsTakenOnce) {
  test::TempDir dir;
  diag::Diagnostics diags;
  auto sink = StagingSink::open(dir.path() / "site", diags);
  ASSERT_TRUE(sink) << test::diagnostics_text(diags);
  // Every path is added twice, from different threads: exactly one add of each succeeds.
  constexpr std::size_t kFiles = 1200;
  std::atomic<std::size_t> accepted{0};
  tbb::parallel_for(std::size_t{0}, 2 * kFiles, [&](std::size_t k) {
    const std::size_t i = k % kFiles;
    const std::string path = "f" + std::to_string(i % 37) + "/g" + std::to_string(i % 5) + "/" + std::to_string(i) + ".html";
    if (sink->add(path, "page " + std::to_string(i) + "\n")) ++accepted;
  });
  EXPECT_EQ(accepted.load(), kFiles);
  EXPECT_EQ(sink->files(), kFiles);
  ASSERT_TRUE(sink->commit(diags)) << test::diagnostics_text(diags);
  const auto files = test::files_under(dir.path() / "site");
  EXPECT_EQ(files.size(), kFiles + 1);  // and the marker
  EXPECT_EQ(files.at(".travaux-output"), std::string(kMarkerText));
  EXPECT_EQ(files.at("f3/g0/40.html"), "page 40\n");
  EXPECT_EQ(test::names_in(dir.path()), std::vector<std::string>{"site"});
}

TEST(StagingSink, WithoutCommitTheStagingFolderGoesAndThePreviousSiteStays) {
  test::TempDir dir;
  diag::Diagnostics diags;
  render::SiteImage old;
  old.add("index.html", "old\n");
  ASSERT_TRUE(write_site(old, dir.path() / "site", diags));
  const auto before = test::files_under(dir.path() / "site");
  {
    auto sink = StagingSink::open(dir.path() / "site", diags);
    ASSERT_TRUE(sink);
    sink->add("index.html", "new\n");
    sink->add("letters/a/index.html", "a\n");
    EXPECT_TRUE(fs::exists(sink->staging_path() / "letters/a/index.html"));  // written at once
    EXPECT_EQ(test::names_in(dir.path()).size(), 2u);  // site and its staging folder
  }  // a build that failed after rendering: the sink goes without commit()
  EXPECT_EQ(test::files_under(dir.path() / "site"), before);
  EXPECT_EQ(test::names_in(dir.path()), std::vector<std::string>{"site"});
}

TEST(StagingSink, AFolderItMayNotReplaceIsRefusedBeforeAnythingIsWritten) {
  test::TempDir dir;
  test::write_tree(dir.path() / "thesis", "-- chapter1.tex --\nprecious\n");
  diag::Diagnostics diags;
  EXPECT_FALSE(StagingSink::open(dir.path() / "thesis", diags));
  EXPECT_EQ(test::diagnostics_text(diags),
            (dir.path() / "thesis").string() +
                ": error: refusing to replace this folder: it is not empty and was not created by travaux\n");
  EXPECT_EQ(test::names_in(dir.path()), std::vector<std::string>{"thesis"});
}

TEST(StagingSink, PathsThatLeaveTheRootAreNeverWrittenAndReportedInOneOrder) {
  // Added from many threads in whatever order they run: the report is the same every time.
  const std::vector<std::string> bad = {"../up.html", "/abs.html", "a/../../b.html", "./c.html", ""};
  std::string first_report;
  for (int run = 0; run < 4; ++run) {
    test::TempDir dir;
    diag::Diagnostics diags;
    auto sink = StagingSink::open(dir.path() / "out" / "site", diags);
    ASSERT_TRUE(sink);
    tbb::parallel_for(std::size_t{0}, bad.size() + 40, [&](std::size_t i) {
      if (i < bad.size()) sink->add(bad[i], "x");
      else sink->add("ok/" + std::to_string(i) + ".html", "x");
    });
    sink->add_copy("../copy.pdf", "/etc/hostname");
    EXPECT_FALSE(sink->commit(diags));
    if (run == 0) first_report = test::diagnostics_text(diags);
    EXPECT_EQ(test::diagnostics_text(diags), first_report);
    sink.reset();
    EXPECT_EQ(test::names_in(dir.path()), std::vector<std::string>{"out"});
    EXPECT_TRUE(fs::is_empty(dir.path() / "out"));
  }
  EXPECT_EQ(first_report,
            ": error: refusing to write '': it would leave the output folder\n"
            "../up.html: error: refusing to write '../up.html': it would leave the output folder\n"
            "./c.html: error: refusing to write './c.html': it would leave the output folder\n"
            "/abs.html: error: refusing to write '/abs.html': it would leave the output folder\n"
            "a/../../b.html: error: refusing to write 'a/../../b.html': it would leave the output folder\n"
            "../copy.pdf: error: refusing to write '../copy.pdf': it would leave the output folder\n");
}

TEST(StagingSink, ReplaceOverwritesAFileAlreadyWritten) {
  test::TempDir dir;
  diag::Diagnostics diags;
  auto sink = StagingSink::open(dir.path() / "site", diags);
  ASSERT_TRUE(sink);
  sink->add("a/index.html", "a much longer first version\n");
  sink->replace("a/index.html", "second\n");
  ASSERT_TRUE(sink->commit(diags));
  EXPECT_EQ(test::read_file(dir.path() / "site" / "a/index.html"), "second\n");
}

}  // namespace
}  // namespace travaux::write
