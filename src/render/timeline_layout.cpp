// Date-axis layout for the process and round timelines (docs/rounds-and-timelines.md:
// readable from 4 events to thousands; months collapse into labelled ticks, dense days stack).
#include "render/timeline_layout.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace travaux::render {

namespace {

using model::Date;

Date first_of_month(Date d) { return {d.year, d.month, 1}; }

Date next_month(Date d) { return d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1}; }

std::string short_month(int month) { return std::string(model::month_name(month).substr(0, 3)); }

/// Stretches of at least `o.gap_days` between items (and the axis ends), less a 14-day margin
/// on each side that stays at full scale.
std::vector<AxisGap> find_gaps(const std::vector<TimelineItem>& items, const TimelineOptions& o, Date lo, Date hi) {
  std::vector<AxisGap> gaps;
  if (o.gap_days <= 0) return gaps;
  constexpr long kMargin = 14;
  std::vector<std::pair<long, long>> busy;
  for (const auto& it : items) busy.push_back({it.date.days_since_epoch(), it.last.value_or(it.date).days_since_epoch()});
  std::sort(busy.begin(), busy.end());
  long free_from = lo.days_since_epoch();  // first day not yet known to be busy
  bool at_start = true;
  auto consider = [&](long until, bool at_end) {  // [free_from, until) holds nothing
    const long a = free_from + (at_start ? 0 : kMargin), b = until - (at_end ? 0 : kMargin);
    if (until - free_from >= o.gap_days && b - a >= 14) gaps.push_back({date_from_days(a), date_from_days(b - 1)});
  };
  for (const auto& [a, b] : busy) {
    if (a > free_from) consider(a, false);
    free_from = std::max(free_from, b + 1);
    at_start = false;
  }
  if (!busy.empty()) consider(hi.days_since_epoch() + 1, true);
  return gaps;
}

bool in_gap(const TimelineLayout& t, const Date& d) {
  for (const AxisGap& g : t.gaps)
    if (d > g.first && d <= g.last) return true;
  return false;
}

/// Removes labels that would overprint an earlier one (about 6.6 units a character, 11px
/// type): month labels are kept first, then day labels where there is room.
void drop_crowded_labels(TimelineLayout& t) {
  std::vector<std::pair<double, double>> kept;
  for (const AxisGap& g : t.gaps) kept.push_back({g.x, g.x_end});  // the break's own mark
  auto width = [](const Tick& k) { return 6.6 * static_cast<double>(k.label.size()) + 8; };
  for (bool majors : {true, false})
    for (auto& k : t.ticks) {
      if (k.label.empty() || k.major != majors) continue;
      const double a = k.x, b = k.x + width(k);
      bool clear = true;
      for (const auto& [ka, kb] : kept) clear = clear && (b <= ka || a >= kb);
      if (clear)
        kept.push_back({a, b});
      else
        k.label.clear();
    }
}

/// Month ticks, labelled as densely as the width allows; day ticks when days are wide.
void add_ticks(TimelineLayout& t) {
  const double month_width = t.day_width * 30.4;
  const bool label_months = month_width >= 34;
  const bool label_quarters = !label_months && month_width >= 16;
  bool after_gap = false;
  for (Date m = first_of_month(t.first); m <= t.last; m = next_month(m)) {
    Tick tick;
    tick.date = m < t.first ? t.first : m;
    if (in_gap(t, tick.date)) {  // no month ticks inside a shortened stretch
      after_gap = true;
      continue;
    }
    tick.x = t.x_of(tick.date);
    // The first tick, and the first after a break, say which year they are in.
    const bool first = std::exchange(after_gap, false) || t.ticks.empty();
    if (label_months) {
      tick.label = short_month(m.month);
      if (m.month == 1 || first) tick.label += " " + std::to_string(m.year);
      tick.major = true;
    } else if (label_quarters) {
      if (m.month % 3 == 1 || first) tick.label = short_month(m.month);
      if (m.month == 1 || first) tick.label += " " + std::to_string(m.year);
      tick.major = m.month % 3 == 1 || first;
    } else {
      if (m.month == 1 || first) tick.label = std::to_string(m.year);
      tick.major = m.month == 1 || first;
    }
    t.ticks.push_back(std::move(tick));
  }
  if (t.day_width * 7 < 24) return drop_crowded_labels(t);
  // Wide days: a tick on every Monday, labelled with its day of the month (every day when
  // there is room), between the month ticks.
  // Monday labels need room, and keep clear of the first tick's longer "Feb 2018".
  const bool every_day = t.day_width >= 22, label_mondays = t.day_width * 7 >= 60;
  const long start = t.first.days_since_epoch();
  for (long d = start; d <= t.last.days_since_epoch(); ++d) {
    const Date date = date_from_days(d);
    if (date.day == 1 || d == start || in_gap(t, date)) continue;  // a month tick is there
    if (!every_day && date.weekday() != 0) continue;
    const bool labelled = every_day || (label_mondays && (d - start) * t.day_width >= 64);
    t.ticks.push_back({t.x_of(date), date, labelled ? std::to_string(date.day) : std::string(), false});
  }
  std::stable_sort(t.ticks.begin(), t.ticks.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
  drop_crowded_labels(t);
}

}  // namespace

