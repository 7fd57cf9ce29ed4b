#pragma once
// HTML for a paragraph's words with their differences marked (docs/drafts-and-changes.md): <ins> and <del> sit
// inside the inline elements (em, strong, a, code), so the markup stays well nested and a
// changed word inside emphasis or a link still renders as emphasis or a link.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/compare.h"
#include "diff/word_diff.h"

namespace travaux::diff {

/// Maps a link destination as written in the Markdown to the href to write, already safe
/// for the page; "" renders the link's text without a link.
using UrlFor = std::function<std::string(const std::string& url)>;

/// Escaped HTML for `atoms`. Runs of added words become <ins>, removed words <del>; a block
/// break (between paragraphs of one list item) becomes <span class="brk"></span>.
std::string inline_html(const std::vector<DiffAtom>& atoms, const UrlFor& url_for);

/// The same for unchanged text.
std::string inline_html(const std::vector<markdown::Atom>& atoms, const UrlFor& url_for);

/// `atoms` as HTML that is the same on every page: made once when a draft is read (Paragraph::html,
/// Section::title_html), unset when a link's href would depend on the page.
std::optional<std::string> page_independent_html(const std::vector<markdown::Atom>& atoms);

/// A paragraph's own words, or a section's title, as HTML for the page `url_for` serves: the
/// HTML made when the draft was read, else made now.
std::string plain_html(const Paragraph& p, const UrlFor& url_for);
/// The same without a copy: the held HTML itself, or HTML made now into `scratch`.
std::string_view plain_html(const Paragraph& p, const UrlFor& url_for, std::string& scratch);
std::string title_html(const Section& s, const UrlFor& url_for);

/// Makes, once per comparison, the HTML of each changed, added or removed paragraph and of each
/// section title that the changes and history pages both show, where no link makes it depend
/// on the page (ParagraphChange::html, SectionChange::title_html).
void hold_html(Comparison& comparison);

/// A compared section's title, word-diffed, for the page `url_for` serves.
std::string title_html(const SectionChange& sc, const UrlFor& url_for);

/// The words of one paragraph of a comparison: its word diff when it changed, else its own
/// words, inserted (added), deleted (removed) or plain; "" for a moved-away marker.
std::string inline_html(const ParagraphChange& change, const UrlFor& url_for);
/// The same without a copy: the held HTML itself, or HTML made now into `scratch`.
std::string_view inline_html(const ParagraphChange& change, const UrlFor& url_for, std::string& scratch);

}  // namespace travaux::diff
