// History pages fold a run of versions that leave a part as it was, or that lack it, into one
// entry that names and links each of them (docs/drafts-and-changes.md, "Pages").
#include <gtest/gtest.h>

#include "site/generate.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

std::map<std::string, std::string> build(const std::string& spec) {
  test::TempDir dir;
  test::write_tree(dir.path(), spec);
  diag::Diagnostics diags;
  auto out = site::generate(dir.path(), site::Until::render, diags);
  EXPECT_TRUE(out.has_value()) << test::diagnostics_text(diags);
  return out ? std::move(out->site.files) : std::map<std::string, std::string>{};
}

std::string draft(int version, const std::string& body) {
  const std::string id = "v" + std::to_string(version);
  return "-- drafts/" + id + ".md --\n+++\ntitle = \"" + id + "\"\ndate = 2018-0" + std::to_string(version + 1) +
         "-05\nversion = " + std::to_string(version) + "\n+++\n" + body;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HistoryRuns, UnchangedAndMissingVersionsFoldIntoOneEntryEach) {
  auto files = build("-- archive.toml --\ntitle = \"T\"\n" +
                     draft(0, "## Vision\n\n1. We meet in the old city hall.\n") +
                     draft(1, "## Vision\n\n1. We meet in the new city hall.\n") +
                     draft(2, "## Vision\n\n1. We meet in the new city hall.\n") +
                     draft(3, "## Vision\n\n1. We meet in the new city hall.\n\n## Annex\n\n2. Added.\n") +
                     draft(4, "## Vision\n\n1. We meet in the new town hall.\n\n## Annex\n\n2. Added.\n"));
  const std::string& vision = files["history/vision/index.html"];
  ASSERT_FALSE(vision.empty());
  EXPECT_EQ(count(vision, "<li class=\"version"), 4u);  // v0, v1, v2 to v3, v4
  EXPECT_EQ(count(vision, "<li class=\"version run\">"), 1u);
  EXPECT_NE(vision.find("Unchanged from v1 in these 2 versions: <a href=\"../../drafts/v2/index.html#vision\">v2</a>, "
                        "<a href=\"../../drafts/v3/index.html#vision\">v3</a>."),
            std::string::npos)
      << vision;
  EXPECT_NE(vision.find("Changes from v3: 1 changed."), std::string::npos);

  const std::string& annex = files["history/annex/index.html"];
  ASSERT_FALSE(annex.empty());
  EXPECT_NE(annex.find("<li class=\"version run absent\">"), std::string::npos) << annex;
  EXPECT_NE(annex.find("Not in these 3 versions: <a href=\"../../drafts/v0/index.html\">v0</a>, "
                       "<a href=\"../../drafts/v1/index.html\">v1</a>, <a href=\"../../drafts/v2/index.html\">v2</a>."),
            std::string::npos)
      << annex;
  // A run of one is an entry of its own, as before.
  EXPECT_NE(annex.find("<p class=\"version-status\">Unchanged from v3.</p>"), std::string::npos) << annex;
}

}  // namespace
}  // namespace travaux
