// Forwards to text/escape.h, the one escaping module (docs/architecture.md, "text/").
#include "render/escape.h"

#include "text/escape.h"

namespace travaux::render {

std::string escape_xml(std::string_view text) { return ::travaux::text::escape_xml(text); }
std::string json_string(std::string_view text) { return ::travaux::text::json_string(text); }

}  // namespace travaux::render
