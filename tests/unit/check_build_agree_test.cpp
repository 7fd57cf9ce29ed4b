// `check` is `build` without the write (docs/architecture.md, "The pipeline"): for every kind
// of error and warning, check and build report the same diagnostics with the same exit code,
// and check --strict reports the same ones as errors.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArchive = "-- archive.toml --\ntitle = \"T\"\n";
constexpr const char* kDraft = "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-05\n+++\n## Objective 1: A\n\n1. One.\n";
constexpr const char* kRound = "-- rounds/r1.md --\n+++\ntitle = \"R\"\ndate = 2018-02-20\nend = 2018-02-21\nnumber = 1\n";

std::string letter(const std::string& name, const std::string& extra, const std::string& body) {
  return "-- letters/" + name + ".md --\n+++\ntitle = \"L\"\ndate = 2018-03-01\n" + extra + "+++\n" + body + "\n";
}

struct Case {
  const char* name;
  std::string spec;
};

std::vector<Case> cases() {
  const std::string base = kArchive;
  return {
      {"invalid TOML", base + "-- letters/a.md --\n+++\ntitle = \"A\ndate = 2018-01-01\n+++\n"},
      {"missing title", base + "-- letters/a.md --\n+++\ndate = 2018-01-01\n+++\n"},
      {"impossible date", base + "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-30\n+++\n"},
      {"unknown key", base + letter("a", "topcis = [\"x\"]\n", "Hi.")},
      {"unknown document", base + letter("a", "", "[x](@nope)")},
      {"missing anchor", base + kDraft + letter("a", "", "[x](@zero#objective-9)")},
      {"script link", base + letter("a", "", "[x](javascript:alert(1))")},
      {"unpublished target", base + letter("a", "", "[x](@b)") + "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-01-01\ndraft = true\n+++\n"},
      {"mention before any draft", base + "-- letters/early.md --\n+++\ntitle = \"E\"\ndate = 2017-01-01\n+++\nSee Objective 1.\n" + kDraft},
      {"objective the draft lacks", base + kDraft + letter("a", "", "See Objective 30.")},
      {"duplicate id", base + letter("a", "", "x") + "-- documents/a.md --\n+++\ntitle = \"D\"\ndate = 2018-01-01\n+++\n"},
      {"round number twice", base + kRound + "+++\n" + "-- rounds/r2.md --\n+++\ntitle = \"R2\"\ndate = 2018-03-20\nnumber = 1\n+++\n"},
      {"session outside its round", base + kRound + "[[sessions]]\ndate = 2018-02-25\ntitle = \"S\"\n+++\n"},
      {"overlapping sessions", base + kRound + "[[sessions]]\ndate = 2018-02-20\nstart = \"10:00\"\nend = \"12:00\"\ntitle = \"A\"\nroom = \"X\"\n"
                                "[[sessions]]\ndate = 2018-02-20\nstart = \"11:00\"\nend = \"13:00\"\ntitle = \"B\"\nroom = \"X\"\n+++\n"},
      {"unknown theme", "-- archive.toml --\ntitle = \"T\"\ntheme = \"nope\"\n"},
      {"template error", "-- archive.toml --\ntitle = \"T\"\ntheme = \"mine\"\n-- themes/mine/letter.html --\n{{#open}}\n" + letter("a", "", "x")},
      {"static file taking a theme asset", base + "-- static/assets/style.css --\nbody{}\n"},
      {"unknown time zone", "-- archive.toml --\ntitle = \"T\"\ntime_zone = \"Mars/Olympus\"\n" + std::string(kRound) + "+++\n"},
      {"letter named by an unknown date", base + letter("a", "", "Further to my letter of 3 January 2018.")},
      {"invalid UTF-8", base + letter("a", "", "bad \xC3\x28 byte")},
      {"empty file", base + "-- letters/a.md --\n"},
  };
}

struct Outcome {
  int code = -1;
  std::vector<std::string> diagnostics;  // "file:line:col: severity: message" lines, in order
};

Outcome run(const std::string& args) {
  std::string out;
  Outcome r;
  r.code = test::run_command(std::string(TRAVAUX_BINARY) + " " + args, &out);
  static const std::regex kLine(R"(^\S+: (error|warning): .*$)");
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, kLine)) r.diagnostics.push_back(line);
  return r;
}

std::vector<std::string> as_errors(std::vector<std::string> lines) {
  for (auto& l : lines)
    if (auto at = l.find(": warning: "); at != std::string::npos) l.replace(at, 11, ": error: ");
  return lines;
}

TEST(CheckBuildAgree, EveryKindOfDiagnosticIsTheSameInCheckAndBuild) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    test::TempDir content, out;
    test::write_tree(content.path(), c.spec);
    const std::string from = " --content '" + content.path().string() + "'";
    const Outcome check = run("check" + from);
    const Outcome strict = run("check --strict" + from);
    const Outcome build = run("build" + from + " --out '" + (out.path() / "site").string() + "'");
    EXPECT_FALSE(check.diagnostics.empty()) << "the case reports nothing: it tests nothing";
    EXPECT_EQ(check.diagnostics, build.diagnostics);
    EXPECT_EQ(check.code, build.code);
    EXPECT_EQ(strict.diagnostics, as_errors(check.diagnostics));
    EXPECT_EQ(strict.code, 1);
    // A build that failed wrote nothing.
    EXPECT_EQ(fs::exists(out.path() / "site"), build.code == 0);
  }
}

}  // namespace
}  // namespace travaux
