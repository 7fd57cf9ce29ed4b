// Tests for load/check_sessions.cpp and the round date checks in load/parse_document.cpp:
// overlapping sessions in one room, sessions outside their round, rounds ending before they
// start (issue #5).
#include "load/check_sessions.h"

#include <gtest/gtest.h>

#include "load/parse_document.h"
#include "support/test_tree.h"

namespace travaux::load {
namespace {

/// A round file: front matter with `extra` keys, then the given [[sessions]] tables.
std::string round_file(const std::string& extra, const std::string& sessions) {
  return "+++\ntitle = \"Round\"\ndate = 2018-02-20\nend = 2018-02-23\nnumber = 1\n" + extra + sessions +
         "+++\n\nBody.\n";
}

std::string check(const std::string& text) {
  diag::Diagnostics diags;
  parse_document("rounds/r.md", text, diags);
  diags.sort();
  return test::diagnostics_text(diags);
}

TEST(CheckSessions, OverlapInOneRoomIsAnErrorAtTheLaterSession) {
  const std::string text = round_file("",
      "[[sessions]]\ndate = 2018-02-20\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"A\"\nroom = \"CR 4\"\n"
      "[[sessions]]\ndate = 2018-02-20\nstart = \"12:30\"\nend = \"14:00\"\ntitle = \"B\"\nroom = \"CR 4\"\n");
  EXPECT_EQ(check(text),
            "rounds/r.md:12:1: error: session 2 (2018-02-20, 12:30–14:00) overlaps session 1 (10:00–13:00) "
            "in room 'CR 4'\n");
}

TEST(CheckSessions, BackToBackSessionsOtherRoomsAndOtherDaysAreFine) {
  const std::string text = round_file("",
      "[[sessions]]\ndate = 2018-02-20\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"A\"\nroom = \"CR 4\"\n"
      "[[sessions]]\ndate = 2018-02-20\nstart = \"13:00\"\nend = \"15:00\"\ntitle = \"B\"\nroom = \"CR 4\"\n"
      "[[sessions]]\ndate = 2018-02-20\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"C\"\nroom = \"CR 2\"\n"
      "[[sessions]]\ndate = 2018-02-21\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"D\"\nroom = \"CR 4\"\n"
      "[[sessions]]\ndate = 2018-02-21\ntitle = \"Untimed, same room\"\nroom = \"CR 4\"\n"
      "[[sessions]]\ndate = 2018-02-21\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"No room\"\n");
  EXPECT_EQ(check(text), "");
}

TEST(CheckSessions, MultiDaySegmentClashesWithASessionOnAnyOfItsDays) {
  const std::string text = round_file("",
      "[[sessions]]\ndate = 2018-02-20\nuntil = 2018-02-22\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"A\"\n"
      "room = \"TC\"\n"
      "[[sessions]]\ndate = 2018-02-22\nstart = \"11:00\"\ntitle = \"B\"\nroom = \"TC\"\n");
  EXPECT_EQ(check(text),
            "rounds/r.md:13:1: error: session 2 (2018-02-22, 11:00) overlaps session 1 (10:00–13:00) in room 'TC'\n");
}

TEST(CheckSessions, SessionEndingBeforeItStartsIsAnError) {
  const std::string text = round_file("",
      "[[sessions]]\ndate = 2018-02-20\nstart = \"13:00\"\nend = \"10:00\"\ntitle = \"A\"\n");
  EXPECT_EQ(check(text), "rounds/r.md:6:1: error: session 1 ends (10:00) before it starts (13:00)\n");
}

TEST(CheckRoundDates, SessionOutsideItsRoundIsAnErrorAtItsDate) {
  const std::string text = round_file("",
      "[[sessions]]\ndate = 2018-02-20\ntitle = \"In\"\n"
      "[[sessions]]\ndate = 2018-02-24\ntitle = \"After\"\n"
      "[[sessions]]\ndate = 2018-02-22\nuntil = 2018-02-25\ntitle = \"Runs over\"\n");
  EXPECT_EQ(check(text),
            "rounds/r.md:10:1: error: session 2 (2018-02-24) lies outside the round (2018-02-20 to 2018-02-23)\n"
            "rounds/r.md:14:1: error: session 3 (2018-02-22) lies outside the round (2018-02-20 to 2018-02-23)\n");
}

TEST(CheckRoundDates, RoundEndingBeforeItStartsIsAnErrorAtEnd) {
  const std::string text =
      "+++\ntitle = \"Round\"\ndate = 2018-02-20\nend = 2018-02-19\nnumber = 1\n+++\n";
  EXPECT_EQ(check(text), "rounds/r.md:4:1: error: round ends (2018-02-19) before it starts (2018-02-20)\n");
}

}  // namespace
}  // namespace travaux::load
