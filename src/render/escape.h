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
/// A BibTeX field value without its braces: the characters LaTeX treats specially
/// (\ { } % & $ # _ ^ ~) written as commands, control characters and line breaks as spaces,
/// so braces always balance (docs/citations.md, "Escaping").
std::string escape_bibtex(std::string_view text);
/// A URL inside a BibTeX `url = {...}`: braces, backslashes and spaces percent-encoded.
std::string bibtex_url(std::string_view url);
/// An RIS value: one line (line breaks and control characters become spaces), trimmed.
std::string ris_value(std::string_view text);
/// A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled; a
/// value starting with = + - @ or a tab/CR is prefixed with ' so spreadsheets do not run it
/// as a formula (OWASP, "CSV Injection"). Other control characters become U+FFFD.
std::string csv_field(std::string_view text);

}  // namespace travaux::render
