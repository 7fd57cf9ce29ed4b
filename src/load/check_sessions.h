#pragma once
// Programme-of-work checks that need every session of a round at once (CONTENT-MODEL.md,
// "Edge rules"; docs/rounds-and-timelines.md): two sessions may not hold one room at the same time.

#include <optional>
#include <string_view>

#include "diag/diagnostic.h"
#include "model/document.h"

namespace travaux::load {

/// Reports, at the later session's `[[sessions]]` header, every pair of timed sessions of
/// `round` that share a room and overlap in time on a day both cover (a session with
/// `until` covers every day from `date` to `until`), and every session whose `end` time is
/// not after its `start`. Sessions without a room or a start time are never in conflict:
/// the sources do not say when or where they sat.
void check_sessions(const model::Document& round, diag::Diagnostics& diags);

}  // namespace travaux::load
