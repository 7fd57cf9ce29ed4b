// The IETF's HTTP/3 drafts (35 versions in kramdown-style Markdown, with `{#id}` headings), kept
// beside the repository in shared/real/quic-http: a real archive of long drafts written for
// another tool must build, and its changes and history pages must read well.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

const std::filesystem::path kContent = TRAVAUX_SOURCE_DIR "/../shared/real/quic-http/content";

class QuicHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Not a skip: CI clones the repository beside shared/, so a missing archive is a broken setup.
    ASSERT_TRUE(std::filesystem::is_directory(kContent))
        << kContent << " is missing: the quic-http archive must sit in shared/real/ beside the repository";
    diag::Diagnostics diags;
    auto out = site::generate(kContent, site::Until::render, diags);
    diagnostics_ = new std::string(test::diagnostics_text(diags));
    if (out) files_ = new std::map<std::string, std::string>(std::move(out->site.files));
  }
  static void TearDownTestSuite() {
    delete files_;
    delete diagnostics_;
    files_ = nullptr;
  }
  static const std::string& page(const std::string& path) {
    static const std::string none;
    if (!files_) return none;
    auto it = files_->find(path);
    return it == files_->end() ? none : it->second;
  }
  static inline std::map<std::string, std::string>* files_ = nullptr;
  static inline std::string* diagnostics_ = nullptr;
};

TEST_F(QuicHttp, BuildsWithoutErrors) {
  ASSERT_NE(files_, nullptr) << *diagnostics_;
  EXPECT_EQ(diagnostics_->find("error"), std::string::npos) << *diagnostics_;
}

TEST_F(QuicHttp, HeadingsShowNoBracesAndTakeTheirIds) {
  const std::string& html = page("drafts/draft-ietf-quic-http-20/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_NE(html.find("id=\"frame-settings\""), std::string::npos);
  EXPECT_EQ(html.find("{#frame-settings}"), std::string::npos);
  EXPECT_EQ(html.find("{#"), std::string::npos);
}

TEST_F(QuicHttp, EveryVersionButTheFirstHasItsChangesPage) {
  int changes = 0;
  for (int v = 1; v <= 34; ++v) {
    char id[64];
    std::snprintf(id, sizeof id, "drafts/draft-ietf-quic-http-%02d/changes/index.html", v);
    const std::string& html = page(id);
    EXPECT_FALSE(html.empty()) << id;
    changes += !html.empty();
    EXPECT_EQ(html.find("{#"), std::string::npos) << id;
  }
  EXPECT_EQ(changes, 34);
  EXPECT_TRUE(page("drafts/draft-ietf-quic-http-00/changes/index.html").empty());
}

TEST_F(QuicHttp, ASectionKeepsOneHistoryUnderItsId) {
  // The SETTINGS frame section carries {#frame-settings} from -01 on; -00 has none.
  const std::string& html = page("history/frame-settings/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_NE(page("history/index.html").find("history/frame-settings/index.html\">SETTINGS</a> <span class=\"where\">34 of 35 versions"),
            std::string::npos);
  // Every version is there, in an entry of its own or in a run of versions that did not change
  // it (docs/drafts-and-changes.md, "Pages").
  for (int v = 0; v <= 34; ++v) {
    const std::string draft = std::string("drafts/draft-ietf-quic-http-") + (v < 10 ? "0" : "") + std::to_string(v) + "/";
    EXPECT_NE(html.find(draft), std::string::npos) << draft;
  }
  std::size_t entries = 0;
  for (std::size_t at = html.find("<li class=\"version"); at != std::string::npos;
       at = html.find("<li class=\"version", at + 1))
    ++entries;
  EXPECT_LT(entries, 35u);
  EXPECT_NE(html.find("<li class=\"version run\">"), std::string::npos);
  const std::size_t absent = html.find("Not in this version.");
  EXPECT_NE(absent, std::string::npos);
  EXPECT_EQ(html.find("Not in this version.", absent + 1), std::string::npos);
}

TEST_F(QuicHttp, UnchangedSectionsAreFoldedAndListedCompactly) {
  const std::string& html = page("drafts/draft-ietf-quic-http-34/changes/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_NE(html.find("<details class=\"unchanged-list\"><summary>"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"unchanged-run\">"), std::string::npos);
}

// Provenance (docs/drafts-and-changes.md, "Provenance"): the last version's words traced through
// 34 comparisons; every link beside a paragraph lands on an id of the page it names.
TEST_F(QuicHttp, ProvenanceOfTheLastVersionLinksToParagraphsThatExist) {
  const std::string& html = page("drafts/draft-ietf-quic-http-34/provenance/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_TRUE(std::regex_search(html, std::regex("<p class=\"share\" id=\"prov-share\">Of its [0-9,]+ words, [0-9]+% are "
                                                 "unchanged since -00 and [0-9]+% are new in -34; the rest date from "
                                                 "[0-9]+ versions in between, most from -[0-9]+ \\([0-9]+%\\), "
                                                 "-[0-9]+ \\([0-9]+%\\) and -[0-9]+ \\([0-9]+%\\)\\.</p>")));
  std::regex link("href=\"\\.\\./\\.\\./\\.\\./(drafts/[a-z0-9-]+/(changes/)?index\\.html)#([^\"]+)\"");
  int checked = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it, ++checked)
    EXPECT_NE(page((*it)[1].str()).find("id=\"" + (*it)[3].str() + "\""), std::string::npos) << (*it)[0].str();
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace travaux
