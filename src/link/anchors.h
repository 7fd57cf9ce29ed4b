#pragma once
// Stable anchors (CONTENT-MODEL.md, "Cross-references": preamble, vision, objective-N, para-N).

#include <set>
#include <string>
#include <string_view>

namespace travaux::link {

/// Lowercase ASCII slug: letters and digits kept, every other run becomes one '-'.
/// Non-ASCII letters are kept as they are, so "Préambule" gives "préambule".
std::string slugify(std::string_view text);

/// The anchor of a heading: "Objective 7: Enhance ..." -> "objective-7"; otherwise its slug.
std::string heading_anchor(std::string_view heading_text);

/// Makes `id` unique within `taken` by appending -2, -3, ...; records it.
std::string unique_anchor(std::string id, std::set<std::string>& taken);

}  // namespace travaux::link
