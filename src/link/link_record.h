#pragma once
// What the link stage made of one document, kept by the build cache so that the next build
// links again only the documents an edit reaches (docs/incremental-builds.md, "Links not made
// again"). Plain data, encoded by cache/manifest.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "link/reference.h"

namespace travaux::link {

struct LinkRecord {
  /// The document's source file (front matter and body), by the hash of its bytes.
  std::uint64_t source = 0;
  /// The anchors its body offers (para-N and heading ids), which other documents' links are
  /// checked against: they depend on its body alone.
  std::vector<std::string> own_anchors;
  /// The documents whose anchors its links and mentions looked up, by source path, each with
  /// a hash of those anchors as they were (anchor_set_hash).
  std::vector<std::pair<std::string, std::uint64_t>> anchor_reads;
  /// LinkedDocument without its HTML.
  std::string summary;
  std::vector<std::string> anchors;
  std::vector<Reference> references;
  /// The warnings linking it reported (a build with errors records nothing).
  std::vector<diag::Diagnostic> warnings;
};

/// An order-independent name for a set of anchors (they are held sorted).
std::uint64_t anchor_set_hash(const std::vector<std::string>& sorted_anchors);

/// The record in the build cache's encoding (cache/binary.h). Its first field is `source`, so
/// that a record whose source changed is passed over without decoding it (record_source).
std::string encode_record(const LinkRecord& record);
std::optional<LinkRecord> decode_record(std::string_view bytes);
std::optional<std::uint64_t> record_source(std::string_view bytes);

}  // namespace travaux::link
