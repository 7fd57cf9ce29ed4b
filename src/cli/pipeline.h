#pragma once
// build = load -> link -> render -> write; check = load -> link (STYLE.md, "A pipeline of
// folders"). Each stage stops the pipeline if it reported an error.

#include <filesystem>
#include <optional>

#include "diag/diagnostic.h"
#include "write/site_image.h"

namespace travaux::cli {

struct Generated {
  write::SiteImage site;
  std::size_t documents = 0;
};

/// Loads, links and (unless `check_only`) renders the archive at `content`. Returns nullopt
/// if any stage reported an error.
std::optional<Generated> generate(const std::filesystem::path& content, bool check_only, diag::Diagnostics& diags);

}  // namespace travaux::cli
