#pragma once
// The search index, split into shards the search page loads on demand (docs/search.md).
// Every shard is a script that calls travauxSearchShard(name, data), because a page opened
// from file:// may not fetch() a local file but may load a <script>.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "render/page_reuse.h"
#include "render/page_sink.h"
#include "render/view.h"

namespace travaux::render {

/// The manifest, the only index file the search page loads before a query.
inline constexpr std::string_view kSearchIndexFile = "search/search-index.js";

/// A term shard is closed once it holds this many bytes: a query downloads one shard per
/// word, so this bounds what a word costs (docs/search.md, "Bytes a query downloads").
inline constexpr std::size_t kTermShardBytes = 24 * 1024;
/// A document's text is cut into parts of about this size, fetched one by one for a result.
inline constexpr std::size_t kDocPartBytes = 16 * 1024;

/// The negotiated text a draft belongs to: the id of its chain's first version.
/// {id, label}; empty for a document that is not a draft.
struct DraftText {
  std::string id;
  std::string label;
};
std::map<std::string, DraftText> draft_texts(const RenderInput& in);

/// Rounds each document belongs to, by document id: the round itself, the rounds it refers
/// to (front matter `rounds`, links, mentions), and for a draft the rounds that negotiated it.
std::map<std::string, std::vector<std::string>> document_rounds(const RenderInput& in);

/// Every file of the index, site path -> bytes: the manifest (documents, word shard
/// separators), search/pairs.js (word-pair shard separators), search/dates.js, the shards of
/// words search/terms/<i>.js and of word pairs search/pairs/<i>.js, and the document shards
/// search/d/<n>.js (and <n>-<k>.js for the later parts of a long one).
/// Deterministic: the same archive gives the same bytes whatever the thread count.
/// With `documents_sink`, each document's script (search/d/N.js) goes there as soon as its batch
/// is read instead of into the returned map, so a build never holds them all
/// (docs/architecture.md, "Streaming output"). With `reuse`, a document whose HTML was not
/// made (its link result came from the build cache) has its blocks read back from the shard
/// the last build wrote, where that is still as written, and every document's shard is
/// recorded in reuse->next_shards.
std::map<std::string, std::string> render_search_index(const RenderInput& in, PageSink* documents_sink = nullptr,
                                                       PageReuse* reuse = nullptr);

}  // namespace travaux::render
