// Values and files that must not reach the reader or the terminal as they are
// (docs/hostile-input.md, "What reaches the page and the terminal").
#include <gtest/gtest.h>

#include <filesystem>

#include "site/generate.h"
#include "support/test_tree.h"
#include "text/escape.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

int run_travaux(const std::string& args, std::string* output) {
  return test::run_command(std::string(TRAVAUX_BINARY) + " " + args, output);
}

TEST(HostileOutput, NulAndControlCharactersInATitleNeverReachTheHtml) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"Nul\\u0000here \\u001b[31mred\"\ndate = 2018-02-05\n+++\nHi.\n");
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  ASSERT_TRUE(out) << test::diagnostics_text(diags);
  for (const auto& [path, bytes] : out->site.files) {
    EXPECT_EQ(bytes.find('\0'), std::string::npos) << path;
    EXPECT_EQ(bytes.find('\x1b'), std::string::npos) << path;
  }
  const std::string& page = out->site.files.at("letters/a/index.html");
  EXPECT_NE(page.find("<h1>Nul\xEF\xBF\xBDhere \xEF\xBF\xBD[31mred</h1>"), std::string::npos) << page;
}

TEST(HostileOutput, TerminalSafeShowsControlsAndBidiOverridesAsEscapes) {
  EXPECT_EQ(text::terminal_safe("a\x1b[2Jb\tc\x7f"), "a\\x1b[2Jb\tc\\x7f");
  EXPECT_EQ(text::terminal_safe("evil\xE2\x80\xAEtxt.exe"), "evil\\u202etxt.exe");
  EXPECT_EQ(text::terminal_safe("\xE2\x81\xA6x\xE2\x81\xA9 \xE2\x80\x8F \xD8\x9C \xC2\x9B"), "\\u2066x\\u2069 \\u200f \\u061c \\x9b");
  EXPECT_EQ(text::terminal_safe("Jürg Lauber — «réinstallation»"), "Jürg Lauber — «réinstallation»");
}

TEST(HostileOutput, CheckPrintsNoRawEscapeOrBidiCharacterToTheTerminal) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n"
                               "from = [\"x\"]\n\"bad\\u001b]0;pwned\\u0007\\u202ekey\" = 1\n+++\n"
                               "[x](@no\xE2\x80\xAEpe)\n");
  for (const char* format : {"text", "github"}) {
    std::string output;
    EXPECT_EQ(run_travaux(std::string("check --format ") + format + " --content " + dir.path().string(), &output), 1);
    EXPECT_EQ(output.find('\x1b'), std::string::npos) << output;
    EXPECT_EQ(output.find('\x07'), std::string::npos) << output;
    EXPECT_EQ(output.find("\xE2\x80\xAE"), std::string::npos) << output;
    EXPECT_NE(output.find("\\u202e"), std::string::npos) << output;
  }
}

TEST(HostileOutput, DotFilesInStaticAreCopiedAndElsewhereIgnored) {
  test::TempDir dir, out_dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- static/.nojekyll --\n\n"
                               "-- static/.well-known/security.txt --\nContact: mailto:a@example.org\n"
                               "-- .notes/todo.md --\nnot content\n"
                               "-- letters/.a.md.swp --\nswap\n");
  std::string output;
  ASSERT_EQ(run_travaux("build -q --content " + dir.path().string() + " --out " + (out_dir.path() / "site").string(),
                        &output),
            0)
      << output;
  EXPECT_TRUE(fs::exists(out_dir.path() / "site/.nojekyll"));
  EXPECT_EQ(test::read_file(out_dir.path() / "site/.well-known/security.txt"), "Contact: mailto:a@example.org\n");
  EXPECT_FALSE(fs::exists(out_dir.path() / "site/.notes"));
}

TEST(HostileOutput, ImpossibleDateIsReportedAtTheStartOfTheValue) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-30\n+++\n"
                               "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-05\n"
                               "seen = [2018-01-01, 2018-04-31T10:00:00]\n+++\n");
  diag::Diagnostics diags;
  site::generate(dir.path(), site::Until::render, diags);
  diags.sort();
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:3:8: error: invalid TOML: Error while parsing date: expected day between 1 and 28 "
            "(inclusive), saw 30\n"
            "letters/b.md:4:21: error: invalid TOML: Error while parsing date: expected day between 1 and 30 "
            "(inclusive), saw 31\n");
}

}  // namespace
}  // namespace travaux
