#pragma once
// The write stage: SiteImage -> output folder, all or nothing (docs/architecture.md, docs/hostile-input.md).

#include <filesystem>

#include "diag/diagnostic.h"
#include "render/site_image.h"

namespace travaux::write {

/// Name of the marker file travaux leaves in every output folder it creates. A non-empty
/// folder without it is never replaced: it may hold someone's work.
inline constexpr const char* kMarkerFile = ".travaux-output";

/// Writes `image` into a fresh staging folder beside `out`, then swaps it in with one atomic
/// rename exchange, so `out` is at every moment either the complete old site or the complete
/// new one. Refuses to replace a non-empty folder that lacks the marker. Leftover staging
/// folders of killed builds are removed. Returns false after reporting an error.
bool write_site(const render::SiteImage& image, const std::filesystem::path& out, diag::Diagnostics& diags);

/// True if every path in `image` stays inside the output root (no "..", no absolute paths).
bool paths_are_contained(const render::SiteImage& image, diag::Diagnostics& diags);

}  // namespace travaux::write
