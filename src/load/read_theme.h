#pragma once
// Reading an archive's own theme folder (docs/content-model.md, "Themes"): the only disk read
// a theme needs, done in load so that render is pure formatting.

#include <filesystem>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::load {

/// Reads `<content>/themes/<config.theme>/` into `archive.theme`. A theme other than "default"
/// without its folder is an error at archive.toml's `theme` key.
void read_theme(const std::filesystem::path& content_root, model::Archive& archive, diag::Diagnostics& diags);

}  // namespace travaux::load
