#pragma once
// Time zones for calendar.ics (CONTENT-MODEL.md, archive.toml `time_zone`): ICU knows the zone
// names and writes the VTIMEZONE block (icu::VTimeZone, RFC 5545 3.6.5), so the generator
// carries no time-zone database reader of its own.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// A zone ICU knows by this IANA name.
struct Zone {
  std::string id;  // "America/New_York", as written in archive.toml
};

/// The zone named `id`; nullopt for names that are not an IANA zone ICU knows.
std::optional<Zone> find_zone(const std::string& id);

/// The content lines (without CRLF, unfolded) of the zone's VTIMEZONE, from BEGIN to END,
/// covering every offset change from 1 January of the year before `first_year` on (RRULEs for
/// the rules still in force), so every time from `first_year` on falls in an observance.
/// ICU's private X-TZINFO line is left out, and its placeholder names "(STD)"/"(DST)" become
/// the zone's short US-English names ("EST", "EDT").
std::vector<std::string> vtimezone_lines(const Zone& zone, int first_year);

/// True for the names of Coordinated Universal Time ("UTC", "Etc/UTC", "Z", ...): the
/// calendar then writes times with the "Z" suffix and needs no VTIMEZONE.
bool is_utc_zone(std::string_view id);

}  // namespace travaux::render
