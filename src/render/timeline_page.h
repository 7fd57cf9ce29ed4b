#pragma once
// The whole process on one axis (CONTENT-MODEL.md, "Output": timeline/index.html; docs/rounds-and-timelines.md):
// rounds as bands, drafts and letters as marks, with the same events as a text list.

#include <optional>
#include <string>

#include "render/view.h"

namespace travaux::render {

/// timeline/index.html.
std::string render_timeline_page(const RenderInput& in);

/// A smaller drawing of the same axis for the home page, linked from `at`.
std::string compact_timeline_svg(const RenderInput& in, const PageLocation& at);

/// The letters and drafts around `round` on one axis with the round's band, from the day
/// after the previous round (by number) to the day before the next, with the same events
/// as lists: "before", "during" and "after" (each with has_*) and "context_svg".
void add_round_context(const RenderInput& in, const PageLocation& at, const model::Document& round, Data& d);

}  // namespace travaux::render
