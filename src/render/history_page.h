#pragma once
// One section or objective across every draft version (docs/drafts-and-changes.md; CONTENT-MODEL.md, "Output":
// history/<anchor>/index.html).

#include "render/view.h"
#include "render/site_image.h"

namespace travaux::render {

/// Renders history/<anchor>/index.html for every section and objective of every draft
/// (objective-1 to objective-N for drafts that declare `objectives` without their text, and
/// every section anchor a letter names), plus history/index.html listing them. A renamed
/// section is one history, reachable under each of its anchors.
void render_history_pages(const RenderInput& in, render::SiteImage& out);

}  // namespace travaux::render
