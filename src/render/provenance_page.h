#pragma once
// Where each paragraph of a draft comes from (docs/drafts-and-changes.md, "Provenance";
// CONTENT-MODEL.md, "Output": drafts/<id>/provenance/index.html).

#include "compare/compare_texts.h"
#include "render/page_sink.h"
#include "render/view.h"

namespace travaux::render {

/// Renders drafts/<id>/provenance/index.html for every version of `ct`: its text with,
/// beside each paragraph, the version that introduced it and every version that changed it
/// (each linked to that paragraph on that version's changes page), under a line and a bar of
/// how many of its words date from each version. For a version whose text is not held, what
/// the sources say changed.
void render_provenance_pages(const RenderInput& in, const compare::ComparedText& ct, PageSink& out);

}  // namespace travaux::render
