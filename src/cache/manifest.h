#pragma once
// The build cache's record of the last build (docs/incremental-builds.md, "The manifest"):
// what every source file looked like, what every output file holds, and the warnings that
// build reported. Plain data and a checksummed binary encoding; no file system access.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"

namespace travaux::cache {

/// What a file looked like to stat(2), and its content hash.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t hash = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// An output file: the hash of its bytes (of the source file's bytes for a copy) and its
/// size and modification time once written, so a file changed by hand is written again.
struct OutputStamp {
  std::uint64_t hash = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  friend bool operator==(const OutputStamp&, const OutputStamp&) = default;
};

/// The pages of one negotiated text as the last build wrote them (docs/incremental-builds.md,
/// "Pages not rendered again"): what it read (a fingerprint), the files it claimed with their
/// page kind (render::TextPageKind), its lines of history/index.html (title, url, versions).
struct TextRecord {
  std::uint64_t fingerprint = 0;
  std::vector<std::pair<std::uint32_t, std::string>> pages;
  std::vector<std::array<std::string, 3>> index_items;
  friend bool operator==(const TextRecord&, const TextRecord&) = default;
};

struct Manifest {
  /// Bumped whenever the encoding or the meaning of a field changes.
  static constexpr std::uint32_t kFormat = 4;

  std::string build_id;      // cache::build_id() of the travaux that wrote it
  std::string content_root;  // absolute, canonical
  std::string output_root;   // absolute
  /// When the source scan began: a file modified at or after it may have changed again within
  /// the same timestamp tick, so its stamp alone is never trusted ("racy" files, as in git).
  std::int64_t scan_started_ns = 0;
  /// The output folder's marker file (write::kMarkerFile): a full build writes a new one, so
  /// another folder or a folder rebuilt by another cache is never taken for this one.
  std::uint64_t marker_inode = 0;
  std::int64_t marker_mtime_ns = 0;
  std::uint64_t documents = 0;
  std::map<std::string, FileStamp> sources;    // content-relative path -> stamp
  std::map<std::string, OutputStamp> outputs;  // output-relative path -> stamp
  std::vector<diag::Diagnostic> warnings;      // replayed by a build that finds nothing changed
  std::map<std::string, TextRecord> texts;     // by text id
  /// Each document page's fingerprint by source path; its files are those render_site claims
  /// for it (render::document_page_files).
  std::map<std::string, std::uint64_t> document_pages;
  /// The XXH3-64 of the links file written with it (Links), 0 for none: a links file that
  /// does not match is not used.
  std::uint64_t links_hash = 0;
  /// Each document's search shard, by source path: its number and how many parts
  /// (search/d/<number>.js, <number>-1.js, ...; docs/search.md).
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> search_shards;
  /// The search index: how many documents it numbered, and how many term and pair shards
  /// (search/terms/<i>.js, search/pairs/<i>.js) it wrote.
  std::array<std::uint32_t, 3> search_index{};
  /// The pages that list the whole archive (render::ListingPage): their fingerprint, and each
  /// file with its page kind.
  static constexpr std::uint32_t kListingKinds = 8;  // how many render::ListingPage has
  std::uint64_t listings_fingerprint = 0;
  std::vector<std::pair<std::uint32_t, std::string>> listings;
};

/// What link made of each document (docs/incremental-builds.md, "Links not made again"): a
/// file of its own beside the manifest, read only by a build that links, so that a build that
/// finds nothing changed does not read it.
struct Links {
  /// The hash of what every document's links may read besides its own source and the anchors
  /// they looked up (site::BuildCache::link_reuse).
  std::uint64_t catalogue = 0;
  /// By source path, each record encoded (link::encode_record), decoded by link only where used.
  std::map<std::string, std::string, std::less<>> records;
};

std::string encode(const Links& links);
std::optional<Links> decode_links(std::string_view bytes, std::string* why);

/// The binary encoding: a magic line, the format number, length-prefixed fields in
/// little-endian order, and an XXH3-64 checksum of everything before it.
std::string encode(const Manifest& m);

/// Decodes `bytes`; nullopt with `*why` set when it is not a manifest of this format, is
/// truncated, or fails its checksum.
std::optional<Manifest> decode(std::string_view bytes, std::string* why);

}  // namespace travaux::cache
