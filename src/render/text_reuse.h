#pragma once
// Texts whose pages an incremental build does not render again (docs/incremental-builds.md,
// "Texts not rendered again"). A text's changes, history and provenance pages are most of a
// build's work; after an edit that does not touch what they read, the build keeps the files
// the last build wrote for them instead of comparing and rendering the text again.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "render/history_page.h"
#include "render/text_pages.h"
#include "render/view.h"

namespace travaux::render {

/// What the build cache records of one text's pages.
struct TextUnit {
  std::uint64_t fingerprint = 0;
  std::vector<std::pair<TextPageKind, std::string>> pages;  // every file they claimed, sorted
  std::vector<HistoryIndexItem> index_items;                // its lines of history/index.html
};

/// Between a build with a cache and render_site.
struct TextReuse {
  /// The last build's units by text id (empty: every text is rendered).
  std::map<std::string, TextUnit> previous;
  /// Whether a file the last build wrote is still as written (site::ChangedPagesSink::intact);
  /// unset: nothing is kept, the units are only recorded (a full build).
  std::function<bool(const std::string&)> intact;
  /// A hash of every source file that is not a document (archive.toml, the theme, static/,
  /// _index.md): what every page may read besides the documents.
  std::uint64_t other_sources = 0;

  /// Filled by render: every text's unit, for the next build. A text whose pages lost a path
  /// to another page is left out, so it is always rendered.
  std::map<std::string, TextUnit> next;
  /// How many texts were kept, not rendered.
  std::size_t kept = 0;
};

/// Each text's fingerprint, parallel to DraftChain::texts(): a hash of the catalogue (every
/// document's front matter and summary, `other_sources`), of its versions' sources, and of the
/// sources of every document that refers to one of its versions or that one of them refers
/// to. Whatever its pages show comes from these: its versions and their comparisons, the
/// mentions of its sections, the titles, dates and links of other documents.
std::vector<std::uint64_t> text_fingerprints(const RenderInput& in, std::uint64_t other_sources);

}  // namespace travaux::render