Date date_from_days(long days) {
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

double TimelineLayout::x_of(const Date& d) const {
  const long day = d.days_since_epoch();
  long skipped = 0;  // days inside gaps before `d`
  double gap_room = 0;  // drawn width of those gaps
  for (const AxisGap& g : gaps) {
    const long a = g.first.days_since_epoch(), b = g.last.days_since_epoch() + 1;
    if (day >= b) {
      skipped += b - a;
      gap_room += g.x_end - g.x;
    } else if (day > a) {  // inside the gap: spread its days over its drawn width
      return g.x + (g.x_end - g.x) * static_cast<double>(day - a) / static_cast<double>(b - a);
    }
  }
  return axis_left + static_cast<double>(day - first.days_since_epoch() - skipped) * day_width + gap_room;
}

TimelineLayout layout_timeline(const std::vector<TimelineItem>& items, const TimelineOptions& o,
                               std::optional<Date> from, std::optional<Date> to) {
  TimelineLayout t;
  // The axis range: the given days, else whole months around every item.
  Date lo = from.value_or(Date{}), hi = to.value_or(Date{});
  if (!from || !to) {
    bool any = false;
    Date a, b;
    for (const auto& it : items) {
      const Date end = it.last.value_or(it.date);
      if (!any || it.date < a) a = it.date;
      if (!any || end > b) b = end;
      any = true;
    }
    if (!any) a = b = from.value_or(to.value_or(Date{1970, 1, 1}));
    if (!from) lo = first_of_month(a);
    if (!to) hi = date_from_days(next_month(b).days_since_epoch() - 1);
  }
  if (hi < lo) std::swap(lo, hi);
  t.first = lo;
  t.last = hi;
  t.axis_left = o.gutter;
  t.row_height = o.row_height;
  t.gaps = find_gaps(items, o, lo, hi);
  long days = hi.days_since_epoch() - lo.days_since_epoch() + 1;
  for (const AxisGap& g : t.gaps) days -= g.last.days_since_epoch() - g.first.days_since_epoch() + 1;
  const double gaps_width = o.gap_width * static_cast<double>(t.gaps.size());
  const double plot = std::max(o.width - o.gutter - 8 - gaps_width, 1.0);
  t.day_width = std::max(plot / static_cast<double>(days), o.min_day_width);
  t.width = o.gutter + t.day_width * static_cast<double>(days) + gaps_width + 8;
  // Place the gaps left to right: each starts where the scale puts its first day.
  for (AxisGap& g : t.gaps) {
    g.x = g.x_end = 0;
    g.x = t.x_of(g.first);  // gaps before it are already placed
    g.x_end = g.x + o.gap_width;
  }

  // Stack each lane: items in date order, input order within a day.
  t.items.resize(items.size());
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(items[a].lane, items[a].date) < std::tie(items[b].lane, items[b].date);
  });
  t.lanes.assign(std::max(o.lanes, 1), Lane{});
  std::vector<std::vector<double>> row_end(t.lanes.size());  // per lane, per row: right edge used
  std::vector<std::vector<Overflow>> overflow(t.lanes.size());
  for (std::size_t i : order) {
    const TimelineItem& it = items[i];
    if (it.lane < 0 || it.lane >= static_cast<int>(t.lanes.size())) {
      t.items[i].shown = false;
      continue;
    }
    PlacedItem& p = t.items[i];
    double left, right;
    if (it.last) {
      p.x = t.x_of(it.date);
      p.x_end = std::max(t.x_of(*it.last) + t.day_width, p.x + o.mark_width);
      left = p.x, right = p.x_end;
    } else {
      p.x = p.x_end = t.x_of(it.date) + t.day_width / 2;
      left = p.x - o.mark_width / 2, right = p.x + o.mark_width / 2;
    }
    auto& rows = row_end[it.lane];
    std::size_t row = 0;
    while (row < rows.size() && rows[row] > left + 0.01) ++row;
    if (row == rows.size() && static_cast<int>(rows.size()) >= o.max_rows) {
      p.shown = false;
      auto& of = overflow[it.lane];
      if (!of.empty() && p.x - of.back().x < o.mark_width * 2)
        ++of.back().count;
      else
        of.push_back({it.lane, p.x, 0, 1, it.date});
      continue;
    }
    if (row == rows.size()) rows.push_back(0);
    rows[row] = right;
    p.row = static_cast<int>(row);
  }
  // Lanes top to bottom, each as tall as its stack (plus a row for "+N" counts).
  double y = 4;
  for (std::size_t l = 0; l < t.lanes.size(); ++l) {
    Lane& lane = t.lanes[l];
    lane.rows = std::max<int>(1, static_cast<int>(row_end[l].size()));
    lane.y = y;
    const int extra = overflow[l].empty() ? 0 : 1;
    lane.height = (lane.rows + extra) * o.row_height + 6;
    for (auto& of : overflow[l]) {
      of.y = y + 3 + lane.rows * o.row_height;
      t.overflows.push_back(of);
    }
    y += lane.height + o.lane_gap;
  }
  for (std::size_t i = 0; i < items.size(); ++i)
    if (t.items[i].shown && items[i].lane >= 0 && items[i].lane < static_cast<int>(t.lanes.size()))
      t.items[i].y = t.lanes[items[i].lane].y + 3 + t.items[i].row * o.row_height;
  t.axis_y = y - o.lane_gap + 4;
  t.height = t.axis_y + o.axis_height;
  add_ticks(t);
  return t;
}

}  // namespace travaux::render
