#pragma once
// Time-zone names (CONTENT-MODEL.md, archive.toml `time_zone`): which names are zones, from ICU's
// zone data. Load checks the archive's zone with these; render writes calendar.ics with them.

#include <string>
#include <string_view>

namespace travaux::model {

/// True for the names of Coordinated Universal Time ("UTC", "Etc/UTC", "Z", ...).
bool is_utc_zone(std::string_view id);

/// True for an IANA zone name ICU knows ("America/New_York"), and for the UTC names.
bool is_known_time_zone(const std::string& id);

}  // namespace travaux::model
