// Tests for compare/compare_texts.cpp, the comparison stage (docs/drafts-and-changes.md, "The
// comparison stage"): each adjacent pair of each text compared once, whatever the threads.
#include "compare/compare_texts.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "link/link.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::compare {
namespace {

struct Staged {
  model::Archive archive;
  link::LinkedArchive linked;
  std::string diagnostics;
};

Staged stage(const std::string& spec) {
  test::TempDir dir;
  test::write_tree(dir.path(), spec);
  Staged s;
  diag::Diagnostics diags;
  s.archive = load::load_archive(dir.path(), diags);
  s.linked = link::link_archive(s.archive, diags);
  s.diagnostics = test::diagnostics_text(diags);
  return s;
}

std::string draft(const std::string& id, int version, const std::string& text, const std::string& body,
                  bool held = true) {
  return "-- drafts/" + id + ".md --\n+++\ntitle = \"" + id + "\"\ndate = 2018-0" + std::to_string(version) +
         "-05\nversion = " + std::to_string(version) + "\ntext = \"" + text + "\"\n" +
         (held ? "" : "full_text = false\n") + "+++\n" + body;
}

const std::string kSpec = "-- archive.toml --\ntitle = \"T\"\n" +
                          draft("a1", 1, "a", "1. One.\n") + draft("a2", 2, "a", "1. One more.\n") +
                          draft("a3", 3, "a", "Not held.\n", false) + draft("a4", 4, "a", "1. Four.\n") +
                          draft("b1", 1, "b", "1. Bee.\n") + draft("b2", 2, "b", "1. Bee two.\n");

TEST(CompareTexts, EachAdjacentHeldPairOnceAndChangesOfPointsAtIt) {
  Staged s = stage(kSpec);
  ASSERT_EQ(s.diagnostics, "");
  const ComparedArchive c = compare_texts(s.archive, s.linked);
  ASSERT_EQ(c.texts.size(), 2u);
  const ComparedText& a = c.texts[0];
  ASSERT_EQ(a.versions.size(), 4u);
  EXPECT_FALSE(a.with_previous[0]);  // the first version
  ASSERT_TRUE(a.with_previous[1]);
  EXPECT_FALSE(a.with_previous[2]);  // a3's text is not held
  EXPECT_FALSE(a.with_previous[3]);  // nor can a4 be compared with it
  EXPECT_FALSE(a.versions[2].text);
  EXPECT_EQ(a.with_previous[1]->total.changed, 1);
  EXPECT_EQ(a.versions[1].doc, s.archive.find("a2"));
  EXPECT_EQ(c.texts[1].versions[1].doc, s.archive.find("b2"));
  ASSERT_TRUE(c.texts[1].with_previous[1]);
  EXPECT_EQ(c.texts[1].with_previous[1]->total.changed, 1);
}

TEST(CompareTexts, TheSameResultOnOneThreadAndOnMany) {
  Staged s = stage(kSpec);
  auto totals = [&](const ComparedArchive& c) {
    std::string out;
    for (const auto& t : c.texts)
      for (const auto& w : t.with_previous)
        out += w ? std::to_string(w->total.changed) + "/" + std::to_string(w->sections.size()) + " " : "- ";
    return out;
  };
  std::string one, many;
  {
    tbb::global_control only(tbb::global_control::max_allowed_parallelism, 1);
    one = totals(compare_texts(s.archive, s.linked));
  }
  many = totals(compare_texts(s.archive, s.linked));
  EXPECT_EQ(one, many);
  EXPECT_EQ(one, "- 1/1 - - - 1/1 ");
}

}  // namespace
}  // namespace travaux::compare
