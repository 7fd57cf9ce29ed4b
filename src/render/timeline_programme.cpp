// The round page's day-by-day programme grid (docs/rounds-and-timelines.md; CONTENT-MODEL.md,
// "Rounds": the programme of work).
#include "render/timeline_programme.h"

#include <algorithm>
#include <optional>

#include "render/timeline_layout.h"
#include "render/view.h"

namespace travaux::render {

namespace {

using model::Date;

std::string clock(int m) {
  std::string s = std::to_string(m / 60);
  if (s.size() < 2) s = "0" + s;
  std::string mm = std::to_string(m % 60);
  return s + ":" + (mm.size() < 2 ? "0" + mm : mm);
}

/// "20–22 February" for a segment over several days.
std::string day_range(const Date& a, const Date& b) {
  if (a.month == b.month && a.year == b.year)
    return std::to_string(a.day) + "–" + std::to_string(b.day) + " " + std::string(model::month_name(a.month));
  return a.human() + " – " + b.human();
}

}  // namespace

ProgrammeLayout layout_programme(const model::Document& round) {
  ProgrammeLayout p;
  const Date first = round.date, last = std::max(round.end.value_or(round.date), round.date);
  const long n_days = last.days_since_epoch() - first.days_since_epoch() + 1;
  if (n_days > 366) return p;  // an end date typed wrong; load has said so
  auto day_index = [&](const Date& d) { return d.days_since_epoch() - first.days_since_epoch(); };
  const auto& ss = round.sessions;

  // Timed rows: whole hours around every start and end.
  int lo = 24 * 60, hi = 0;
  for (const auto& s : ss)
    if (auto a = model::clock_minutes(s.start)) {
      lo = std::min(lo, *a);
      hi = std::max(hi, std::max(model::clock_minutes(s.end).value_or(*a + p.step), *a + p.step));
    }
  if (hi > lo) {
    p.first_minute = lo / 60 * 60;
    p.timed_rows = ((hi + 59) / 60 * 60 - p.first_minute) / p.step;
  }

  // Untimed band: each session over its days, stacked into the first free row.
  std::vector<std::vector<bool>> band;  // row -> day used
  std::vector<ProgrammeCell> untimed;
  for (std::size_t i = 0; i < ss.size(); ++i) {
    const auto& s = ss[i];
    if (model::clock_minutes(s.start)) continue;
    const long a = day_index(s.date), b = day_index(std::max(s.until.value_or(s.date), s.date));
    if (a < 0 || b >= n_days) continue;
    std::size_t row = 0;
    auto free = [&](std::size_t r) {
      for (long d = a; d <= b; ++d)
        if (band[r][d]) return false;
      return true;
    };
    while (row < band.size() && !free(row)) ++row;
    if (row == band.size()) band.emplace_back(n_days, false);
    for (long d = a; d <= b; ++d) band[row][d] = true;
    ProgrammeCell c;
    c.session = i;
    c.row = 2 + static_cast<int>(row);
    c.column = static_cast<int>(a);  // a day index for now
    c.columns = static_cast<int>(b - a + 1);
    untimed.push_back(c);
  }
  p.untimed_rows = static_cast<int>(band.size());

  // Timed cells per day (a timed segment with `until` sits on each of its days), with
  // sub-columns where sessions overlap.
  p.days.resize(n_days);
  int column = 2;
  for (long d = 0; d < n_days; ++d) {
    ProgrammeDay& day = p.days[d];
    day.date = date_from_days(first.days_since_epoch() + d);
    std::vector<ProgrammeCell> timed;
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const auto& s = ss[i];
      auto a = model::clock_minutes(s.start);
      if (!a || day_index(s.date) > d || day_index(std::max(s.until.value_or(s.date), s.date)) < d) continue;
      auto e = model::clock_minutes(s.end);
      ProgrammeCell c;
      c.session = i;
      c.timed = true;
      c.open_end = !e || *e <= *a;
      const int end = c.open_end ? *a + p.step : *e;
      c.row = p.first_timed_row() + (*a - p.first_minute) / p.step;
      c.rows = std::max(1, (end - p.first_minute + p.step - 1) / p.step - (*a - p.first_minute) / p.step);
      timed.push_back(c);
    }
    std::stable_sort(timed.begin(), timed.end(), [](auto& x, auto& y) { return x.row < y.row; });
    std::vector<int> lane_end;  // sub-column -> first free row
    for (auto& c : timed) {
      std::size_t lane = 0;
      while (lane < lane_end.size() && lane_end[lane] > c.row) ++lane;
      if (lane == lane_end.size()) lane_end.push_back(0);
      lane_end[lane] = c.row + c.rows;
      c.column = static_cast<int>(lane);  // a sub-column for now
    }
    day.column = column;
    day.columns = std::max<int>(1, static_cast<int>(lane_end.size()));
    column += day.columns;
    for (auto& c : timed) c.column += day.column;
    day.cells = std::move(timed);
    for (const auto& s : ss)
      if (day_index(s.date) <= d && day_index(std::max(s.until.value_or(s.date), s.date)) >= d) day.covered = true;
  }
  p.columns = column - 1;
  // Untimed cells go to their first day, spanning to the end of their last day's columns.
  for (auto it = untimed.rbegin(); it != untimed.rend(); ++it) {
    ProgrammeCell c = *it;
    const ProgrammeDay& a = p.days[c.column];
    const ProgrammeDay& b = p.days[c.column + c.columns - 1];
    const int first_day = c.column;
    c.column = a.column;
    c.columns = b.column + b.columns - a.column;
    auto& cells = p.days[first_day].cells;
    cells.insert(cells.begin(), c);
  }
  for (auto& day : p.days)
    std::stable_sort(day.cells.begin(), day.cells.end(), [](auto& x, auto& y) { return !x.timed && y.timed; });
  return p;
}

