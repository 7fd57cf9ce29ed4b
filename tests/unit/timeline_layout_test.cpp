// Tests for render/timeline_layout.cpp: ordering, stacking, scale and ticks (issue #5).
#include "render/timeline_layout.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace travaux::render {
namespace {

using model::Date;

TimelineItem mark(Date d, int lane = 0) { return {d, std::nullopt, lane}; }

std::vector<std::string> labels(const TimelineLayout& t) {
  std::vector<std::string> out;
  for (const auto& tick : t.ticks)
    if (!tick.label.empty()) out.push_back(tick.label);
  return out;
}

TEST(LayoutTimeline, AxisRunsOverWholeMonthsAndScalesToTheWidth) {
  TimelineOptions o;  // width 1000, gutter 72
  auto t = layout_timeline({mark({2018, 3, 5}), mark({2018, 2, 20}), mark({2018, 7, 13}), mark({2018, 5, 1})}, o);
  EXPECT_EQ(t.first, (Date{2018, 2, 1}));
  EXPECT_EQ(t.last, (Date{2018, 7, 31}));
  const double day = (1000.0 - 72 - 8) / 181;  // 1 February to 31 July 2018 is 181 days
  EXPECT_DOUBLE_EQ(t.day_width, day);
  EXPECT_DOUBLE_EQ(t.width, 1000);
  EXPECT_DOUBLE_EQ(t.x_of({2018, 2, 1}), 72);
  // A mark sits in the middle of its day; later dates lie further right whatever the input order.
  EXPECT_DOUBLE_EQ(t.items[1].x, 72 + 19 * day + day / 2);
  EXPECT_LT(t.items[1].x, t.items[0].x);
  EXPECT_LT(t.items[0].x, t.items[3].x);
  EXPECT_LT(t.items[3].x, t.items[2].x);
  EXPECT_EQ(labels(t), (std::vector<std::string>{"Feb 2018", "Mar", "Apr", "May", "Jun", "Jul"}));
}

TEST(LayoutTimeline, MarksOfOneDayStackInInputOrderAndFreeRowsAreReused) {
  TimelineOptions o;
  auto t = layout_timeline({mark({2018, 3, 5}), mark({2018, 3, 5}), mark({2018, 3, 5}), mark({2018, 6, 1}),
                            mark({2018, 3, 5}, 1)},
                           o);
  EXPECT_EQ(t.items[0].row, 0);
  EXPECT_EQ(t.items[1].row, 1);
  EXPECT_EQ(t.items[2].row, 2);
  EXPECT_EQ(t.items[3].row, 0);  // far away: back on the first row
  EXPECT_EQ(t.items[4].row, 0);  // another lane stacks on its own
  EXPECT_DOUBLE_EQ(t.items[0].x, t.items[2].x);
  EXPECT_DOUBLE_EQ(t.items[1].y - t.items[0].y, o.row_height);
  ASSERT_EQ(t.lanes.size(), 1u);  // options.lanes = 1: lane 1 is not drawn
  EXPECT_FALSE(t.items[4].shown);
  EXPECT_EQ(t.lanes[0].rows, 3);
}

TEST(LayoutTimeline, NeighbouringDaysStackWhenCloserThanAMark) {
  TimelineOptions o;
  o.width = 400;  // five months in 320 units: about 2 units a day
  auto t = layout_timeline({mark({2018, 3, 5}), mark({2018, 3, 7}), mark({2018, 3, 20})}, o, Date{2018, 2, 1},
                           Date{2018, 6, 30});
  EXPECT_EQ(t.items[0].row, 0);
  EXPECT_EQ(t.items[1].row, 1);
  EXPECT_EQ(t.items[2].row, 0);
}

TEST(LayoutTimeline, DeepStacksEndInACount) {
  TimelineOptions o;
  o.max_rows = 3;
  std::vector<TimelineItem> items(8, mark({2018, 3, 5}));
  auto t = layout_timeline(items, o);
  int shown = 0;
  for (const auto& p : t.items) shown += p.shown;
  EXPECT_EQ(shown, 3);
  ASSERT_EQ(t.overflows.size(), 1u);
  EXPECT_EQ(t.overflows[0].count, 5);
  EXPECT_EQ(t.overflows[0].date, (Date{2018, 3, 5}));
  EXPECT_DOUBLE_EQ(t.overflows[0].y, t.lanes[0].y + 3 + 3 * o.row_height);
  EXPECT_DOUBLE_EQ(t.lanes[0].height, 4 * o.row_height + 6);  // three rows and the count
}

TEST(LayoutTimeline, BandsSpanTheirDaysAndStackWhenTheyOverlap) {
  TimelineOptions o;
  auto t = layout_timeline({{{2018, 2, 20}, Date{2018, 2, 23}, 0}, {{2018, 2, 22}, Date{2018, 3, 2}, 0},
                            {{2018, 3, 12}, Date{2018, 3, 12}, 0}},
                           o);
  EXPECT_DOUBLE_EQ(t.items[0].x, t.x_of({2018, 2, 20}));
  EXPECT_DOUBLE_EQ(t.items[0].x_end, std::max(t.x_of({2018, 2, 24}), t.items[0].x + o.mark_width));
  EXPECT_EQ(t.items[1].row, 1);
  EXPECT_EQ(t.items[2].row, 0);
  EXPECT_GE(t.items[2].x_end - t.items[2].x, o.mark_width);  // a one-day band stays visible
}

TEST(LayoutTimeline, ThousandsOfEventsOverYearsWidenTheAxisAndLabelQuarters) {
  TimelineOptions o;
  std::vector<TimelineItem> items;
  for (long d = 0; d < 3000; ++d) items.push_back(mark(date_from_days(Date{2010, 1, 1}.days_since_epoch() + d * 6 / 5)));
  auto t = layout_timeline(items, o);
  EXPECT_DOUBLE_EQ(t.day_width, o.min_day_width);  // not squeezed below readable
  EXPECT_GT(t.width, 2000);
  auto l = labels(t);
  ASSERT_GE(l.size(), 4u);
  // Quarters are ~55 units apart: "Apr" gives way to the wider "Jan 2010" before it.
  EXPECT_EQ(l[0], "Jan 2010");
  EXPECT_EQ(l[1], "Jul");
  EXPECT_EQ(l[2], "Oct");
  EXPECT_EQ(l[3], "Jan 2011");
  EXPECT_EQ(std::find(l.begin(), l.end(), "Feb"), l.end());
  for (const auto& p : t.items) EXPECT_LE(p.row, o.max_rows - 1);
}

TEST(LayoutTimeline, AGivenWindowIsExactAndWideDaysGetDayTicks) {
  TimelineOptions o;
  auto t = layout_timeline({mark({2018, 2, 22})}, o, Date{2018, 2, 16}, Date{2018, 3, 11});
  EXPECT_EQ(t.first, (Date{2018, 2, 16}));
  EXPECT_EQ(t.last, (Date{2018, 3, 11}));
  EXPECT_DOUBLE_EQ(t.day_width, (1000.0 - 72 - 8) / 24);
  auto l = labels(t);
  // Days are ~38 units wide: every day is labelled, months at their first day, except
  // where a label would overprint the longer "Feb 2018".
  EXPECT_EQ(l.front(), "Feb 2018");
  EXPECT_EQ(l[1], "18");
  EXPECT_NE(std::find(l.begin(), l.end(), "Mar"), l.end());
  EXPECT_EQ(l.size(), 23u);
  EXPECT_EQ(t.ticks.size(), 24u);  // the unlabelled tick stays
}

TEST(LayoutTimeline, LongEmptyStretchesAreShortenedToABreak) {
  TimelineOptions o;  // gap_days 90, gap_width 28
  auto t = layout_timeline({mark({2016, 11, 23}), mark({2017, 1, 26}), mark({2018, 2, 5}), mark({2018, 7, 13})}, o);
  // 63 quiet days (November to January) stay; 374 and 157 quiet days become breaks, keeping
  // 14 days at full scale next to each mark.
  ASSERT_EQ(t.gaps.size(), 2u);
  EXPECT_EQ(t.gaps[0].first, (Date{2017, 2, 10}));
  EXPECT_EQ(t.gaps[0].last, (Date{2018, 1, 21}));
  EXPECT_EQ(t.gaps[1].first, (Date{2018, 2, 20}));
  EXPECT_EQ(t.gaps[1].last, (Date{2018, 6, 28}));
  for (const auto& g : t.gaps) EXPECT_DOUBLE_EQ(g.x_end - g.x, 28);
  // The day after a break is drawn one break-width after its first day.
  EXPECT_NEAR(t.x_of({2018, 1, 22}) - t.x_of({2017, 2, 10}), 28, 1e-9);
  // Order is kept, and the drawing fits the width it was given.
  for (std::size_t i = 1; i < t.items.size(); ++i) EXPECT_LT(t.items[i - 1].x, t.items[i].x);
  EXPECT_DOUBLE_EQ(t.width, 1000);
  // No tick inside a break; the first month after one names its year.
  for (const auto& tick : t.ticks)
    for (const auto& g : t.gaps) EXPECT_FALSE(tick.date > g.first && tick.date <= g.last) << tick.date.iso();
  const auto l = labels(t);
  EXPECT_NE(std::find(l.begin(), l.end(), "Feb 2018"), l.end());
}

TEST(LayoutTimeline, GapsCanBeTurnedOff) {
  TimelineOptions o;
  o.gap_days = 0;
  auto t = layout_timeline({mark({2016, 11, 23}), mark({2018, 7, 13})}, o);
  EXPECT_TRUE(t.gaps.empty());
}

TEST(DateFromDays, InvertsDaysSinceEpoch) {
  for (Date d : {Date{1970, 1, 1}, Date{2000, 2, 29}, Date{2018, 12, 31}, Date{1969, 12, 31}})
    EXPECT_EQ(date_from_days(d.days_since_epoch()), d);
}

}  // namespace
}  // namespace travaux::render
