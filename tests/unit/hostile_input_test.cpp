// Hostile content (issue #7, "What it must do"; CONTENT-MODEL.md, "Edge rules"): every kind
// of bad file is an error at file:line:column, all in one run; BOM, CRLF and front-matter-only
// files simply work; symbolic links stay inside the tree.
#include <gtest/gtest.h>

#include <filesystem>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArchive = "-- archive.toml --\ntitle = \"Test archive\"\n";

/// Runs `travaux check` in-process on `spec` and returns every diagnostic, one per line.
std::string check(const test::TempDir& dir, const std::string& spec) {
  test::write_tree(dir.path(), kArchive + spec);
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  diags.sort();
  return test::diagnostics_text(diags);
}

/// Runs the built binary and returns its exit code; `output` gets stdout and stderr.
int run_travaux(const std::string& args, std::string* output) {
  return test::run_command(std::string(TRAVAUX_BINARY) + " " + args, output);
}

TEST(HostileInput, UnclosedTomlStringIsAnErrorAtItsLine) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"Unclosed\ndate = 2018-02-05\n+++\nBody\n"),
            "letters/a.md:2:18: error: invalid TOML: Error while parsing string: unescaped control characters other "
            "than TAB (U+0009) are explicitly prohibited\n");
}

TEST(HostileInput, BadDateIsAnErrorAtTheValue) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-13-45\n+++\n"),
            "letters/a.md:3:8: error: invalid TOML: Error while parsing date: expected month between 1 and 12 "
            "(inclusive), saw 13\n");
}

TEST(HostileInput, WrongTypesAreReportedAtEachValue) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- rounds/r.md --\n+++\ntitle = 5\ndate = \"yesterday\"\nnumber = \"one\"\n"
                       "drafts = 3\n+++\n"),
            "rounds/r.md:2:9: error: 'title' must be a string in quotes\n"
            "rounds/r.md:3:8: error: 'date' must be a date (YYYY-MM-DD)\n"
            "rounds/r.md:4:10: error: 'number' must be an integer\n"
            "rounds/r.md:5:10: error: 'drafts' must be an array of strings\n");
}

TEST(HostileInput, MissingClosingFenceAndMissingFrontMatter) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n\nBody\n"
                       "-- letters/b.md --\n# No front matter\n"),
            "letters/a.md:1:1: error: front matter opened with '+++' on line 1 is never closed\n"
            "letters/b.md:1:1: error: missing front matter: the file must begin with a '+++' line\n");
}

TEST(HostileInput, MissingRequiredKeys) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\nplace = \"New York\"\n+++\n"
                       "-- rounds/r.md --\n+++\ntitle = \"R\"\ndate = 2018-02-20\n+++\n"),
            "letters/a.md:2:1: error: missing required key 'date'\n"
            "letters/a.md:2:1: error: missing required key 'title'\n"
            "rounds/r.md:2:1: error: missing required key 'number'\n");
}

TEST(HostileInput, MissingArchiveTomlIsAnError) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n");
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  EXPECT_EQ(test::diagnostics_text(diags), "archive.toml: error: archive.toml is missing\n");
}

TEST(HostileInput, UnknownType) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\ntype = \"memo\"\n+++\n"),
            "letters/a.md:4:1: error: unknown type 'memo'\n");
}

TEST(HostileInput, DuplicateAndInvalidIds) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n"
                       "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-06\nid = \"a\"\n+++\n"
                       "-- letters/c.md --\n+++\ntitle = \"C\"\ndate = 2018-02-07\nid = \"Bad_Id\"\n+++\n"
                       "-- letters/Upper Case.md --\n+++\ntitle = \"D\"\ndate = 2018-02-08\n+++\n"),
            "letters/Upper Case.md:1:1: error: the file name gives the invalid id 'Upper Case'\n"
            "letters/b.md:4:1: error: duplicate id 'a', already used by letters/a.md\n"
            "letters/c.md:4:1: error: invalid id 'Bad_Id'\n");
}

TEST(HostileInput, IdsCannotLeaveTheOutputRoot) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nid = \"../../etc/x\"\n+++\n"
                       "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-05\nid = \"/tmp/x\"\n+++\n"
                       "-- c.md --\n+++\ntitle = \"C\"\ndate = 2018-02-05\nid = \"..\"\n+++\n"),
            "c.md:4:1: error: invalid id '..'\n"
            "letters/a.md:4:1: error: invalid id '../../etc/x'\n"
            "letters/b.md:4:1: error: invalid id '/tmp/x'\n");
}

TEST(HostileInput, ByteOrderMarkAndCrlfSimplyWorkWithPositionsIntact) {
  test::TempDir dir;
  // A BOM and CRLF endings, plus an unknown key and a bad link so positions can be checked.
  EXPECT_EQ(check(dir, "-- letters/a.md --\n\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\ndate = 2018-02-05\r\n"
                       "colour = \"red\"\r\n+++\r\n\r\nSee [x](@nope).\r\n"),
            "letters/a.md:4:1: warning: unknown key 'colour'\n"
            "letters/a.md:7:5: error: unknown document '@nope'\n");
}

