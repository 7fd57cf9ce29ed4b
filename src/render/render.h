#pragma once
// The render stage: linked archive -> every output file, handed to a PageSink as soon as it is
// made (CONTENT-MODEL.md, "Output"; docs/architecture.md, "Streaming output").

#include "diag/diagnostic.h"
#include "diag/progress.h"
#include "link/linked_archive.h"
#include "model/archive.h"
#include "render/page_sink.h"
#include "render/site_image.h"
#include "render/theme.h"

namespace travaux::render {

struct PageReuse;

/// Renders every page, feed and asset into `sink`, each file the moment it is made, from any
/// thread, its bytes released once handed over. Document pages (a parallel loop) and every
/// generated page kind run side by side; the negotiated texts are compared there, text by
/// text, each comparison dropped once its pages are made (render/text_pages.h). Two outputs
/// claiming one path is an error, and which one is reported never depends on the thread count:
/// the claims are ranked in a fixed order (render/claims.h; document pages in document order
/// first). `progress`, if given, counts the document pages. With `reuse` (a build with a
/// cache), the texts and document pages the last build wrote whose fingerprints have not
/// changed are kept, not rendered (render/page_reuse.h).
void render_site(const model::Archive& archive, const link::LinkedArchive& linked, const Theme& theme,
                 PageSink& sink, diag::Diagnostics& diags, diag::Progress* progress = nullptr,
                 PageReuse* reuse = nullptr);

/// The same into memory, for tests and benchmarks.
render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const Theme& theme, diag::Diagnostics& diags);

}  // namespace travaux::render
