#pragma once
// HTML for a paragraph's words with their differences marked (docs/drafts-and-changes.md): <ins> and <del> sit
// inside the inline elements (em, strong, a, code), so the markup stays well nested and a
// changed word inside emphasis or a link still renders as emphasis or a link.

#include <functional>
#include <string>
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

/// The words of one paragraph of a comparison: its word diff when it changed, else its own
/// words, inserted (added), deleted (removed) or plain; "" for a moved-away marker.
std::string inline_html(const ParagraphChange& change, const UrlFor& url_for);

}  // namespace travaux::diff
