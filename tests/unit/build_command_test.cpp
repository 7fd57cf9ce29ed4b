// End-to-end tests of `travaux build` through the real binary: the shipped archive's pages
// and links, exit codes, and the previous output left untouched (issue #2 "Done means").
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "support/test_tree.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = TRAVAUX_BINARY;
const fs::path kSource = TRAVAUX_SOURCE_DIR;

int travaux(const std::string& args, std::string* out = nullptr) {
  return test::run_command(kBinary + " " + args, out);
}

std::vector<fs::path> html_files(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.path().extension() == ".html") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class ShippedArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    status_ = travaux("build --content " + (kSource / "content").string() + " --out " + site().string(), &output_);
  }
  static void TearDownTestSuite() { delete dir_; }
  static fs::path site() { return dir_->path() / "site"; }
  static std::string page(const std::string& rel) { return test::read_file(site() / rel); }

  static test::TempDir* dir_;
  static int status_;
  static std::string output_;
};
test::TempDir* ShippedArchive::dir_ = nullptr;
int ShippedArchive::status_ = -1;
std::string ShippedArchive::output_;

TEST_F(ShippedArchive, BuildsWithASummaryLine) {
  ASSERT_EQ(status_, 0) << output_;
  EXPECT_TRUE(std::regex_search(output_, std::regex(R"(travaux: \d+ documents, \d+ files written to .* in \d+\.\d\d s\n$)")))
      << output_;
}

TEST_F(ShippedArchive, HasAPageForEveryDocumentAndTheIndexes) {
  for (const auto& kind : {"letters", "drafts", "rounds", "documents"}) {
    ASSERT_TRUE(fs::exists(site() / kind / "index.html")) << kind;
    for (const auto& e : fs::directory_iterator(kSource / "content" / kind)) {
      if (e.path().extension() != ".md") continue;
      EXPECT_TRUE(fs::exists(site() / kind / e.path().stem() / "index.html")) << e.path();
    }
  }
  for (const auto& p : {"index.html", "about/index.html", "people/lauber/index.html", "topics/index.html",
                        "feed.xml", "sitemap.xml", "archive.json", "assets/style.css"})
    EXPECT_TRUE(fs::exists(site() / p)) << p;
}

