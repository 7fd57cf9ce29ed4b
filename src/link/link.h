#pragma once
// The link stage: resolves explicit links, finds mentions, fills backlinks
// (CONTENT-MODEL.md, "Cross-references" and "Edge rules").

#include <cstdint>
#include <map>
#include <string>

#include "diag/diagnostic.h"
#include "link/link_record.h"
#include "link/linked_archive.h"
#include "model/archive.h"

namespace travaux::link {

/// Between the build cache and link (docs/incremental-builds.md, "Links not made again").
struct LinkReuse {
  /// The last build's records by source path, encoded (encode_record); empty when what every
  /// document's links may read besides its own source and the anchors it looked up (the link
  /// catalogue) changed since. Link takes the bytes of the records it reuses.
  std::map<std::string, std::string, std::less<>> previous;
  /// Filled by link: this build's record of every document, encoded, and how many were reused.
  std::map<std::string, std::string, std::less<>> next;
  std::size_t reused = 0;
};

/// Links every document of `archive`. Documents are linked in parallel with one sink each,
/// merged in document order. Reports unresolved links and anchors as errors. With `reuse`, a
/// document whose source, and the anchors of every document its links looked up, are as the
/// last build recorded is not linked again: its record stands, and its HTML is made only if
/// render asks for it (LinkedDocument::deferred).
LinkedArchive link_archive(const model::Archive& archive, diag::Diagnostics& diags, LinkReuse* reuse = nullptr);

}  // namespace travaux::link
