// calendar.ics (CONTENT-MODEL.md, "Output" and "Edge rules": values escaped for iCalendar;
// RFC 5545; issue #5).
#include "render/calendar.h"

#include "text/escape.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "render/timeline_layout.h"
#include "render/urls.h"

namespace travaux::render {

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

/// "20180311T020000" for seconds since the epoch, read as local time at `offset`.
std::string basic_from_seconds(std::int64_t t, int offset) {
  const std::int64_t local = t + offset;
  const long days = static_cast<long>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const int secs = static_cast<int>(local - static_cast<std::int64_t>(days) * 86400);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d%02d%02d", basic_date(date_from_days(days)).c_str(), secs / 3600,
                secs / 60 % 60, secs % 60);
  return buf;
}

/// "-0500" (with seconds when the offset has them, as RFC 5545 utc-offset allows).
std::string utc_offset(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int a = seconds < 0 ? -seconds : seconds;
  char buf[16];
  if (a % 60)
    std::snprintf(buf, sizeof buf, "%c%02d%02d%02d", sign, a / 3600, a / 60 % 60, a % 60);
  else
    std::snprintf(buf, sizeof buf, "%c%02d%02d", sign, a / 3600, a / 60 % 60);
  return buf;
}

/// VTIMEZONE with every offset change from the one in force on 1 January of `first_year`
/// to the end of `last_year`.
void add_timezone(std::string& out, const Zone& zone, int first_year, int last_year) {
  const std::int64_t from = Date{first_year, 1, 1}.days_since_epoch() * std::int64_t{86400} - 86400;
  const std::int64_t to = Date{last_year + 1, 1, 1}.days_since_epoch() * std::int64_t{86400} + 86400;
  out += ics_fold("BEGIN:VTIMEZONE");
  out += ics_fold("TZID:" + zone.id);
  std::vector<const ZoneTransition*> used;
  for (const auto& t : zone.transitions) {
    if (t.at >= to) break;
    if (t.at < from && !used.empty()) used.clear();  // keep only the last change before the range
    used.push_back(&t);
  }
  auto component = [&](bool dst, const std::string& start, int off_from, int off_to, const std::string& name) {
    const char* kind = dst ? "DAYLIGHT" : "STANDARD";
    out += ics_fold(std::string("BEGIN:") + kind);
    out += ics_fold("DTSTART:" + start);
    out += ics_fold("TZOFFSETFROM:" + utc_offset(off_from));
    out += ics_fold("TZOFFSETTO:" + utc_offset(off_to));
    if (!name.empty()) out += ics_fold("TZNAME:" + ics_escape(name));
    out += ics_fold(std::string("END:") + kind);
  };
  if (used.empty() || used.front()->at >= from)
    component(false, "19700101T000000", zone.first_offset, zone.first_offset, zone.first_name);
  for (const auto* t : used)
    component(t->dst, basic_from_seconds(t->at, t->offset_before), t->offset_before, t->offset_after, t->name);
  out += ics_fold("END:VTIMEZONE");
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

std::string ics_escape(std::string_view text) { return ::travaux::text::ics_escape(text); }

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; continuation lines spend one on the space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Never cut before a UTF-8 continuation byte (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
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
  if (!utc && zone && !years.empty()) add_timezone(out, *zone, *years.begin(), *years.rbegin());
  for (const auto* r : rounds)
    for (std::size_t i = 0; i < r->sessions.size(); ++i) add_event(out, archive, *r, i, utc ? nullptr : zone, utc);
  out += ics_fold("END:VCALENDAR");
  return out;
}

std::string render_calendar(const model::Archive& archive, diag::Diagnostics& diags) {
  const std::string& id = archive.config.time_zone;
  if (is_utc_zone(id)) return render_calendar(archive, nullptr);
  auto zone = read_system_zone(id);
  if (!zone)
    diags.warning({"archive.toml", 0, 0}, "time zone '" + id + "' is not in the time zone database",
                  "use an IANA name such as \"America/New_York\" or \"Europe/Geneva\"; calendar.ics uses floating "
                  "local times meanwhile");
  return render_calendar(archive, zone ? &*zone : nullptr);
}

}  // namespace travaux::render
