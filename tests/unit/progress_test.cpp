// Tests for the progress line of `travaux build` (cli/progress.cpp; README, "Use"): shown on a
// terminal and erased before the summary, never when stderr is not a terminal, under CI=true
// or with --quiet, which prints nothing but errors.
#include "cli/progress.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "support/test_tree.h"

namespace travaux::cli {
namespace {

namespace fs = std::filesystem;

TEST(ProgressText, CountsAndRateWhenTheStageCountsElapsedTimeOtherwise) {
  EXPECT_EQ(progress_text({"render", 250, 1000, {}}, 2.0), "render 250/1000 documents, 125/s");
  EXPECT_EQ(progress_text({"render", 3, 1000, {}}, 0.001), "render 3/1000 documents");  // no rate yet
  EXPECT_EQ(progress_text({"render", 1000, 1000, {}}, 9.6), "render 1000/1000 documents, other pages, 10 s");
  EXPECT_EQ(progress_text({"link", 0, 0, {}}, 12.4), "link, 12 s");
  EXPECT_EQ(progress_text({nullptr, 0, 0, {}}, 0.0), "starting, 0 s");
}

/// Reads what `fd` has until `wanted` appears or 30 s pass (a safety net, not a timing).
std::string read_until(int fd, const std::string& wanted, std::string got = {}) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  char buf[4096];
  while (got.find(wanted) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  return got;
}

TEST(ProgressLine, DrawsInPlaceAndErasesItselfWhenStopped) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  diag::Progress progress;
  progress.begin("render", 10);
  progress.advance(3);
  std::string got;
  {
    ProgressLine line(progress, fds[1]);
    got = read_until(fds[0], "render 3/10 documents");
    ASSERT_NE(got.find("\rtravaux: render 3/10 documents"), std::string::npos) << got;
  }
  ::close(fds[1]);
  got = read_until(fds[0], "\x01", got);  // everything up to the end of the pipe
  ::close(fds[0]);
  ASSERT_GE(got.size(), 4u);
  EXPECT_EQ(got.substr(got.size() - 4), "\r\x1b[K");  // the last thing written erases the line
}

/// An archive whose build takes long enough for the line to be drawn a few times.
fs::path big_archive(const fs::path& root) {
  fs::create_directories(root / "letters");
  std::ofstream(root / "archive.toml") << "title = \"T\"\nbase_url = \"https://example.org/\"\n";
  for (int i = 0; i < 300; ++i) {
    std::ofstream f(root / "letters" / ("l" + std::to_string(i) + ".md"));
    f << "+++\ntitle = \"Letter " << i << "\"\ndate = 2018-03-" << 10 + i % 18 << "\n+++\n\n";
    for (int p = 0; p < 10; ++p)
      f << "Point " << p << " answers [the previous letter](@l" << (i + 299) % 300 << ") at some length, so "
        << "that the page has some weight to render and to write.\n\n";
  }
  return root;
}

struct TerminalRun {
  int status = -1;
  std::string output;  // everything written to the terminal
};

/// Runs the binary with stdout and stderr on a pseudo-terminal, `ci` as CI (nullptr: unset).
TerminalRun run_on_terminal(const std::vector<std::string>& args, const char* ci) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (ci) ::setenv("CI", ci, 1);
    else ::unsetenv("CI");
    ::setenv("TERM", "xterm", 1);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>("travaux"));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(TRAVAUX_BINARY, argv.data());
    _exit(127);
  }
  TerminalRun run;
  char buf[4096];
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) run.output.append(buf, static_cast<std::size_t>(n));
  ::close(master);  // read() fails with EIO once the child has exited and closed its side
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class ProgressOnATerminal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    big_archive(dir_->path() / "content");
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::vector<std::string> build(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"build", "--jobs", "1", "--content", (dir_->path() / "content").string(),
                                     "--out", (dir_->path() / "site").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  static test::TempDir* dir_;
};
test::TempDir* ProgressOnATerminal::dir_ = nullptr;

TEST_F(ProgressOnATerminal, ShowsOneLineRedrawnInPlaceThenTheSummary) {
  const TerminalRun run = run_on_terminal(build(), nullptr);
  ASSERT_EQ(run.status, 0) << run.output;
  const std::size_t first = run.output.find("\rtravaux: ");
  ASSERT_NE(first, std::string::npos) << "no progress line: " << run.output;
  EXPECT_NE(run.output.find("\x1b[K"), std::string::npos);
  EXPECT_EQ(run.output.find('\n'), run.output.rfind('\n')) << "the progress never starts a new line: " << run.output;
  // Erased, then the summary line as without a terminal.
  const std::size_t erased = run.output.rfind("\r\x1b[K");
  ASSERT_NE(erased, std::string::npos);
  EXPECT_EQ(run.output.substr(erased + 4, 23), "travaux: 300 documents,") << run.output.substr(erased);
  EXPECT_EQ(run.output.find("\rtravaux: ", erased + 1), std::string::npos);
}

TEST_F(ProgressOnATerminal, NoneUnderCi) {
  const TerminalRun run = run_on_terminal(build(), "true");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output.find('\x1b'), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("\rtravaux"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.substr(0, 23), "travaux: 300 documents,") << run.output;
}

TEST_F(ProgressOnATerminal, QuietPrintsNothingAtAll) {
  const TerminalRun run = run_on_terminal(build({"--quiet"}), nullptr);
  ASSERT_EQ(run.status, 0);
  EXPECT_EQ(run.output, "");
}

TEST(Progress, NoneWhenStderrIsNotATerminal) {
  test::TempDir dir;
  big_archive(dir.path() / "content");
  std::string out;
  ASSERT_EQ(test::run_command("env -u CI " + std::string(TRAVAUX_BINARY) + " build --jobs 1 --content " +
                                  (dir.path() / "content").string() + " --out " + (dir.path() / "site").string(),
                              &out),
            0)
      << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\r'), std::string::npos) << out;
  EXPECT_EQ(out.substr(0, 23), "travaux: 300 documents,") << out;
}

TEST(Progress, QuietPrintsErrorsButNotWarnings) {
  test::TempDir dir;
  test::write_tree(dir.path() / "content",
                   "-- archive.toml --\ntitle = \"T\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\ncolour = \"red\"\n+++\nHi.\n");
  const std::string build = std::string(TRAVAUX_BINARY) + " build --content " + (dir.path() / "content").string() +
                            " --out " + (dir.path() / "site").string();
  std::string loud, quiet;
  ASSERT_EQ(test::run_command(build, &loud), 0);
  EXPECT_NE(loud.find("warning:"), std::string::npos) << loud;
  ASSERT_EQ(test::run_command(build + " --quiet", &quiet), 0);
  EXPECT_EQ(quiet, "");
  test::write_tree(dir.path() / "content", "-- letters/b.md --\n+++\ntitle = \"B\"\n+++\nNo date.\n");
  ASSERT_EQ(test::run_command(build + " --quiet", &quiet), 1);
  EXPECT_NE(quiet.find("letters/b.md"), std::string::npos) << quiet;
  EXPECT_NE(quiet.find("error:"), std::string::npos) << quiet;
  EXPECT_EQ(quiet.find("warning:"), std::string::npos) << quiet;
}

}  // namespace
}  // namespace travaux::cli
