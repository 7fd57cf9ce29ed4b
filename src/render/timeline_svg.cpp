// Inline SVG for the process and round timelines (docs/rounds-and-timelines.md: links with
// <title>, focus labels, no JavaScript).
#include "render/timeline_svg.h"

#include <cstdio>

#include "text/escape.h"

namespace travaux::render {

using text::escape_xml;

namespace {

/// One decimal, so output is byte-for-byte stable.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

/// The label shown next to a mark on hover and focus, kept inside the drawing.
std::string focus_label(const TimelineLayout& t, double x, double y, const std::string& title) {
  const bool flip = x > t.width * 0.6;
  return "<text class=\"tl-focus\" x=\"" + num(flip ? x - 10 : x + 10) + "\" y=\"" + num(y + 12) +
         "\"" + (flip ? " text-anchor=\"end\"" : "") + ">" + escape_xml(title) + "</text>";
}

}  // namespace

std::string timeline_svg(const TimelineLayout& t, const std::vector<TimelineMark>& marks, const TimelineSvgText& text) {
  std::string s;
  s += "<svg class=\"timeline-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(t.width) + "\" height=\"" +
       num(t.height) + "\" viewBox=\"0 0 " + num(t.width) + " " + num(t.height) + "\" role=\"group\" aria-label=\"" +
       escape_xml(text.aria_label) + "\">\n";
  for (std::size_t l = 0; l < t.lanes.size(); ++l) {
    const Lane& lane = t.lanes[l];
    s += "<rect class=\"tl-lane\" x=\"" + num(t.axis_left) + "\" y=\"" + num(lane.y) + "\" width=\"" +
         num(t.width - t.axis_left - 8) + "\" height=\"" + num(lane.height) + "\"/>";
    if (l < text.lane_names.size())
      s += "<text class=\"tl-lane-name\" x=\"4\" y=\"" + num(lane.y + 15) + "\">" + escape_xml(text.lane_names[l]) +
           "</text>";
    s += "\n";
  }
  // Shortened stretches: a pale break across the lanes with a zigzag, and what it leaves out.
  for (const AxisGap& g : t.gaps) {
    const double mid = (g.x + g.x_end) / 2;
    s += "<g class=\"tl-gap\"><title>Nothing from " + escape_xml(g.first.human()) + " to " + escape_xml(g.last.human()) +
         " (shortened)</title><rect x=\"" + num(g.x) + "\" y=\"0\" width=\"" + num(g.x_end - g.x) + "\" height=\"" +
         num(t.axis_y + 4) + "\"/><path d=\"M" + num(mid - 3) + " 0";
    for (double y = 6; y <= t.axis_y + 4; y += 6) s += "L" + num(mid + (static_cast<int>(y / 6) % 2 ? 3 : -3)) + " " + num(y);
    s += "\"/><text x=\"" + num(mid) + "\" y=\"" + num(t.axis_y + 17) + "\" text-anchor=\"middle\">…</text></g>\n";
  }
  for (const Tick& tick : t.ticks) {
    const double top = tick.major ? 0 : t.axis_y - 6;
    s += "<line class=\"tl-tick" + std::string(tick.major ? " major" : "") + "\" x1=\"" + num(tick.x) + "\" x2=\"" +
         num(tick.x) + "\" y1=\"" + num(top) + "\" y2=\"" + num(t.axis_y + 4) + "\"/>";
    if (!tick.label.empty())
      s += "<text class=\"tl-tick-label" + std::string(tick.major ? " major" : "") + "\" x=\"" + num(tick.x + 3) +
           "\" y=\"" + num(t.axis_y + 17) + "\">" + escape_xml(tick.label) + "</text>";
    s += "\n";
  }
  const double row = t.row_height;
  for (std::size_t i = 0; i < t.items.size() && i < marks.size(); ++i) {
    const PlacedItem& p = t.items[i];
    const TimelineMark& m = marks[i];
    if (!p.shown) continue;
    s += "<a href=\"" + escape_xml(m.url) + "\" class=\"tl-" + m.shape + "\"><title>" + escape_xml(m.title) +
         "</title>";
    const double cy = p.y + row / 2 - 1;
    if (m.shape == "band" || m.shape == "current") {
      const double w = p.x_end - p.x;
      s += "<rect x=\"" + num(p.x) + "\" y=\"" + num(p.y) + "\" width=\"" + num(w) + "\" height=\"" + num(row - 4) +
           "\" rx=\"3\"/>";
      if (!m.label.empty() && w >= 7.0 * static_cast<double>(m.label.size()) + 4)
        s += "<text class=\"tl-band-label\" x=\"" + num(p.x + w / 2) + "\" y=\"" + num(p.y + 11) +
             "\" text-anchor=\"middle\">" + escape_xml(m.label) + "</text>";
      s += focus_label(t, p.x + w / 2, p.y, m.title);
    } else if (m.shape == "draft") {
      s += "<path d=\"M" + num(p.x) + " " + num(cy - 6) + "l6 6l-6 6l-6-6z\"/>";
      s += focus_label(t, p.x, p.y, m.title);
    } else {
      s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(cy) + "\" r=\"5\"/>";
      s += focus_label(t, p.x, p.y, m.title);
    }
    s += "</a>\n";
  }
  for (const Overflow& o : t.overflows) {
    const std::string more = "+" + std::to_string(o.count);
    s += "<a href=\"" + escape_xml(text.overflow_url ? text.overflow_url(o.date) : std::string("#")) +
         "\" class=\"tl-more\"><title>" + std::to_string(o.count) + " more from " + escape_xml(o.date.human()) +
         ": see the list</title><text x=\"" + num(o.x) + "\" y=\"" + num(o.y + 11) + "\" text-anchor=\"middle\">" +
         more + "</text></a>\n";
  }
  s += "</svg>";
  return s;
}

}  // namespace travaux::render
