// calendar.ics (CONTENT-MODEL.md, "Output" and "Edge rules": values escaped for iCalendar;
// RFC 5545; docs/rounds-and-timelines.md).
#include "render/calendar.h"

#include "text/escape.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "render/timeline_layout.h"
#include "render/urls.h"

namespace travaux::render {

using text::ics_escape;

namespace {

using model::Date;
using model::Document;

std::string basic_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

/// "20180220T100000" from a date and "10:00".
std::string basic_date_time(const Date& d, const std::string& hhmm) {
  return basic_date(d) + "T" + hhmm.substr(0, 2) + hhmm.substr(3, 2) + "00";
}

/// The zone's VTIMEZONE from ICU, each line folded like every other content line.
void add_timezone(std::string& out, const Zone& zone, int first_year) {
  for (const auto& line : vtimezone_lines(zone, first_year)) out += ics_fold(line);
}

/// "example.org" from "https://example.org/gcm/", for UIDs; "travaux" without a host.
std::string uid_domain(const std::string& base_url) {
  auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return "travaux";
  std::string host = base_url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  return host.empty() ? "travaux" : host;
}

void add_event(std::string& out, const model::Archive& archive, const Document& round, std::size_t index,
               const Zone* zone, bool utc) {
  const model::Session& s = round.sessions[index];
  const std::string round_name = "Round " + std::to_string(round.number.value_or(0));
  auto when = [&](const char* prop, const std::string& hhmm) {
    if (utc) return std::string(prop) + ":" + basic_date_time(s.date, hhmm) + "Z";
    if (zone) return std::string(prop) + ";TZID=" + zone->id + ":" + basic_date_time(s.date, hhmm);
    return std::string(prop) + ":" + basic_date_time(s.date, hhmm);
  };
  const Date last = s.until.value_or(s.date);
  const long days = last.days_since_epoch() - s.date.days_since_epoch() + 1;
  out += ics_fold("BEGIN:VEVENT");
  out += ics_fold("UID:" + round.id + "-" + basic_date(s.date) + "-" + std::to_string(index + 1) + "@" +
                  uid_domain(archive.config.base_url));
  out += ics_fold("DTSTAMP:" + basic_date(round.date) + "T000000Z");
  if (s.start.empty()) {
    // No time in the sources: an all-day event over every day the segment covers.
    out += ics_fold("DTSTART;VALUE=DATE:" + basic_date(s.date));
    out += ics_fold("DTEND;VALUE=DATE:" + basic_date(date_from_days(last.days_since_epoch() + 1)));
  } else {
    out += ics_fold(when("DTSTART", s.start));
    if (!s.end.empty()) out += ics_fold(when("DTEND", s.end));
    // A timed segment over several days sat at the same hours each day.
    if (days > 1) out += ics_fold("RRULE:FREQ=DAILY;COUNT=" + std::to_string(days));
  }
  out += ics_fold("SUMMARY:" + ics_escape(s.title));
  const std::string& place = s.room.empty() ? round.location : s.room;
  if (!place.empty()) out += ics_fold("LOCATION:" + ics_escape(place));
  out += ics_fold("CATEGORIES:" + ics_escape(round_name));
  std::string description = model::session_kind_label(s.kind) + ". " + round_name + ": " + round.title + ".";
  if (!s.room.empty() && !round.location.empty()) description += " " + round.location + ".";
  if (!s.note.empty()) description += "\n" + s.note;
  out += ics_fold("DESCRIPTION:" + ics_escape(description));
  const auto& base = archive.config.base_url;
  if (base.starts_with("http://") || base.starts_with("https://"))
    out += ics_fold("URL:" + permalink(base, round.url_folder + "/"));
  out += ics_fold("END:VEVENT");
}

}  // namespace


std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; continuation lines spend one on the space
  while (line.size() > limit) {
    const std::size_t cut = text::utf8_boundary_at_or_before(line, limit);  // never inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string render_calendar(const model::Archive& archive, const Zone* zone) {
  const auto& cfg = archive.config;
  const bool utc = is_utc_zone(cfg.time_zone);
  std::vector<const Document*> rounds = archive.of_kind(model::Kind::round);
  std::stable_sort(rounds.begin(), rounds.end(), [](auto* a, auto* b) { return a->number < b->number; });
  std::string out;
  out += ics_fold("BEGIN:VCALENDAR");
  out += ics_fold("VERSION:2.0");
  out += ics_fold("PRODID:-//travaux//travaux static site generator//EN");
  out += ics_fold("CALSCALE:GREGORIAN");
  out += ics_fold("METHOD:PUBLISH");
  out += ics_fold("X-WR-CALNAME:" + ics_escape(cfg.title));
  if (!utc && zone) out += ics_fold("X-WR-TIMEZONE:" + zone->id);
  std::set<int> years;
  for (const auto* r : rounds)
    for (const auto& s : r->sessions)
      if (!s.start.empty()) years.insert(s.date.year), years.insert(s.until.value_or(s.date).year);
  if (!utc && zone && !years.empty()) add_timezone(out, *zone, *years.begin());
  for (const auto* r : rounds)
    for (std::size_t i = 0; i < r->sessions.size(); ++i) add_event(out, archive, *r, i, utc ? nullptr : zone, utc);
  out += ics_fold("END:VCALENDAR");
  return out;
}

std::string render_calendar(const model::Archive& archive, diag::Diagnostics& diags) {
  const std::string& id = archive.config.time_zone;
  if (is_utc_zone(id)) return render_calendar(archive, nullptr);
  auto zone = find_zone(id);
  // An unknown zone was reported by load, at the key (docs/rounds-and-timelines.md); the
  // calendar then uses floating local times.
  (void)diags;
  return render_calendar(archive, zone ? &*zone : nullptr);
}

}  // namespace travaux::render
