#pragma once
// The search index of an incremental build made from the last build's, when only a few
// documents' keys may have changed (docs/incremental-builds.md, "The search index patched"):
// the term and pair shards the last build wrote are read back as entries, the changed
// documents taken out of every entry and their new keys put in, and only the entries that
// changed encoded again. The result is the entries a full build makes, in the same order.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// One key of a term or pair shard: its text, and its entry exactly as the shard holds it
/// ("key":"<documents>[ <card documents>]").
struct ShardEntry {
  std::string key;
  std::string text;
};

/// The entries of one shard script (search/terms/<i>.js or search/pairs/<i>.js) appended to
/// `out`; false when it is not such a script.
bool read_shard_entries(std::string_view script, std::vector<ShardEntry>& out);

/// The documents of a key, all of them and those that hold it in their card.
struct KeyDocuments {
  std::vector<std::uint32_t> all, card;
};

/// The sorted document numbers of an encoded set (encode_doc_set); nullopt when malformed.
std::optional<std::vector<std::uint32_t>> decode_doc_set(std::string_view base64_text, std::uint32_t universe);

/// `entries` (sorted by key) with the documents in `changed` (sorted) taken out of every entry
/// and the keys of `added` (each listing only changed documents) put in; an entry left with no
/// document is dropped. Entries that hold no changed document before or after keep their
/// text. Nullopt when an entry cannot be decoded.
std::optional<std::vector<ShardEntry>> patch_entries(std::vector<ShardEntry> entries,
                                                     const std::vector<std::uint32_t>& changed,
                                                     const std::map<std::string, KeyDocuments>& added,
                                                     std::uint32_t universe);

/// A key's entry: "key":"<documents>[ <card documents>]" (docs/search.md, "Shard format").
std::string shard_entry(std::string_view key, std::span<const std::uint32_t> all, std::span<const std::uint32_t> card,
                        std::uint32_t universe);

}  // namespace travaux::render
