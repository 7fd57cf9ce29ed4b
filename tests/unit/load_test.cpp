// Tests for load/load.cpp and load/source_tree.cpp: whole content trees (issue #2 "Loading").
#include "load/load.h"

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::load {
namespace {

constexpr const char* kArchive = "-- archive.toml --\ntitle = \"Test archive\"\n";

model::Archive load(const std::string& spec, diag::Diagnostics& diags, test::TempDir& dir) {
  test::write_tree(dir.path(), spec);
  return load_archive(dir.path(), diags);
}

TEST(LoadArchive, ReadsEveryKindSortedAndSkipsWorkInProgress) {
  test::TempDir dir;
  diag::Diagnostics diags;
  auto a = load(std::string(kArchive) +
                    "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-05\n+++\n"
                    "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-03-05\n+++\n"
                    "-- letters/early.md --\n+++\ntitle = \"Early\"\ndate = 2018-02-05\n+++\n"
                    "-- letters/wip.md --\n+++\ntitle = \"WIP\"\ndate = 2018-02-01\ndraft = true\n+++\n"
                    "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-05\n+++\n"
                    "-- rounds/r1.md --\n+++\ntitle = \"R1\"\ndate = 2018-02-20\nnumber = 1\n+++\n"
                    "-- about.md --\n+++\ntitle = \"About\"\ndate = 2018-01-01\n+++\n"
                    "-- _index.md --\n+++\ntitle = \"Home\"\ndate = 2018-01-01\n+++\nWelcome.\n"
                    "-- static/pdf/zero.pdf --\n%PDF\n"
                    "-- notes.txt --\nnot content\n",
                diags, dir);
  EXPECT_EQ(test::diagnostics_text(diags), "");
  std::vector<std::string> ids;
  for (const auto& d : a.documents) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"early", "a", "b", "zero", "r1", "about"}));
  ASSERT_TRUE(a.home);
  EXPECT_EQ(a.home->body, "Welcome.\n");
  EXPECT_EQ(a.unpublished.count("wip"), 1u);
  ASSERT_EQ(a.static_files.size(), 1u);
  EXPECT_EQ(a.static_files[0].path, "pdf/zero.pdf");
  EXPECT_EQ(a.config.title, "Test archive");
  ASSERT_NE(a.find("r1"), nullptr);
  EXPECT_EQ(a.find("r1")->kind, model::Kind::round);
}

TEST(LoadArchive, ReportsAllErrorsOfAllFilesInOneRun) {
  test::TempDir dir;
  diag::Diagnostics diags;
  load(std::string(kArchive) +
           "-- letters/a.md --\n+++\ntitle = \"A\"\n+++\n"
           "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-13-01\n+++\n"
           "-- letters/c.md --\n\n",
       diags, dir);
  diags.sort();
  EXPECT_EQ(diags.error_count(), 3);
  EXPECT_EQ(test::diagnostics_text(diags).substr(0, 55), "letters/a.md:2:1: error: missing required key 'date'\nle");
}

TEST(LoadArchive, DuplicateIdsAndRoundNumbersAreErrors) {
  test::TempDir dir;
  diag::Diagnostics diags;
  load(std::string(kArchive) +
           "-- letters/x.md --\n+++\ntitle = \"X\"\ndate = 2018-01-01\n+++\n"
           "-- documents/y.md --\n+++\ntitle = \"Y\"\ndate = 2018-01-02\nid = \"x\"\n+++\n"
           "-- rounds/one.md --\n+++\ntitle = \"One\"\ndate = 2018-02-01\nnumber = 1\n+++\n"
           "-- rounds/uno.md --\n+++\ntitle = \"Uno\"\ndate = 2018-03-01\nnumber = 1\n+++\n",
       diags, dir);
  // Reported in document order: rounds come before documents.
  EXPECT_EQ(test::diagnostics_text(diags),
            "rounds/uno.md:4:1: error: round number 1 is already used by rounds/one.md\n"
            "documents/y.md:4:1: error: duplicate id 'x', already used by letters/x.md\n");
}

TEST(LoadArchive, MissingArchiveTomlIsAnError) {
  test::TempDir dir;
  diag::Diagnostics diags;
  load("-- letters/x.md --\n+++\ntitle = \"X\"\ndate = 2018-01-01\n+++\n", diags, dir);
  EXPECT_EQ(test::diagnostics_text(diags), "archive.toml: error: archive.toml is missing\n");
}

TEST(LoadArchive, PageFoldersMustBeUrlSafe) {
  test::TempDir dir;
  diag::Diagnostics diags;
  load(std::string(kArchive) + "-- My Notes/x.md --\n+++\ntitle = \"X\"\ndate = 2018-01-01\n+++\n", diags, dir);
  EXPECT_EQ(test::diagnostics_text(diags), "My Notes/x.md:1:1: error: folder name 'My Notes' cannot be part of a URL\n");
}

TEST(LoadArchive, ThemesFolderIsNotContent) {
  test::TempDir dir;
  diag::Diagnostics diags;
  auto a = load(std::string(kArchive) + "-- themes/mine/notes.md --\nnot front matter\n", diags, dir);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_TRUE(a.documents.empty());
}

TEST(LoadArchive, MissingContentFolderIsAnError) {
  diag::Diagnostics diags;
  load_archive("/nonexistent/travaux-content", diags);
  EXPECT_EQ(test::diagnostics_text(diags), "/nonexistent/travaux-content: error: content folder not found\n");
}

}  // namespace
}  // namespace travaux::load
