// Overlapping sessions in one room and sessions that end before they start (CONTENT-MODEL.md,
// "Edge rules": the programme of work; docs/rounds-and-timelines.md).
#include "load/check_sessions.h"

#include <algorithm>
#include <string>

namespace travaux::load {

namespace {

/// The minutes [from, to) a timed session holds its room; a session with a start and no
/// end holds it for its first minute, so two sessions that start together still clash.
struct Span {
  int from = 0;
  int to = 0;
};

std::optional<Span> span_of(const model::Session& s) {
  auto from = model::clock_minutes(s.start);
  if (!from) return std::nullopt;
  auto to = model::clock_minutes(s.end);
  if (!to || *to <= *from) return Span{*from, *from + 1};
  return Span{*from, *to};
}

std::string times_of(const model::Session& s) { return s.end.empty() ? s.start : s.start + "–" + s.end; }

}  // namespace

void check_sessions(const model::Document& round, diag::Diagnostics& diags) {
  const auto& sessions = round.sessions;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i];
    auto from = model::clock_minutes(s.start), to = model::clock_minutes(s.end);
    if (from && to && *to <= *from)
      diags.error(s.pos, "session " + std::to_string(i + 1) + " ends (" + s.end + ") before it starts (" +
                  s.start + ")", "'end' is the time the session closed, after 'start'");
  }
  for (std::size_t j = 1; j < sessions.size(); ++j) {
    const auto& b = sessions[j];
    auto b_span = span_of(b);
    if (!b_span || b.room.empty() || !b.date.valid()) continue;
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = sessions[i];
      auto a_span = span_of(a);
      if (!a_span || a.room != b.room || !a.date.valid()) continue;
      const model::Date first = std::max(a.date, b.date);
      const model::Date last = std::min(a.until.value_or(a.date), b.until.value_or(b.date));
      if (last < first) continue;  // no day in common
      if (a_span->from >= b_span->to || b_span->from >= a_span->to) continue;
      diags.error(b.pos, "session " + std::to_string(j + 1) + " (" + first.iso() + ", " + times_of(b) +
                  ") overlaps session " + std::to_string(i + 1) + " (" + times_of(a) + ") in room '" + b.room + "'",
                  "correct the times, the date or the room of one of the two sessions");
      break;  // one report per session is enough to find it
    }
  }
}

}  // namespace travaux::load
