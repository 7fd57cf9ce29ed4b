// Several negotiated texts in one archive (CONTENT-MODEL.md, "Texts" and "Output"): each has its
// own chain, changes pages and section histories; the principal keeps history/<anchor>/.
#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

struct Site {
  bool ok = false;
  std::string diagnostics;
  std::map<std::string, std::string> files;
  const std::string& at(const std::string& path) const {
    static const std::string none;
    auto it = files.find(path);
    return it == files.end() ? none : it->second;
  }
};

Site build(const std::string& spec) {
  test::TempDir dir;
  test::write_tree(dir.path(), spec);
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  Site s;
  s.ok = out.has_value();
  s.diagnostics = test::diagnostics_text(diags);
  if (out) s.files = std::move(out->site.files);
  return s;
}

std::string draft(const std::string& id, const std::string& date, int version, const std::string& text,
                  const std::string& body) {
  return "-- drafts/" + id + ".md --\n+++\ntitle = \"" + id + "\"\ndate = " + date + "\nversion = " +
         std::to_string(version) + "\ntext = \"" + text + "\"\n+++\n" + body;
}

std::string two_texts(const std::string& process) {
  return "-- archive.toml --\ntitle = \"T\"\n" + process +
         draft("compact-0", "2018-02-05", 1, "compact", "## Preamble\n\n1. We meet.\n") +
         draft("compact-1", "2018-03-05", 2, "compact", "## Preamble\n\n1. We meet again.\n") +
         draft("annex-0", "2018-02-10", 1, "annex", "## Preamble\n\n1. Annex words.\n") +
         draft("annex-1", "2018-03-10", 2, "annex", "## Preamble\n\n1. Annex words, revised.\n");
}

TEST(Texts, ThePrincipalTextKeepsHistoryAnchorAndTheOtherIsUnderItsId) {
  Site s = build(two_texts("[process]\nname = \"P\"\ntext = \"compact\"\n"));
  ASSERT_TRUE(s.ok) << s.diagnostics;
  const std::string& compact = s.at("history/preamble/index.html");
  const std::string& annex = s.at("history/annex/preamble/index.html");
  ASSERT_FALSE(compact.empty());
  ASSERT_FALSE(annex.empty());
  // Each history lists the versions of its own text only.
  EXPECT_NE(compact.find("We meet<ins> again</ins>."), std::string::npos);
  EXPECT_EQ(compact.find("annex-0"), std::string::npos);
  EXPECT_NE(annex.find("Annex words<ins>, revised</ins>."), std::string::npos);
  EXPECT_EQ(annex.find("compact-0"), std::string::npos);
  // Changes pages compare each version with its own predecessor and link to its own history.
  const std::string& changes = s.at("drafts/annex-1/changes/index.html");
  EXPECT_NE(changes.find("From <a href=\"../../../drafts/annex-0/index.html\">annex-0</a>"), std::string::npos);
  EXPECT_NE(changes.find("href=\"../../../history/annex/preamble/index.html\""), std::string::npos);
  // A draft page's list of versions is its own text's.
  const std::string& page = s.at("drafts/annex-1/index.html");
  EXPECT_NE(page.find("annex-0"), std::string::npos);
  EXPECT_EQ(page.find("compact-1"), std::string::npos);
  // The index names each text.
  EXPECT_NE(s.at("history/index.html").find("history/annex/preamble/index.html"), std::string::npos);
}

TEST(Texts, WithoutAPrincipalEveryTextHasItsFolder) {
  Site s = build(two_texts(""));
  ASSERT_TRUE(s.ok) << s.diagnostics;
  EXPECT_EQ(s.files.count("history/preamble/index.html"), 0u);
  EXPECT_EQ(s.files.count("history/compact/preamble/index.html"), 1u);
  EXPECT_EQ(s.files.count("history/annex/preamble/index.html"), 1u);
}

TEST(Texts, OneTextKeepsHistoryAnchor) {
  Site s = build("-- archive.toml --\ntitle = \"T\"\n" +
                 draft("v1", "2018-02-05", 1, "compact", "## Vision\n\nOne.\n") +
                 draft("v2", "2018-03-05", 2, "compact", "## Vision\n\nTwo.\n"));
  ASSERT_TRUE(s.ok) << s.diagnostics;
  EXPECT_EQ(s.files.count("history/vision/index.html"), 1u);
}

TEST(Texts, ChainErrorsStopTheBuildAtTheKey) {
  Site s = build("-- archive.toml --\ntitle = \"T\"\n"
                 "-- drafts/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nversion = 1\nsupersedes = \"b\"\n+++\nA.\n"
                 "-- drafts/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-05\nversion = 2\nsupersedes = \"a\"\n+++\nB.\n");
  EXPECT_FALSE(s.ok);
  EXPECT_EQ(s.diagnostics, "drafts/a.md:5:1: error: 'supersedes' makes a cycle: 'a' -> 'b' -> 'a'\n");
}

TEST(Texts, AVersionBeyondThirtyTwoBitsDoesNotWrap) {
  Site s = build("-- archive.toml --\ntitle = \"T\"\n"
                 "-- drafts/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nversion = 9223372036854775807\n+++\n1. Late.\n"
                 "-- drafts/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-05\nversion = 4294967296\n+++\n1. Early.\n");
  ASSERT_TRUE(s.ok) << s.diagnostics;
  // b (2^32) comes before a (2^63-1): a's changes are against b.
  const std::string& changes = s.at("drafts/a/changes/index.html");
  EXPECT_NE(changes.find("From <a href=\"../../../drafts/b/index.html\">B</a>"), std::string::npos) << changes;
  EXPECT_NE(changes.find("<del>Early.</del>"), std::string::npos);
  EXPECT_TRUE(s.at("drafts/b/changes/index.html").empty());
}

TEST(Texts, AnInvalidTextIdIsAnError) {
  Site s = build("-- archive.toml --\ntitle = \"T\"\n" + draft("a", "2018-02-05", 1, "The Compact", "A.\n"));
  EXPECT_FALSE(s.ok);
  EXPECT_NE(s.diagnostics.find("drafts/a.md:5:1: error: invalid text id 'The Compact'"), std::string::npos) << s.diagnostics;
}

}  // namespace
}  // namespace travaux
