#pragma once
// The one anchor rule for headings, used by pages, link checking and draft comparison alike
// (CONTENT-MODEL.md, "Cross-references": objective-N, slugs, explicit `{#id}` attributes).
// No cmark type appears here.

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace travaux::markdown {

/// Lowercase ASCII slug: letters and digits kept, every other run becomes one '-'.
/// Non-ASCII letters are kept as they are, so "Préambule" gives "préambule".
std::string slugify(std::string_view text);

/// A trailing attribute block found at the end of a heading's text.
struct HeadingAttribute {
  std::string id;          // "frame-ack" for "{#frame-ack}"
  std::size_t title_size;  // length of the text before the block, trailing spaces trimmed
};

/// Finds a trailing `{#id}` (also `{: #id}` and `{#id .class key=value}`, as kramdown and
/// Pandoc write them) at the end of `heading_text`. nullopt when there is none or it names no id.
std::optional<HeadingAttribute> trailing_heading_attribute(std::string_view heading_text);

/// The anchor a heading asks for before uniqueness: its explicit id if it has one, else
/// "objective-N" for "Objective N: ...", else the slug of its text.
std::string heading_anchor(std::string_view heading_text, std::string_view explicit_id = {});

/// Makes `id` unique within `taken` by appending -2, -3, ...; records it.
std::string unique_anchor(std::string id, std::set<std::string>& taken);

/// The anchor every page and comparison gives a heading: heading_anchor made unique in
/// `taken` (which, in drafts, already holds the para-N ids).
std::string heading_id(std::string_view heading_text, std::string_view explicit_id, std::set<std::string>& taken);

}  // namespace travaux::markdown
