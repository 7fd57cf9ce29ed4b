// Tests for `travaux check` (cli/build_command.cpp run_check, diag/report.cpp): every output
// format byte for byte, exit codes, --strict (issue #3, CONTENT-MODEL.md "The command").
#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::cli {
namespace {

/// One broken link (an error) and one objective no draft can resolve (a warning).
constexpr const char* kBroken =
    "-- archive.toml --\ntitle = \"T\"\n"
    "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-03-01\n+++\nSee [x](@nope), \"quoted\", 100%.\n"
    "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-02\n+++\nOn Objective 7.\n";

struct CheckRun {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

CheckRun check(const std::filesystem::path& content, const std::string& args) {
  test::TempDir tmp;
  const auto err = tmp.path() / "stderr";
  CheckRun r;
  r.status = test::run_command("(" + std::string(TRAVAUX_BINARY) + " check --content '" + content.string() + "' " +
                                   args + " 2>'" + err.string() + "')",
                               &r.out);
  r.err = test::read_file(err);
  return r;
}

TEST(CheckCommand, TextFormatShowsLineCaretAndHintAndExitsOneOnErrors) {
  test::TempDir dir;
  test::write_tree(dir.path(), kBroken);
  CheckRun r = check(dir.path(), "--format text");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "letters/a.md:5:5: error: unknown document '@nope'\n"
            "  See [x](@nope), \"quoted\", 100%.\n"
            "      ^\n"
            "  hint: use the id of a document in the archive (its file name without .md)\n"
            "letters/b.md:5:4: warning: 'Objective 7' is not linked: the archive has no drafts\n"
            "  On Objective 7.\n"
            "     ^\n"
            "  hint: link the version meant explicitly, e.g. [Objective 7](@<draft-id>#objective-7)\n");
  EXPECT_EQ(r.err, "travaux check: 1 error(s), 1 warning(s)\n");
}

TEST(CheckCommand, GithubFormatWritesWorkflowAnnotations) {
  test::TempDir dir;
  test::write_tree(dir.path(), kBroken);
  CheckRun r = check(dir.path(), "--format github");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "::error file=letters/a.md,line=5,col=5::unknown document '@nope' (use the id of a document in the "
            "archive (its file name without .md))\n"
            "::warning file=letters/b.md,line=5,col=4::'Objective 7' is not linked: the archive has no drafts "
            "(link the version meant explicitly, e.g. [Objective 7](@<draft-id>#objective-7))\n");
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, JsonFormatIsOneArrayOfObjects) {
  test::TempDir dir;
  test::write_tree(dir.path(), kBroken);
  CheckRun r = check(dir.path(), "--format json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "[\n"
            "  {\"severity\": \"error\", \"file\": \"letters/a.md\", \"line\": 5, \"column\": 5, \"message\": "
            "\"unknown document '@nope'\", \"hint\": \"use the id of a document in the archive (its file name "
            "without .md)\"},\n"
            "  {\"severity\": \"warning\", \"file\": \"letters/b.md\", \"line\": 5, \"column\": 4, \"message\": "
            "\"'Objective 7' is not linked: the archive has no drafts\", \"hint\": \"link the version meant "
            "explicitly, e.g. [Objective 7](@\\u003cdraft-id>#objective-7)\"}\n"
            "]\n");
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, WarningsAloneExitZeroUnlessStrict) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-02\n+++\nOn Objective 7.\n");
  CheckRun r = check(dir.path(), "");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "travaux check: 0 error(s), 1 warning(s)\n");
  CheckRun strict = check(dir.path(), "--strict --format github");
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.out,
            "::error file=letters/b.md,line=5,col=4::'Objective 7' is not linked: the archive has no drafts "
            "(link the version meant explicitly, e.g. [Objective 7](@<draft-id>#objective-7))\n");
}

TEST(CheckCommand, CleanArchiveReportsNothingInEveryFormat) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-02\n+++\nFine.\n");
  CheckRun text = check(dir.path(), "--strict");
  EXPECT_EQ(text.status, 0);
  EXPECT_EQ(text.out, "");
  EXPECT_EQ(text.err, "travaux check: 0 error(s), 0 warning(s)\n");
  EXPECT_EQ(check(dir.path(), "--format json").out, "[]\n");
  EXPECT_EQ(check(dir.path(), "--format github").out, "");
}

TEST(CheckCommand, ShippedArchiveIsCleanEvenWhenStrict) {
  CheckRun r = check(std::string(TRAVAUX_SOURCE_DIR) + "/content", "--strict --format json");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "[]\n");
}

TEST(CheckCommand, UnknownFormatIsAUsageError) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n");
  EXPECT_EQ(check(dir.path(), "--format xml").status, 2);
}

TEST(CheckCommand, GithubAnnotationsEscapePropertiesAndNewlines) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a,b.md --\n+++\ntitle = \"A\"\nid = \"ab\"\ndate = 2018-03-01\n+++\n"
                               "[x](@nope)\n");
  CheckRun r = check(dir.path(), "--format github");
  EXPECT_EQ(r.out.substr(0, r.out.find("::", 2) + 2), "::error file=letters/a%2Cb.md,line=6,col=1::");
}

}  // namespace
}  // namespace travaux::cli
