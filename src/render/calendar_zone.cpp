// Time zones for calendar.ics through ICU (CONTENT-MODEL.md, archive.toml `time_zone`;
// docs/rounds-and-timelines.md, "calendar.ics").
#include "render/calendar_zone.h"

#include <memory>

#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/vtzone.h>

#include "model/date.h"
#include "model/time_zone.h"
#include "render/calendar.h"
#include "text/escape.h"

namespace travaux::render {

std::optional<Zone> find_zone(const std::string& id) {
  if (!model::is_known_time_zone(id) || model::is_utc_zone(id)) return std::nullopt;
  return Zone{id};
}

std::vector<std::string> vtimezone_lines(const Zone& zone, int first_year) {
  std::unique_ptr<icu::VTimeZone> vtz(icu::VTimeZone::createVTimeZoneByID(icu::UnicodeString::fromUTF8(zone.id)));
  if (!vtz) return {};
  // ICU writes the observances that start after this instant: from a year before, so the one
  // in force on 1 January of the first year (last autumn's standard time) is in the block.
  const double start_ms = static_cast<double>(model::Date{first_year - 1, 1, 1}.days_since_epoch()) * 86400000.0;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text;
  vtz->write(start_ms, text, status);
  if (U_FAILURE(status)) return {};
  std::string utf8;
  text.toUTF8String(utf8);
  // ICU writes "(STD)" and "(DST)" for the observances' names; readers show TZNAME, so give
  // the zone's short US-English names instead ("EST", "EDT"; "GMT+1" where it has none).
  // Names come from the system zone: the VTimeZone object is rule-based and only knows offsets.
  std::unique_ptr<icu::TimeZone> named(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone.id)));
  auto short_name = [&](bool daylight) {
    icu::UnicodeString name;
    named->getDisplayName(daylight, icu::TimeZone::SHORT, icu::Locale::getUS(), name);
    std::string out;
    name.toUTF8String(out);
    return out;
  };
  const std::string standard_name = short_name(false), daylight_name = short_name(true);
  std::vector<std::string> lines;
  std::string_view rest(utf8);
  while (!rest.empty()) {
    auto end = rest.find("\r\n");
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 2);
    if (line.empty() || line.starts_with("X-TZINFO")) continue;
    if (line == "TZNAME:(STD)") lines.push_back("TZNAME:" + text::ics_escape(standard_name));
    else if (line == "TZNAME:(DST)") lines.push_back("TZNAME:" + text::ics_escape(daylight_name));
    else if (!line.starts_with("TZNAME:(")) lines.emplace_back(line);
  }
  return lines;
}

bool is_utc_zone(std::string_view id) { return model::is_utc_zone(id); }

}  // namespace travaux::render
