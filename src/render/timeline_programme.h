#pragma once
// A round's programme of work as a day-by-day grid (docs/rounds-and-timelines.md): one column per
// day of the round, timed sessions placed by the clock, sessions without a time (or spanning
// several days) in a band above. Pure layout; the round page turns it into CSS grid data.

#include <string>
#include <vector>

#include "model/document.h"
#include "render/theme.h"

namespace travaux::render {

/// Where one session (or one day of a timed segment that repeats over several days) goes.
/// Grid lines are 1-based as in CSS: column 1 holds the hours, row 1 the day names.
struct ProgrammeCell {
  std::size_t session = 0;  // index into round.sessions
  int column = 0, columns = 1;
  int row = 0, rows = 1;
  bool timed = false;
  bool open_end = false;  // a start time and no end: drawn one step tall, marked as open
};

struct ProgrammeDay {
  model::Date date;
  int column = 0, columns = 1;
  std::vector<ProgrammeCell> cells;  // reading order: untimed first, then by start time
  bool covered = false;              // some session sits on this day (perhaps one begun earlier)
};

struct ProgrammeLayout {
  std::vector<ProgrammeDay> days;  // every day from the round's date to its end
  int columns = 1;                 // grid columns, the hours column included
  int untimed_rows = 0;            // rows 2 .. 1 + untimed_rows
  int first_minute = 0;            // the clock time of the first timed row
  int step = 30;                   // minutes per timed row
  int timed_rows = 0;
  int first_timed_row() const { return 2 + untimed_rows; }
};

/// Lays out `round`'s sessions. Sessions dated outside the round are left out (load has
/// reported them). Timed sessions that overlap on one day get side-by-side sub-columns.
ProgrammeLayout layout_programme(const model::Document& round);

/// Template data for the grid: programme_style, hours, hour_lines, programme_days (with
/// their sessions and grid styles) and legend (the session kinds used, in a fixed order).
void add_programme(const model::Document& round, Data& d);

}  // namespace travaux::render
