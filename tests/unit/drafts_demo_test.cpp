// Builds examples/drafts-demo with the travaux binary and checks its changes and history
// pages show the changes the example was written to show (issue 4).
#include <gtest/gtest.h>

#include "support/built_demo.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

class DraftsDemo : public test::BuiltDemo {};

TEST_F(DraftsDemo, BuildsWithoutErrorsOrWarnings) {
  EXPECT_EQ(status_, 0) << output_;
  EXPECT_EQ(output_.find("warning"), std::string::npos) << output_;
  EXPECT_EQ(output_.find("error"), std::string::npos) << output_;
}

TEST_F(DraftsDemo, Rev1ChangesShowWordDiffsMovesSplitsAndTheRename) {
  const std::string html = page("drafts/rev-1/changes/index.html");
  EXPECT_NE(html.find("Paragraphs: 1 added, 4 changed, 1 moved, 1 split off, 7 renumbered."), std::string::npos);
  EXPECT_NE(html.find("the river <em><del>sustains</del><ins>supports</ins></em> the livelihoods"), std::string::npos);
  EXPECT_NE(html.find("the figures <del>monthly</del><ins>every week</ins>."), std::string::npos);
  EXPECT_NE(html.find("<del>Guiding principles</del><ins>Principles of cooperation</ins>"), std::string::npos);
  EXPECT_NE(html.find("Renamed; it was “Guiding principles”."), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge\">Split</span> <span class=\"para-note\">Split from <a href=\"../../../drafts/zero-draft/index.html#para-8\">paragraph 8 of Zero draft</a>.</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"para same moved\" id=\"para-11\"><span class=\"num\">11 <span class=\"was\">(was 7)</span></span> <span class=\"badge\">Moved</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<details>\n<summary><span class=\"section-title\">Objective 3: Settle disputes peacefully</span>"),
            std::string::npos);
}

TEST_F(DraftsDemo, Rev2ChangesShowARemovedParagraphAndANewObjective) {
  const std::string html = page("drafts/rev-2/changes/index.html");
  EXPECT_NE(html.find("<span class=\"badge\">Removed</span><div class=\"words\"><del>Each party will name two experts to the commission.</del></div>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"#objective-4\">Objective 4: Prepare for droughts</a> <span class=\"status\">(new section)</span>"),
            std::string::npos);
  EXPECT_NE(html.find("São Tomé"), std::string::npos);
}

TEST_F(DraftsDemo, HistoryOfObjective2ShowsEveryVersionAndTheLetters) {
  const std::string html = page("history/objective-2/index.html");
  for (const char* label : {"Zero draft", "Rev 1", "Rev 2", "Final text"})
    EXPECT_NE(html.find(std::string(">") + label + "</a> <time"), std::string::npos) << label;
  EXPECT_NE(html.find("heavy metals <ins>and pesticides </ins>by <del>2032</del><ins>2033</ins>."), std::string::npos);
  EXPECT_NE(html.find("Changes from Rev 1: 1 changed, 1 moved, 3 renumbered."), std::string::npos);
  EXPECT_NE(html.find("<a href=\"../../letters/2030-02-14-comments-on-zero-draft/index.html\">"), std::string::npos);
}

TEST_F(DraftsDemo, RenamedSectionHasOneHistoryUnderBothAnchors) {
  const std::string old_name = page("history/guiding-principles/index.html");
  const std::string new_name = page("history/principles-of-cooperation/index.html");
  EXPECT_NE(old_name.find("<h1>History of Principles of cooperation</h1>"), std::string::npos);
  EXPECT_NE(new_name.find("<h1>History of Principles of cooperation</h1>"), std::string::npos);
  EXPECT_NE(new_name.find("Renamed; it was “Guiding principles”."), std::string::npos);
}

}  // namespace
}  // namespace travaux
