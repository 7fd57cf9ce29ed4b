// Faults, tested for real (issue #7, "Faults"): the built binary is started on a large
// archive and killed with SIGKILL at random moments; the previous site must stay complete
// and unchanged. Unwritable outputs are clear errors through the command line too.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// An archive big enough that a build takes a noticeable time: `letters` letters that link
/// to each other, each a few kilobytes long. `title` goes into archive.toml so two versions
/// of the archive give different sites.
void write_large_archive(const fs::path& root, int letters, const std::string& title) {
  fs::create_directories(root / "letters");
  std::ofstream(root / "archive.toml") << "title = \"" << title << "\"\nbase_url = \"https://example.org/\"\n";
  for (int i = 0; i < letters; ++i) {
    std::ofstream f(root / "letters" / ("letter-" + std::to_string(i) + ".md"));
    f << "+++\ntitle = \"Letter " << i << " of " << title << "\"\ndate = 2018-0" << 1 + i % 9 << "-"
      << 10 + i % 18 << "\ntopics = [\"topic " << i % 23 << "\"]\n+++\n\n";
    for (int p = 0; p < 12; ++p)
      f << "Paragraph " << p << " of letter " << i << " answers [the previous letter](@letter-" << (i + letters - 1) % letters
        << ") and *repeats* the point made in [letter " << (i * 7) % letters << "](letter-" << (i * 7) % letters
        << ".md) about the matter at hand, at some length, so the page has weight.\n\n";
  }
}

/// Starts `travaux build` and returns its pid; stdout and stderr go to /dev/null.
pid_t start_build(const fs::path& content, const fs::path& out) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(TRAVAUX_BINARY, "travaux", "build", "--content", content.c_str(), "--out", out.c_str(), "--quiet",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(Faults, KillMinus9AtRandomMomentsLeavesThePreviousSiteWhole) {
  test::TempDir dir;
  const fs::path content = dir.path() / "content";
  const fs::path site = dir.path() / "site";
  write_large_archive(content, 600, "Version one");
  ASSERT_EQ(wait_exit_code(start_build(content, site)), 0);
  const auto old_site = test::files_under(site);
  ASSERT_GT(old_site.size(), 600u);

  // The next version of the archive, and how long building it takes when left alone.
  write_large_archive(content, 600, "Version two");
  const fs::path reference = dir.path() / "reference";
  // The kills fall within the first three quarters of the faster of two reference builds: on
  // a loaded machine one build can take twice another, and kills drawn past the end of the
  // next build would prove nothing.
  auto full = Clock::duration::max();
  for (int run = 0; run < 2; ++run) {
    fs::remove_all(reference);
    const auto started = Clock::now();
    ASSERT_EQ(wait_exit_code(start_build(content, reference)), 0);
    full = std::min(full, (Clock::now() - started) * 3 / 4);
  }
  const auto new_site = test::files_under(reference);
  ASSERT_NE(new_site, old_site);
  fs::remove_all(reference);

  // Without its cache the next build is a full one, which swaps the whole site in at once; an
  // incremental build is atomic per file instead (docs/incremental-builds.md, "Writing in
  // place"), tested in incremental_build_test.cpp. Every site the loop below puts back by hand
  // has a new marker file, which the cache does not take for the folder it wrote.
  fs::remove_all(dir.path() / "site.travaux-cache");
  std::mt19937 rng(7);  // fixed seed: the same moments on every run
  std::uniform_int_distribution<long long> moment(0, std::chrono::duration_cast<std::chrono::microseconds>(full).count());
  int killed_mid_build = 0;
  constexpr int kKills = 12;
  for (int i = 0; i < kKills; ++i) {
    const auto delay = std::chrono::microseconds(moment(rng));
    pid_t pid = start_build(content, site);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    const int code = wait_exit_code(pid);
    const auto now = test::files_under(site);
    if (code == 128 + SIGKILL) {
      // Killed: the old site, whole, unless the swap had already happened.
      EXPECT_TRUE(now == old_site || now == new_site) << "kill " << i << " after " << delay.count() << " us";
      if (now == old_site) ++killed_mid_build;
    } else {
      EXPECT_EQ(code, 0);
      EXPECT_TRUE(now == new_site);
    }
    if (now == new_site) {
      // Put the old site back (as a good build of version one would) for the next round.
      fs::remove_all(site);
      for (const auto& [path, bytes] : old_site) {
        fs::create_directories((site / path).parent_path());
        std::ofstream(site / path, std::ios::binary) << bytes;
      }
    }
  }
  EXPECT_GE(killed_mid_build, kKills / 2) << "too few kills landed during a build to prove anything";

  // A build after all that succeeds, and sweeps away the staging folders the kills left.
  ASSERT_EQ(wait_exit_code(start_build(content, site)), 0);
  EXPECT_EQ(test::files_under(site), new_site);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  // The lock files stay by design (docs/hostile-input.md, "The output folder"), and so do the
  // build caches (docs/incremental-builds.md).
  EXPECT_EQ(names, (std::vector<std::string>{"content", "reference.travaux-cache", "reference.travaux-lock", "site",
                                             "site.travaux-cache", "site.travaux-lock"}));
}

TEST(Faults, UnwritableOutputIsAClearErrorFromTheCommandLine) {
  test::TempDir dir;
  test::write_tree(dir.path() / "content", "-- archive.toml --\ntitle = \"T\"\n"
                                           "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n");
  test::write_tree(dir.path(), "-- file --\nx\n");
  std::string output;
  const std::string out = (dir.path() / "file").string();
  EXPECT_EQ(test::run_command(std::string(TRAVAUX_BINARY) + " build --content " + (dir.path() / "content").string() +
                                  " --out " + out, &output),
            1);
  EXPECT_EQ(output, out + ": error: the output path exists and is not a folder\n"
                          "  hint: choose another --out or move that file away\n"
                          "travaux: 1 error(s); nothing written, " + out + " left as it was\n");
  EXPECT_EQ(test::run_command(std::string(TRAVAUX_BINARY) + " build --content " + (dir.path() / "content").string() +
                                  " --out /proc/travaux-test/site", &output),
            1);
  EXPECT_NE(output.find("/proc/travaux-test/site.travaux-lock: error: cannot create the output's lock file: No such file or directory\n"), std::string::npos)
      << output;
}

TEST(Faults, ABuildNeverDeletesAFolderItDidNotCreate) {
  test::TempDir dir;
  test::write_tree(dir.path() / "content", "-- archive.toml --\ntitle = \"T\"\n"
                                           "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n+++\n");
  const auto before = test::files_under(dir.path());
  std::string output;
  for (const std::string out : {(dir.path() / "content").string(), dir.path().string(), std::string("/")}) {
    EXPECT_EQ(test::run_command(std::string(TRAVAUX_BINARY) + " build --content " +
                                    (dir.path() / "content").string() + " --out " + out, &output),
              2)
        << out;
    EXPECT_NE(output.find("building would replace the content with the site"), std::string::npos)
        << output;
  }
  EXPECT_EQ(test::files_under(dir.path()), before);
}

}  // namespace
}  // namespace travaux
