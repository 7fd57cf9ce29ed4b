#pragma once
// Slugs for topic pages and for senders named without a [people.*] entry, chosen once for the
// whole archive so every page links the same one (CONTENT-MODEL.md, "Output": topics).

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::load {

/// Fills archive.topic_slugs and archive.sender_slugs; warns where two names had to be told
/// apart (docs/content-model.md, "Topic and people slugs").
void assign_archive_slugs(model::Archive& archive, diag::Diagnostics& diags);

}  // namespace travaux::load
