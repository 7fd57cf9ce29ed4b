// Bodies not read (docs/incremental-builds.md): a file load reads only the front matter of
// gives the document a full load gives, and its body when first asked for, unless the file no
// longer holds the bytes it was scanned with.
#include <gtest/gtest.h>
#include <xxhash.h>

#include <fstream>

#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::load {
namespace {

namespace fs = std::filesystem;

std::uint64_t file_hash(const fs::path& p) {
  const std::string bytes = test::read_file(p);
  return XXH3_64bits(bytes.data(), bytes.size());
}

const model::Document& only_letter(const model::Archive& a) {
  EXPECT_EQ(a.documents.size(), 1u);
  return a.documents.front();
}

TEST(DeferredBody, GivesTheDocumentAFullLoadGives) {
  // A byte order mark, CRLF endings, a fence with trailing blanks and a body far past the
  // first block that is read.
  std::string letter = "\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\ndate = 2018-02-10\r\n+++  \r\n\r\nFirst paragraph.\r\n";
  for (int i = 0; i < 2000; ++i) letter += "Line " + std::to_string(i) + " of a long letter, \xC3\xA9t\xC3\xA9.\r\n";
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n");
  fs::create_directories(dir.path() / "letters");
  std::ofstream(dir.path() / "letters" / "a.md", std::ios::binary) << letter;

  diag::Diagnostics full_diags, head_diags;
  const model::Archive full = load_archive(dir.path(), full_diags);
  const HeadsOnly heads = {{"letters/a.md", file_hash(dir.path() / "letters" / "a.md")}};
  const model::Archive head = load_archive(dir.path(), head_diags, kPackAbove, &heads);
  ASSERT_FALSE(full_diags.has_errors());
  ASSERT_FALSE(head_diags.has_errors());
  const auto& a = only_letter(full);
  const auto& b = only_letter(head);
  EXPECT_FALSE(a.deferred_body);
  ASSERT_TRUE(b.deferred_body);
  EXPECT_EQ(b.front_matter, a.front_matter);
  EXPECT_EQ(b.body_line, a.body_line);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.digest(), a.digest());
  EXPECT_GE(b.markdown_size(), a.markdown_size());
  std::string s1, s2;
  EXPECT_EQ(b.markdown(s2), a.markdown(s1));
  EXPECT_FALSE(b.deferred_body->changed);
}

TEST(DeferredBody, AFileChangedSinceItWasScannedIsNoticedNotRead) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                               "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-10\n+++\nThe body.\n");
  const fs::path file = dir.path() / "letters" / "a.md";
  const HeadsOnly heads = {{"letters/a.md", file_hash(file)}};
  diag::Diagnostics diags;
  const model::Archive archive = load_archive(dir.path(), diags, kPackAbove, &heads);
  const auto& doc = only_letter(archive);
  ASSERT_TRUE(doc.deferred_body);
  std::ofstream(file, std::ios::app) << "Written while the build ran.\n";
  std::string scratch;
  EXPECT_EQ(doc.markdown(scratch), "");
  EXPECT_TRUE(doc.deferred_body->changed);
}

TEST(DeferredBody, FilesWithoutFrontMatterWithinTheHeadAreReadWhole) {
  // No front matter at all: read whole, so load reports it as it always does.
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n-- letters/a.md --\nNo front matter.\n");
  const HeadsOnly heads = {{"letters/a.md", file_hash(dir.path() / "letters" / "a.md")}};
  diag::Diagnostics diags;
  load_archive(dir.path(), diags, kPackAbove, &heads);
  diags.sort();
  EXPECT_NE(test::diagnostics_text(diags).find("missing front matter"), std::string::npos);
  // Front matter longer than the head read for it: read whole as well.
  test::TempDir big;
  std::string fm = "+++\ntitle = \"A\"\ndate = 2018-02-10\n";
  while (fm.size() < 70 * 1024) fm += "# a comment line to make the front matter long\n";
  test::write_tree(big.path(), "-- archive.toml --\ntitle = \"T\"\n-- letters/a.md --\n" + fm + "+++\nBody.\n");
  const HeadsOnly big_heads = {{"letters/a.md", file_hash(big.path() / "letters" / "a.md")}};
  diag::Diagnostics big_diags;
  const model::Archive archive = load_archive(big.path(), big_diags, kPackAbove, &big_heads);
  EXPECT_FALSE(big_diags.has_errors());
  EXPECT_FALSE(only_letter(archive).deferred_body);
  EXPECT_EQ(only_letter(archive).body, "Body.\n");
}

}  // namespace
}  // namespace travaux::load
