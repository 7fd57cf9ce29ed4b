#pragma once
// The write stage for a site already in memory: SiteImage -> output folder, all or nothing
// (docs/architecture.md, docs/hostile-input.md). A build streams its pages through
// write::StagingSink instead (write/staging_sink.h); this is the same path for a whole image.

#include <filesystem>

#include "diag/diagnostic.h"
#include "render/site_image.h"
#include "write/staging.h"

namespace travaux::write {

/// Writes `image` into a fresh staging folder beside `out`, then swaps it in with one atomic
/// rename exchange, so `out` is at every moment either the complete old site or the complete
/// new one. Refuses to replace a non-empty folder that lacks the marker. Leftover staging
/// folders of killed builds are removed. Returns false after reporting an error.
bool write_site(const render::SiteImage& image, const std::filesystem::path& out, diag::Diagnostics& diags);

/// True if every path in `image` stays inside the output root (no "..", no absolute paths).
bool paths_are_contained(const render::SiteImage& image, diag::Diagnostics& diags);

}  // namespace travaux::write
