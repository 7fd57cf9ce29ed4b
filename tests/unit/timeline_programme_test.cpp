// Tests for render/timeline_programme.cpp: the round page's day-by-day grid (issue #5).
#include "render/timeline_programme.h"

#include <gtest/gtest.h>

namespace travaux::render {
namespace {

using model::Date;

model::Session session(Date date, std::string start, std::string end, std::string title,
                       std::optional<Date> until = std::nullopt) {
  model::Session s;
  s.date = date;
  s.start = std::move(start);
  s.end = std::move(end);
  s.title = std::move(title);
  s.until = until;
  return s;
}

model::Document round_of(std::vector<model::Session> sessions) {
  model::Document r;
  r.kind = model::Kind::round;
  r.id = "round-1";
  r.date = {2018, 2, 20};
  r.end = Date{2018, 2, 23};
  r.number = 1;
  r.sessions = std::move(sessions);
  return r;
}

TEST(LayoutProgramme, OneColumnPerDayAndRowsByTheClock) {
  auto p = layout_programme(round_of({
      session({2018, 2, 20}, "10:00", "13:00", "Morning"),
      session({2018, 2, 20}, "15:00", "18:00", "Afternoon"),
      session({2018, 2, 22}, "09:00", "10:00", "Dialogue"),
  }));
  ASSERT_EQ(p.days.size(), 4u);  // 20 to 23 February, the 21st included
  EXPECT_EQ(p.days[1].date, (Date{2018, 2, 21}));
  EXPECT_EQ(p.first_minute, 9 * 60);
  EXPECT_EQ(p.timed_rows, 18);  // 09:00 to 18:00 in half hours
  EXPECT_EQ(p.untimed_rows, 0);
  ASSERT_EQ(p.days[0].cells.size(), 2u);
  const ProgrammeCell& morning = p.days[0].cells[0];
  EXPECT_EQ(morning.row, p.first_timed_row() + 2);  // 10:00 is two steps after 09:00
  EXPECT_EQ(morning.rows, 6);                      // three hours
  EXPECT_EQ(p.days[0].cells[1].row, p.first_timed_row() + 12);
  EXPECT_FALSE(p.days[1].covered);  // no session on the 21st
  EXPECT_TRUE(p.days[2].covered);
  // Columns: the hours, then one per day.
  EXPECT_EQ(p.days[0].column, 2);
  EXPECT_EQ(p.days[3].column, 5);
  EXPECT_EQ(p.columns, 5);
}

TEST(LayoutProgramme, OverlappingSessionsSitSideBySide) {
  auto p = layout_programme(round_of({
      session({2018, 2, 22}, "09:00", "10:00", "Dialogue"),
      session({2018, 2, 22}, "09:30", "11:00", "Other room"),
      session({2018, 2, 22}, "11:00", "12:00", "After both"),
  }));
  const ProgrammeDay& day = p.days[2];
  EXPECT_EQ(day.columns, 2);
  ASSERT_EQ(day.cells.size(), 3u);
  EXPECT_NE(day.cells[0].column, day.cells[1].column);
  EXPECT_EQ(day.cells[2].column, day.column);  // the first sub-column is free again at 11:00
  EXPECT_EQ(p.days[3].column, day.column + 2);
}

TEST(LayoutProgramme, UntimedAndMultiDaySegmentsGoInTheBandAbove) {
  auto p = layout_programme(round_of({
      session({2018, 2, 21}, "", "", "Hearing"),
      session({2018, 2, 22}, "", "", "Policy areas", Date{2018, 2, 23}),
      session({2018, 2, 21}, "", "", "Briefing", Date{2018, 2, 22}),
      session({2018, 2, 23}, "11:00", "", "Concluding meeting"),
  }));
  // The briefing overlaps both others, so it needs a second row.
  EXPECT_EQ(p.untimed_rows, 2);
  ASSERT_FALSE(p.days[1].cells.empty());
  const ProgrammeCell& hearing = p.days[1].cells[0];
  EXPECT_FALSE(hearing.timed);
  EXPECT_EQ(hearing.row, 2);
  const ProgrammeCell& policy = p.days[2].cells[0];
  EXPECT_EQ(policy.columns, 2);  // spans the 22nd and the 23rd
  EXPECT_EQ(policy.row, 2);
  const ProgrammeCell& briefing = p.days[1].cells[1];
  EXPECT_EQ(briefing.row, 3);
  // A start with no end is drawn one step tall and marked open.
  const ProgrammeCell& concluding = p.days[3].cells.back();
  EXPECT_TRUE(concluding.timed);
  EXPECT_TRUE(concluding.open_end);
  EXPECT_EQ(concluding.rows, 1);
}

}  // namespace
}  // namespace travaux::render