TEST_F(ShippedArchive, EveryInternalLinkAndAnchorResolves) {
  const std::regex attr(R"((?:href|src)="([^"]*)\")");
  const std::regex id(R"(\sid="([^"]+)\")");
  int checked = 0;
  for (const auto& file : html_files(site())) {
    const std::string html = test::read_file(file);
    for (std::sregex_iterator it(html.begin(), html.end(), attr), end; it != end; ++it) {
      std::string url = (*it)[1];
      if (url.starts_with("http:") || url.starts_with("https:") || url.starts_with("mailto:")) continue;
      ASSERT_FALSE(url.starts_with("/")) << file << ": absolute internal link " << url;
      ASSERT_EQ(url.find("travaux:"), std::string::npos) << file << ": unresolved " << url;
      std::string anchor;
      if (auto hash = url.find('#'); hash != std::string::npos) {
        anchor = url.substr(hash + 1);
        url = url.substr(0, hash);
      }
      const fs::path target = url.empty() ? file : (file.parent_path() / url).lexically_normal();
      ASSERT_TRUE(fs::is_regular_file(target)) << file << " links to missing " << target;
      ASSERT_EQ(target.string().rfind(site().string(), 0), 0u) << file << " links outside the site: " << target;
      if (!anchor.empty() && target.extension() == ".html") {
        const std::string t = test::read_file(target);
        std::set<std::string> ids;
        for (std::sregex_iterator i(t.begin(), t.end(), id), e; i != e; ++i) ids.insert((*i)[1]);
        EXPECT_TRUE(ids.count(anchor)) << file << " links to missing anchor #" << anchor << " in " << target;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST_F(ShippedArchive, PagesHaveLanguageTitleAndOneHeading) {
  const std::regex h1("<h1[ >]");
  for (const auto& file : html_files(site())) {
    const std::string html = test::read_file(file);
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos) << file;
    EXPECT_NE(html.find("<title>"), std::string::npos) << file;
    auto count = std::distance(std::sregex_iterator(html.begin(), html.end(), h1), std::sregex_iterator());
    EXPECT_EQ(count, 1) << file;
    EXPECT_EQ(html.find("http://fonts."), std::string::npos) << file;
    EXPECT_EQ(html.find("<script src=\"http"), std::string::npos) << file;
  }
}

TEST_F(ShippedArchive, LetterPageShowsItsMetadataAndAttachment) {
  const std::string html = page("letters/2018-02-15-pga-cover-first-round-programme/index.html");
  EXPECT_NE(html.find("<time datetime=\"2018-02-15\">15 February 2018</time>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"../../people/lajcak/index.html\">Miroslav Lajčák</a>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Attachments</dt><dd><ul class=\"inline\"><li><a href=\"../../letters/2018-02-13-first-round-programme/index.html\">"),
            std::string::npos);
  const std::string attached = page("letters/2018-02-13-first-round-programme/index.html");
  EXPECT_NE(attached.find("<dt>Attached to</dt>"), std::string::npos);
  EXPECT_NE(attached.find("<table>"), std::string::npos);  // the programme table kept as a table
}

TEST_F(ShippedArchive, RoundPageListsItsProgrammeOfWork) {
  const std::string html = page("rounds/round-1/index.html");
  EXPECT_NE(html.find("Tuesday"), std::string::npos);
  EXPECT_NE(html.find("20 February 2018"), std::string::npos);
  EXPECT_NE(html.find("Objectives 7-12"), std::string::npos);
  EXPECT_NE(html.find("ECOSOC Chamber"), std::string::npos);
  EXPECT_NE(html.find("rel=\"next\" href=\"../../rounds/round-2/index.html\""), std::string::npos);
}

TEST_F(ShippedArchive, DraftsIndexIsTheVersionChainInOrder) {
  const std::string html = page("drafts/index.html");
  const auto zero = html.find("drafts/zero-draft/index.html"), plus = html.find("drafts/zero-draft-plus/index.html"),
             rev1 = html.find("drafts/rev-1/index.html"), agreed = html.find("drafts/agreed-outcome/index.html");
  ASSERT_NE(agreed, std::string::npos);
  EXPECT_LT(zero, plus);
  EXPECT_LT(plus, rev1);
  EXPECT_LT(rev1, agreed);
}

TEST(BuildCommand, UsageErrorsExitWithTwo) {
  EXPECT_EQ(travaux("frobnicate"), 2);
  EXPECT_EQ(travaux("build --no-such-flag"), 2);
  EXPECT_EQ(travaux(""), 2);
  std::string out;
  EXPECT_EQ(travaux("--version", &out), 0);
  EXPECT_EQ(out, "travaux 0.1.0\n");
}

TEST(BuildCommand, ContentErrorExitsWithOneAndLeavesThePreviousSiteUntouched) {
  test::TempDir dir;
  const fs::path content = dir.path() / "content", site = dir.path() / "site";
  test::write_tree(content, "-- archive.toml --\ntitle = \"T\"\n-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-01-01\n+++\nHi.\n");
  ASSERT_EQ(travaux("build -q --content " + content.string() + " --out " + site.string()), 0);
  const std::string before = test::read_file(site / "letters/a/index.html");
  test::write_tree(content, "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-01-01\n+++\nChanged [x](@nope).\n");
  std::string out;
  EXPECT_EQ(travaux("build --content " + content.string() + " --out " + site.string(), &out), 1);
  EXPECT_NE(out.find("letters/a.md:5:9: error: unknown document '@nope'"), std::string::npos) << out;
  EXPECT_EQ(test::read_file(site / "letters/a/index.html"), before);
}

TEST(BuildCommand, RefusesToReplaceAFolderItDidNotCreate) {
  test::TempDir dir;
  const fs::path content = dir.path() / "content", out_dir = dir.path() / "mine";
  test::write_tree(content, "-- archive.toml --\ntitle = \"T\"\n");
  test::write_tree(out_dir, "-- thesis.txt --\nyears of work\n");
  std::string out;
  EXPECT_EQ(travaux("build --content " + content.string() + " --out " + out_dir.string(), &out), 1);
  EXPECT_NE(out.find("refusing to replace this folder"), std::string::npos) << out;
  EXPECT_EQ(test::read_file(out_dir / "thesis.txt"), "years of work\n");
}

TEST(BuildCommand, NewScaffoldsAFileAndNeverOverwrites) {
  test::TempDir dir;
  const fs::path content = dir.path() / "content";
  test::write_tree(content, "-- archive.toml --\ntitle = \"T\"\n");
  std::string out;
  ASSERT_EQ(travaux("new round \"Seventh round\" --content " + content.string(), &out), 0) << out;
  const fs::path made = content / "rounds/seventh-round.md";
  ASSERT_TRUE(fs::exists(made));
  EXPECT_TRUE(test::read_file(made).starts_with("+++\ntitle = \"Seventh round\"\ndate = "));
  test::write_tree(content, "-- rounds/seventh-round.md --\nmine\n");
  EXPECT_EQ(travaux("new round \"Seventh round\" --content " + content.string()), 1);
  EXPECT_EQ(test::read_file(made), "mine\n");
}

}  // namespace
}  // namespace travaux
