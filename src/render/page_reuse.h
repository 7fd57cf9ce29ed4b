#pragma once
// Pages an incremental build does not render again (docs/incremental-builds.md, "Pages not
// rendered again"). After an edit, most pages read nothing the edit touched: a text's changes,
// history and provenance pages, and a document's page with its citation files, are kept as
// the last build wrote them when their fingerprint (what they read) has not changed.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
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

/// What every page kept or rendered read, as hashes (page_fingerprints).
struct Fingerprints {
  std::vector<std::uint64_t> texts;      // parallel to DraftChain::texts()
  std::vector<std::uint64_t> documents;  // parallel to Archive::documents
  /// The pages that list the archive (ListingPage): the catalogue, and every document's links
  /// by their targets (archive.json and documents.csv list them).
  std::uint64_t listings = 0;
};

/// The pages made from the catalogue alone, which list the whole archive: kept together when
/// nothing they read changed (docs/incremental-builds.md, "Pages not rendered again").
enum class ListingPage : std::uint32_t { home, timeline, search, kind_index, people_or_topic, feed, json, csv };

/// What the build cache records of them: their fingerprint and every file they claimed.
struct ListingRecord {
  std::uint64_t fingerprint = 0;
  std::vector<std::pair<ListingPage, std::string>> pages;
};

/// What the build cache records of the search index's term and pair shards: how many
/// documents it numbered and how many shards of each kind it wrote (search_index_patch.h).
struct SearchIndexRecord {
  std::uint32_t universe = 0, terms = 0, pairs = 0;
};

/// Between a build with a cache and render_site.
struct PageReuse {
  /// The last build's units by text id, and its document pages' fingerprints by source path
  /// (empty: every page is rendered).
  std::map<std::string, TextUnit> previous;
  std::map<std::string, std::uint64_t> previous_documents;
  /// Whether a file the last build wrote is still as written (site::ChangedPagesSink::intact);
  /// unset: nothing is kept, the units are only recorded (a full build).
  std::function<bool(const std::string&)> intact;
  /// A hash of every source file that is not a document (archive.toml, the theme, static/,
  /// _index.md): what every page may read besides the documents.
  std::uint64_t other_sources = 0;
  /// The last build's search shard of each document by source path (its number and how many
  /// parts), and the bytes of a file the last build wrote if it is still as written (else
  /// nullopt): a document whose link result came from the cache has its blocks read back
  /// from its shard instead of its HTML made again (docs/incremental-builds.md, "Links not
  /// made again").
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> previous_shards;
  std::function<std::optional<std::string>(const std::string&)> read_intact;
  /// The last build's search index, patched instead of made again when only a few documents
  /// were linked again (docs/incremental-builds.md, "The search index patched").
  SearchIndexRecord previous_index;
  ListingRecord previous_listings;

  /// Filled by render: this build's fingerprints, every text's unit and every document
  /// page's fingerprint, for the next build. A page that lost a path to another is left out,
  /// so it is always rendered.
  Fingerprints fingerprints;
  std::map<std::string, TextUnit> next;
  std::map<std::string, std::uint64_t> next_documents;
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> next_shards;
  SearchIndexRecord next_index;
  ListingRecord next_listings;
  bool listings_kept = false;
  bool index_patched = false;
  /// How many texts and document pages were kept, not rendered.
  std::size_t kept = 0;
  std::size_t kept_documents = 0;
};

/// The files of a document's page: its index.html and its two citation files, the paths
/// render_site claims for it.
std::vector<std::string> document_page_files(const model::Document& doc);

/// The fingerprint of every text and document page. Both start from a hash of the catalogue
/// (every document's path, front matter and summary, and `other_sources`): the titles, dates,
/// people, URLs and places in the chain that any page shows of other documents.
/// - A text's adds its versions' sources and the sources of every document that refers to
///   one of its versions or that one of them refers to: its comparisons, the mentions of its
///   sections, the links of its versions.
/// - A document page's adds its own source, the sources of the documents it refers to and of
///   those that refer to it (its links, anchors and backlinks), and for a draft its text's
///   fingerprint (the chain strip, the changes it links to).
/// - The listing pages' adds the target of every document's every reference, in order.
Fingerprints page_fingerprints(const RenderInput& in, std::uint64_t other_sources);

}  // namespace travaux::render
