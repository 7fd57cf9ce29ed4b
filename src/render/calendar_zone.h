#pragma once
// Time zones for calendar.ics (CONTENT-MODEL.md, archive.toml `time_zone`; issue #5): the
// zone's offset changes read from the system's TZif database, so VTIMEZONE blocks are
// generated for exactly the years an archive needs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// One change of a zone's UTC offset.
struct ZoneTransition {
  std::int64_t at = 0;  // seconds since 1970-01-01T00:00Z
  int offset_before = 0;  // seconds east of UTC
  int offset_after = 0;
  bool dst = false;  // the offset after the change is daylight saving time
  std::string name;  // "EDT": the abbreviation after the change
};

/// A zone as a list of offset changes, oldest first.
struct Zone {
  std::string id;  // "America/New_York"
  int first_offset = 0;  // before the first transition
  std::string first_name;
  std::vector<ZoneTransition> transitions;
};

/// Parses TZif bytes (RFC 8536, versions 1 to 4; the 64-bit block when there is one).
/// nullopt if the bytes are not TZif.
std::optional<Zone> parse_tzif(std::string_view bytes, std::string id);

/// The zone `id` from $TZDIR or /usr/share/zoneinfo; nullopt for names that are not a
/// zone there (or that try to leave the folder).
std::optional<Zone> read_system_zone(const std::string& id);

/// True for the names of Coordinated Universal Time ("UTC", "Etc/UTC", "Z", ...): the
/// calendar then writes times with the "Z" suffix and needs no VTIMEZONE.
bool is_utc_zone(std::string_view id);

}  // namespace travaux::render