TEST(HostileInput, ByteOrderMarkAndCrlfBuild) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\ndate = 2018-02-05\r\n+++\r\n"
                       "\r\nLine one\r\nline two\r\n"),
            "");
}

TEST(HostileInput, InvalidUtf8IsAnErrorAtItsLineAndColumn) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n\nCaf\xC3\xA9 ok, bad \xC3(\n"),
            "letters/a.md:6:14: error: invalid UTF-8 (byte 0xC3)\n");
}

TEST(HostileInput, EmptyFileIsAnErrorAndFrontMatterOnlyIsFine) {
  test::TempDir dir;
  EXPECT_EQ(check(dir, "-- letters/empty.md --\n"
                       "-- letters/only.md --\n+++\ntitle = \"Only\"\ndate = 2018-02-05\n+++\n"),
            "letters/empty.md:1:1: error: empty file\n");
}

TEST(HostileInput, FrontMatterOnlyBuildsAPage) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- letters/only.md --\n+++\ntitle = \"Only\"\ndate = 2018-02-05\n+++");
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  EXPECT_TRUE(out->site.files.count("letters/only/index.html"));
}

TEST(HostileInput, UnknownKeysAreWarningsWithSuggestions) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\ntopcis = [\"x\"]\n+++\n");
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  EXPECT_TRUE(out);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].severity, diag::Severity::warning);
  EXPECT_EQ(test::diagnostics_text(diags), "letters/a.md:4:1: warning: unknown key 'topcis'\n");
  EXPECT_EQ(diags.items()[0].hint, "did you mean 'topics'?");
}

TEST(HostileInput, AllProblemsInOneRunWithExitCodeOne) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- letters/a.md --\n+++\ntitle = 5\ndate = 2018-02-05\n+++\n"
                                   "-- letters/b.md --\n\n"
                                   "-- letters/c.md --\n+++\ntitle = \"C\"\ndate = 2018-02-05\n");
  std::string output;
  test::TempDir out_dir;
  const fs::path out = out_dir.path() / "site";
  EXPECT_EQ(run_travaux("build --content " + dir.path().string() + " --out " + out.string(), &output), 1);
  EXPECT_EQ(output,
            "letters/a.md:2:9: error: 'title' must be a string in quotes\n"
            "  title = 5\n"
            "          ^\n"
            "  hint: write it as a string in quotes\n"
            "letters/b.md:1:1: error: empty file\n"
            "  hint: start the file with front matter between two '+++' lines (title and date at least)\n"
            "letters/c.md:1:1: error: front matter opened with '+++' on line 1 is never closed\n"
            "  +++\n"
            "  ^\n"
            "  hint: add a line holding only '+++' after the last front-matter key\n"
            "travaux: 3 error(s); nothing written, " + out.string() + " left as it was\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST(HostileInput, SymbolicLinkLoopIsReportedWithItsPath) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n");
  fs::create_directory_symlink("..", dir.path() / "letters" / "loop");
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/loop: error: symbolic link loop: 'letters/loop' leads back to a folder above it\n");
}

TEST(HostileInput, SymbolicLinksLeadingOutsideAreReportedWithTheirPath) {
  test::TempDir outside;
  test::write_tree(outside.path(), "-- secret.md --\n+++\ntitle = \"S\"\ndate = 2018-02-05\n+++\n");
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n");
  fs::create_symlink(outside.path() / "secret.md", dir.path() / "letters" / "secret.md");
  fs::create_directory_symlink(outside.path(), dir.path() / "documents");
  fs::create_symlink("/etc/passwd", dir.path() / "static-passwd.md");
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  diags.sort();
  EXPECT_EQ(test::diagnostics_text(diags),
            "documents: error: symbolic link 'documents' leads outside the content folder\n"
            "letters/secret.md: error: symbolic link 'letters/secret.md' leads outside the content folder\n"
            "static-passwd.md: error: symbolic link 'static-passwd.md' leads outside the content folder\n");
}

TEST(HostileInput, SymbolicLinksInsideTheTreeAreFollowed) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kArchive) +
                                   "-- shared/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nid = \"a\"\n+++\n");
  fs::create_directory_symlink("shared", dir.path() / "letters");
  fs::create_symlink("/nonexistent/travaux", dir.path() / "dangling.md");
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  diags.sort();
  // letters/a.md and shared/a.md are the same file, reached twice: a duplicate id.
  EXPECT_EQ(test::diagnostics_text(diags),
            "dangling.md: error: symbolic link 'dangling.md' points nowhere\n"
            "shared/a.md:4:1: error: duplicate id 'a', already used by letters/a.md\n");
}

}  // namespace
}  // namespace travaux
