#pragma once
// calendar.ics: every session of every round as an RFC 5545 event (CONTENT-MODEL.md,
// "Output"; docs/rounds-and-timelines.md), in the archive's `time_zone`.

#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "model/archive.h"
#include "render/calendar_zone.h"

namespace travaux::render {

/// The calendar for `archive`. `zone` is the archive's time zone, or nullptr when it is UTC
/// (times end in "Z") or unknown (times are left floating: local wherever they are read).
/// Output depends only on the archive: UIDs come from round id, session date and index,
/// DTSTAMP from the round's date. Lines end in CRLF and are folded at 75 octets.
std::string render_calendar(const model::Archive& archive, const Zone* zone);

/// render_calendar with the zone named in archive.toml read from the system; an unknown
/// zone is a warning (the calendar then uses floating times).
std::string render_calendar(const model::Archive& archive, diag::Diagnostics& diags);


/// One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence;
/// each line, continuation lines included, ends in CRLF.
std::string ics_fold(std::string_view line);

}  // namespace travaux::render
