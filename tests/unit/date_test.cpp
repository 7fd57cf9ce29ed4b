// Tests for model/date.cpp.
#include "model/date.h"
#include "model/document.h"

#include <gtest/gtest.h>

namespace travaux::model {
namespace {

TEST(Date, FormatsAsTheLettersDo) {
  Date d{2018, 2, 5};
  EXPECT_EQ(d.iso(), "2018-02-05");
  EXPECT_EQ(d.human(), "5 February 2018");
  EXPECT_EQ(d.month_year(), "February 2018");
}

TEST(Date, WeekdaysAndDayCounts) {
  EXPECT_EQ(weekday_name(Date{2018, 2, 20}.weekday()), "Tuesday");  // first day of round 1
  EXPECT_EQ(weekday_name(Date{2018, 7, 13}.weekday()), "Friday");   // agreement
  const Date epoch{1970, 1, 1}, mar18{2018, 3, 1}, feb18{2018, 2, 28}, mar16{2016, 3, 1}, feb16{2016, 2, 28};
  EXPECT_EQ(epoch.days_since_epoch(), 0);
  EXPECT_EQ(mar18.days_since_epoch() - feb18.days_since_epoch(), 1);
  EXPECT_EQ(mar16.days_since_epoch() - feb16.days_since_epoch(), 2);  // 2016 was a leap year
}

TEST(Date, ParsesOnlyRealDays) {
  EXPECT_EQ(parse_iso_date("2018-02-05"), (Date{2018, 2, 5}));
  EXPECT_FALSE(parse_iso_date("2018-02-30"));
  EXPECT_FALSE(parse_iso_date("2018-2-5"));
  EXPECT_FALSE(parse_iso_date("5 February"));
  EXPECT_TRUE(parse_iso_date("2016-02-29"));
  EXPECT_FALSE(parse_iso_date("2018-02-29"));
}

TEST(ClockMinutes, ReadsHoursAndMinutes) {
  EXPECT_EQ(clock_minutes("00:00"), 0);
  EXPECT_EQ(clock_minutes("10:30"), 630);
  EXPECT_EQ(clock_minutes("24:00"), 1440);
  EXPECT_EQ(clock_minutes("24:01"), std::nullopt);
  EXPECT_EQ(clock_minutes("9:00"), std::nullopt);
  EXPECT_EQ(clock_minutes("10:60"), std::nullopt);
  EXPECT_EQ(clock_minutes(""), std::nullopt);
}

TEST(SessionKindLabel, ReadsAsWords) {
  EXPECT_EQ(session_kind_label("informal-dialogue"), "Informal dialogue");
  EXPECT_EQ(session_kind_label("hearing"), "Hearing");
}

}  // namespace
}  // namespace travaux::model
