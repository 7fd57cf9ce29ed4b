#pragma once
// Escaping for every format travaux writes, in one place at the bottom of the tree
// (docs/architecture.md, "text/"): each renderer wraps these, none keeps a copy of its own.
// CONTENT-MODEL.md, "Edge rules": every value is escaped for the format it lands in.

#include <cstdint>
#include <string>
#include <string_view>

namespace travaux::text {

/// HTML text and attribute values: & < > " ' as references. C0 control characters other than
/// tab, LF and CR (NUL above all) are invalid in HTML and become U+FFFD, as HTML parsers do.
/// Theme templates write the apostrophe as "&apos;" (what their output has always held),
/// Markdown bodies as "&#39;" (as cmark-gfm does); both are the same character to a browser.
std::string escape_html(std::string_view text, std::string_view apostrophe = "&#39;");
/// escape_html appended to `out`.
void append_escaped_html(std::string& out, std::string_view text, std::string_view apostrophe = "&#39;");

/// XML text and attribute values. XML 1.0 forbids C0 controls even as references: dropped.
std::string escape_xml(std::string_view text);

/// A JSON string literal, quotes included. Control characters and U+2028/9 are escaped, and
/// so is '<', so the JSON is also safe inside a <script> element.
std::string json_string(std::string_view text);
/// The same literal appended to `out`, without a string of its own.
void append_json_string(std::string& out, std::string_view text);

/// An iCalendar TEXT value (RFC 5545 3.3.11): \ ; , and newlines escaped, controls dropped.
std::string ics_escape(std::string_view text);

/// Text safe to print on a terminal: C0 and C1 controls (ESC sequences), DEL and the bidi
/// controls that reorder what follows (U+202A-202E, U+2066-2069, U+200E/F, U+061C) shown as
/// visible escapes ("\x1b", "\u202e"), so content cannot move the cursor, recolour the
/// terminal or make an error message read backwards. Tabs are kept; newlines become "\n".
std::string terminal_safe(std::string_view text);

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


/// The largest offset <= `at` that starts a UTF-8 character (or text.size()): where a long
/// text may be cut without splitting a character.
std::size_t utf8_boundary_at_or_before(std::string_view text, std::size_t at);

/// Appends code point `cp` (at most 0x10FFFF) encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

/// `text` with ASCII letters lowered and every other byte kept (schemes, extensions, keys).
std::string ascii_lower(std::string_view text);

}  // namespace travaux::text
