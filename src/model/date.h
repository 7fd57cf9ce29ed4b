#pragma once
// Calendar dates as the content model uses them (front matter `date`, `end`, sessions).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace travaux::model {

/// A calendar day with no time zone, as written in TOML (`date = 2018-02-05`).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  friend auto operator<=>(const Date&, const Date&) = default;

  /// "2018-02-05": for machine-readable output and `<time datetime>`.
  std::string iso() const;
  /// "5 February 2018": the form the letters themselves use.
  std::string human() const;
  /// "February 2018".
  std::string month_year() const;
  /// Days since 1970-01-01, for the timeline's scale.
  long days_since_epoch() const;
  /// 0 = Monday ... 6 = Sunday.
  int weekday() const;
  bool valid() const;
};

/// Parses "YYYY-MM-DD"; nullopt if malformed or not a real day.
std::optional<Date> parse_iso_date(std::string_view text);

/// Minutes since midnight of "HH:MM" (00:00 to 24:00), nullopt for anything else. Session
/// times are read with this everywhere: load checks them, render places and exports them.
std::optional<int> clock_minutes(std::string_view hhmm);

/// "Tuesday".
std::string_view weekday_name(int weekday);
/// "February".
std::string_view month_name(int month);

}  // namespace travaux::model
