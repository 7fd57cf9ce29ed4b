#pragma once
// The search page and the index it searches in the browser (CONTENT-MODEL.md, "Output":
// search/index.html; issue #6). The index is a script that assigns a global rather than a
// JSON file, because fetch() of a local file is refused when the site is opened from file://.

#include <string>
#include <string_view>

#include "render/view.h"

namespace travaux::render {

/// Where the index is written, next to the page that loads it.
inline constexpr std::string_view kSearchIndexFile = "search/search-index.js";

/// search/index.html: a labelled form (the query travels as ?q= so a search can be linked),
/// a results list filled by assets/search.js, and a <noscript> note.
std::string render_search_page(const RenderInput& in);

/// search/search-index.js: `window.TRAVAUX_SEARCH = {...};` with one entry per published
/// document: title, kind, dates, people, topics, summary, body text (plain, truncated) and
/// its URL relative to search/index.html. Every value goes through json_string.
std::string render_search_index(const RenderInput& in);

/// The readable text of body HTML: tags dropped, entities decoded, whitespace collapsed.
std::string html_to_text(std::string_view html);

/// At most `max_bytes` of `text`, cut at a word boundary, never inside a UTF-8 sequence;
/// "…" marks a cut.
std::string truncate_text(std::string_view text, std::size_t max_bytes);

}  // namespace travaux::render
