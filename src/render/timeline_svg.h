#pragma once
// Draws a TimelineLayout as inline SVG (docs/rounds-and-timelines.md): works without JavaScript, every mark a
// focusable link with a <title> and a label that shows on hover and keyboard focus.

#include <functional>
#include <string>
#include <vector>

#include "render/timeline_layout.h"

namespace travaux::render {

/// What a placed item links to and how it looks. Index-aligned with the layout's items.
struct TimelineMark {
  std::string url;    // relative URL of its page
  std::string title;  // hover text and focus label: "Draft Rev 1, 26 March 2018"
  std::string shape;  // "band", "draft" (diamond), "letter" (circle), "current" (band drawn strong)
  std::string label;  // text drawn inside a band when it fits ("1")
};

struct TimelineSvgText {
  std::vector<std::string> lane_names;  // drawn in the gutter
  std::string aria_label;               // names the drawing for screen readers
  /// Where a "+N" count links to: the text list entry for that date.
  std::function<std::string(const model::Date&)> overflow_url;
};

/// The <svg> element. Every text comes from content and is escaped here.
std::string timeline_svg(const TimelineLayout& layout, const std::vector<TimelineMark>& marks,
                         const TimelineSvgText& text);

}  // namespace travaux::render
