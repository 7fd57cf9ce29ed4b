#pragma once
// Escaping for each output format a front-matter value can land in (CONTENT-MODEL.md,
// "Edge rules": HTML, attribute, JSON, XML, iCalendar).

#include <string>
#include <string_view>

namespace travaux::render {

/// XML text and attribute values (& < > " ').
std::string escape_xml(std::string_view text);
/// A JSON string literal, quotes included. Control characters and U+2028/9 are escaped, and
/// so is '<', so the JSON is also safe inside a <script> element.
std::string json_string(std::string_view text);

}  // namespace travaux::render
