#pragma once
// The render stage: linked archive -> SiteImage (CONTENT-MODEL.md, "Output").

#include "compare/compare_texts.h"
#include "diag/diagnostic.h"
#include "link/linked_archive.h"
#include "model/archive.h"
#include "render/theme.h"
#include "render/site_image.h"

namespace travaux::render {

/// Renders every page, feed and asset. Document pages (a parallel loop) and every generated page
/// kind are rendered side by side into slots, then added in a fixed order (document pages in
/// document order first), so the output never depends on the thread count. Two outputs claiming
/// one path is an error.
render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const compare::ComparedArchive& compared, const Theme& theme,
                             diag::Diagnostics& diags);

/// The same, running the comparison stage first (for callers that have not).
render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const Theme& theme, diag::Diagnostics& diags);

}  // namespace travaux::render