void add_programme(const model::Document& round, Data& d) {
  if (round.sessions.empty()) return;
  const ProgrammeLayout p = layout_programme(round);
  if (p.days.empty()) return;
  const auto& ss = round.sessions;
  put(d, "programme_style", "grid-template-columns: 3.5rem repeat(" + std::to_string(p.columns - 1) +
                               ", minmax(0, 1fr)); grid-template-rows: auto" +
                               (p.untimed_rows ? " repeat(" + std::to_string(p.untimed_rows) + ", auto)" : "") +
                               (p.timed_rows ? " repeat(" + std::to_string(p.timed_rows) + ", minmax(1.6rem, auto))" : "") + ";");
  std::vector<Data> hours, lines;
  for (int r = 0; r < p.timed_rows; ++r) {
    const int m = p.first_minute + r * p.step;
    if (m % 60) continue;
    Data h;
    put(h, "label", clock(m));
    put(h, "style", "grid-row: " + std::to_string(p.first_timed_row() + r) + " / span 2;");
    hours.push_back(h);
    Data line;
    put(line, "style", "grid-column: 2 / -1; grid-row: " + std::to_string(p.first_timed_row() + r) + ";");
    lines.push_back(std::move(line));
  }
  set_list(d, "hours", list_of(std::move(hours)));
  set_list(d, "hour_lines", list_of(std::move(lines)));
  bool used[std::size(model::kSessionKinds)] = {};
  std::vector<Data> days;
  for (const auto& day : p.days) {
    Data dd;
    put(dd, "date", day.date.human());
    put(dd, "short_date", std::to_string(day.date.day) + " " + std::string(model::month_name(day.date.month).substr(0, 3)));
    put(dd, "date_iso", day.date.iso());
    put(dd, "weekday", std::string(model::weekday_name(day.date.weekday())));
    put(dd, "style", "grid-column: " + std::to_string(day.column) + " / span " + std::to_string(day.columns) +
                        "; grid-row: 1;");
    std::vector<Data> cells;
    for (const auto& c : day.cells) {
      const auto& s = ss[c.session];
      Data cd;
      put(cd, "title", s.title);
      put(cd, "kind", s.kind);
      put(cd, "kind_label", model::session_kind_label(s.kind));
      for (std::size_t k = 0; k < std::size(model::kSessionKinds); ++k)
        if (s.kind == model::kSessionKinds[k]) used[k] = true;
      if (!s.room.empty()) put(cd, "room", s.room);
      if (!s.note.empty()) put(cd, "note", s.note);
      const Date until = std::max(s.until.value_or(s.date), s.date);
      std::string when;
      if (c.timed) {
        when = s.start + (c.open_end ? " (end not stated)" : "–" + s.end);
        if (until != s.date) when += ", each day " + day_range(s.date, until);
      } else {
        when = until != s.date ? day_range(s.date, until) + ", time not stated" : "Time not stated";
        put(cd, "untimed", true);
      }
      if (c.open_end) put(cd, "open_end", true);
      put(cd, "when", when);
      put(cd, "style", "grid-column: " + std::to_string(c.column) + " / span " + std::to_string(c.columns) +
                          "; grid-row: " + std::to_string(c.row) + " / span " + std::to_string(c.rows) + ";");
      cells.push_back(std::move(cd));
    }
    if (!day.covered) {
      put(dd, "none_style", "grid-column: " + std::to_string(day.column) + " / span " + std::to_string(day.columns) +
                               "; grid-row: 2 / span " + std::to_string(std::max(1, p.untimed_rows + p.timed_rows)) + ";");
    }
    set_list(dd, "cells", list_of(std::move(cells)));
    days.push_back(std::move(dd));
  }
  set_list(d, "programme_days", list_of(std::move(days)));
  std::vector<Data> legend;
  for (std::size_t k = 0; k < std::size(model::kSessionKinds); ++k)
    if (used[k]) {
      Data l;
      put(l, "kind", std::string(model::kSessionKinds[k]));
      put(l, "label", model::session_kind_label(model::kSessionKinds[k]));
      legend.push_back(std::move(l));
    }
  set_list(d, "legend", list_of(std::move(legend)));
}

}  // namespace travaux::render
