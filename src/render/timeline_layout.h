#pragma once
// Where things go on a date axis (docs/rounds-and-timelines.md): the scale, month and day
// ticks, bands for rounds, and stacking for marks that fall close together. Pure
// arithmetic on dates, no I/O and no HTML: timeline_svg.h draws the result.

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace travaux::render {

/// One thing to place: a mark (a letter or draft on its day) or a band (a round from its
/// first to its last day). Lanes are horizontal strips, drawn top to bottom.
struct TimelineItem {
  model::Date date;
  std::optional<model::Date> last;  // set for a band
  int lane = 0;
};

struct TimelineOptions {
  int lanes = 1;
  double width = 1000;        // the whole drawing when the span fits; wider spans scroll
  double gutter = 72;         // left margin for lane names
  double min_day_width = 0.6;  // below this the drawing grows wider instead of squeezing
  double mark_width = 14;     // marks nearer than this to each other stack
  double row_height = 18;
  int max_rows = 6;           // a deeper stack ends in a "+N" count
  double lane_gap = 10;
  double axis_height = 34;    // tick labels under the lanes
  /// A stretch of at least this many days with nothing on it is drawn as a short break of
  /// gap_width, so two years of silence do not push the negotiation off the screen. 0: never.
  int gap_days = 90;
  double gap_width = 28;
};

/// A stretch of the axis drawn shortened, from the start of `first` to the end of `last`.
struct AxisGap {
  model::Date first, last;
  double x = 0, x_end = 0;
};

/// Where one input item went, index-aligned with the input.
struct PlacedItem {
  double x = 0;      // mark centre, or band start
  double x_end = 0;  // band end (== x for a mark)
  double y = 0;      // top of its row
  int row = 0;
  bool shown = true;  // false: counted in an Overflow instead
};

/// "+N" where a stack ran out of rows.
struct Overflow {
  int lane = 0;
  double x = 0;
  double y = 0;
  int count = 0;
  model::Date date;  // the first hidden item's date
};

struct Tick {
  double x = 0;
  model::Date date;
  std::string label;  // empty: an unlabelled tick
  bool major = false;  // the first of a month (or of a year, when months are unlabelled)
};

struct Lane {
  double y = 0;
  double height = 0;
  int rows = 1;
};

struct TimelineLayout {
  model::Date first, last;  // the axis runs from the start of `first` to the end of `last`
  double axis_left = 0;     // x of the start of `first` (the lane-name gutter is to its left)
  double day_width = 0;
  double row_height = 18;
  double width = 0, height = 0;
  double axis_y = 0;  // top of the tick labels
  std::vector<Lane> lanes;
  std::vector<PlacedItem> items;
  std::vector<Overflow> overflows;
  std::vector<Tick> ticks;
  std::vector<AxisGap> gaps;  // in date order; x_of() shortens each to gap_width

  /// Left edge of `d`'s day.
  double x_of(const model::Date& d) const;
};

/// Lays out `items` on one axis. Without `from`/`to` the axis runs over whole months around
/// the items; with them, over exactly those days. Empty stretches of gap_days or more (keeping
/// a fortnight's margin next to the items on either side) become AxisGaps. Items of one lane are stacked in date
/// order (input order within a day): each goes to the lowest row where it keeps
/// mark_width clear of its neighbour, or is counted in an Overflow past max_rows.
TimelineLayout layout_timeline(const std::vector<TimelineItem>& items, const TimelineOptions& options,
                               std::optional<model::Date> from = std::nullopt,
                               std::optional<model::Date> to = std::nullopt);

/// The date `days` days after 1970-01-01.
model::Date date_from_days(long days);

}  // namespace travaux::render
