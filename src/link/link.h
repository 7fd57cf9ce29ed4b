#pragma once
// The link stage: resolves explicit links, finds mentions, fills backlinks
// (CONTENT-MODEL.md, "Cross-references" and "Edge rules").

#include "diag/diagnostic.h"
#include "link/linked_archive.h"
#include "model/archive.h"

namespace travaux::link {

/// Links every document of `archive`. Documents are linked in parallel with one sink each,
/// merged in document order. Reports unresolved links and anchors as errors.
LinkedArchive link_archive(const model::Archive& archive, diag::Diagnostics& diags);

}  // namespace travaux::link
