// Deterministic output (issue #7): the same content gives byte-identical sites with one thread
// and with all cores, and from one build to the next.
#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <fstream>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> build_with_threads(const fs::path& content, std::size_t threads,
                                                      std::string* diagnostics) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  diag::Diagnostics diags;
  auto out = site::generate(content, site::Until::render, diags);
  diags.sort();
  *diagnostics = test::diagnostics_text(diags);
  if (!out) return {};
  std::map<std::string, std::string> files = std::move(out->site.files);
  for (const auto& [path, source] : out->site.copies) files["copy:" + path] = source;
  return files;
}

void expect_same_with_one_and_all_threads(const fs::path& content) {
  const std::size_t all = static_cast<std::size_t>(std::max(2, tbb::info::default_concurrency()));
  std::string d1, dn, dn2;
  const auto one = build_with_threads(content, 1, &d1);
  const auto many = build_with_threads(content, all, &dn);
  const auto again = build_with_threads(content, all, &dn2);
  ASSERT_FALSE(one.empty()) << d1;
  EXPECT_EQ(d1, dn);
  EXPECT_EQ(dn, dn2);
  EXPECT_EQ(test::differing_files(one, many), "") << "between 1 and " << all << " threads";
  EXPECT_EQ(test::differing_files(many, again), "") << "between two builds with " << all << " threads";
}

TEST(Determinism, ShippedArchiveIsByteIdenticalWithOneAndAllThreads) {
  expect_same_with_one_and_all_threads(fs::path(TRAVAUX_SOURCE_DIR) / "content");
}

TEST(Determinism, ArchiveWithWarningsAndManyDocumentsIsByteIdentical) {
  // Many small documents so the parallel loops really split, plus warnings whose order must
  // not depend on the threads.
  test::TempDir dir;
  std::string spec = "-- archive.toml --\ntitle = \"T\"\n[people.p]\nname = \"P\"\n";
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    spec += "-- letters/l" + n + ".md --\n+++\ntitle = \"Letter " + n + "\"\ndate = 2018-03-" +
            std::to_string(10 + i % 18) + "\nfrom = [\"p\"]\ntopics = [\"t" + std::to_string(i % 7) +
            "\"]\nunknown" + n + " = 1\n+++\n\nSee [the next](@l" + std::to_string((i + 1) % 300) + ").\n";
  }
  test::write_tree(dir.path(), spec);
  expect_same_with_one_and_all_threads(dir.path());
}

TEST(Determinism, EveryMarkdownExtensionAndPageKindIsByteIdenticalWithOneAndAllThreads) {
  // Every page kind rendered in parallel (documents, indexes, people, topics, feeds, calendar,
  // changes and history) over bodies that use every Markdown extension travaux enables: a
  // thread-unsafe extension shows up here as a page that differs between thread counts.
  test::TempDir dir;
  std::string spec = "-- archive.toml --\ntitle = \"T\"\n";
  for (int p = 0; p < 12; ++p)
    spec += "[people.p" + std::to_string(p) + "]\nname = \"Person " + std::to_string(p) + "\"\n";
  for (int v = 1; v <= 3; ++v)
    spec += "-- drafts/v" + std::to_string(v) + ".md --\n+++\ntitle = \"V" + std::to_string(v) +
            "\"\ndate = 2018-02-0" + std::to_string(v) + "\nversion = " + std::to_string(v) +
            "\n+++\n\n## Objective 1: Data\n\n1. Collect ~~some~~ data" + std::string(v > 1 ? " daily" : "") +
            ".\n\n2. Publish it at www.example.org.\n";
  spec += "-- rounds/r1.md --\n+++\ntitle = \"R1\"\ndate = 2018-03-01\nnumber = 1\n"
          "[[sessions]]\ndate = 2018-03-01\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"Objective 1\"\n+++\n\nOn v3.\n";
  for (int i = 0; i < 240; ++i) {
    const std::string n = std::to_string(i);
    spec += "-- letters/l" + n + ".md --\n+++\ntitle = \"Letter " + n + "\"\ndate = 2018-03-" +
            std::to_string(10 + i % 18) + "\nfrom = [\"p" + std::to_string(i % 12) + "\"]\ntopics = [\"t" +
            std::to_string(i % 9) + "\"]\n+++\n\n"
            "| a | b |\n|---|---|\n| ~~struck " + n + "~~ | www.example.org/" + n + " |\n\n"
            "See https://example.org/" + n + " and ~~this~~ that, as Objective 1 says.[^f]\n\n"
            "- [ ] open task " + n + "\n- [x] done task\n\n[^f]: A footnote " + n + ".\n";
  }
  test::write_tree(dir.path(), spec);
  std::string d;
  const auto one = build_with_threads(dir.path(), 1, &d);
  ASSERT_FALSE(one.empty()) << d;
  // The extensions really ran (with one thread, where no race can drop them).
  const std::string& page = one.at("letters/l7/index.html");
  EXPECT_NE(page.find("<table>"), std::string::npos);
  EXPECT_NE(page.find("<del>struck 7</del>"), std::string::npos);
  EXPECT_NE(page.find("href=\"http://www.example.org/7\""), std::string::npos);
  EXPECT_NE(page.find("href=\"https://example.org/7\""), std::string::npos);
  EXPECT_NE(page.find("class=\"footnotes\""), std::string::npos);
  EXPECT_NE(page.find("open task 7"), std::string::npos);
  EXPECT_TRUE(one.count("people/p3/index.html") && one.count("topics/t4/index.html") &&
              one.count("drafts/v2/changes/index.html") && one.count("calendar.ics"));
  expect_same_with_one_and_all_threads(dir.path());
}

TEST(Determinism, TwoBuildsOfTheBinaryGiveIdenticalFolders) {
  test::TempDir dir;
  const std::string content = (fs::path(TRAVAUX_SOURCE_DIR) / "content").string();
  ASSERT_EQ(test::run_command(std::string(TRAVAUX_BINARY) + " build -q --content " + content + " --out " +
                              (dir.path() / "a").string()),
            0);
  ASSERT_EQ(test::run_command(std::string(TRAVAUX_BINARY) + " build -q --content " + content + " --out " +
                              (dir.path() / "b").string()),
            0);
  std::string diff;
  EXPECT_EQ(test::run_command("diff -r " + (dir.path() / "a").string() + " " + (dir.path() / "b").string(), &diff), 0)
      << diff;
}

}  // namespace
}  // namespace travaux
