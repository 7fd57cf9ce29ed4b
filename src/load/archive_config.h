#pragma once
// archive.toml -> ArchiveConfig (CONTENT-MODEL.md, "archive.toml").

#include <string>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::load {

/// Parses the bytes of archive.toml. Reports every problem; returns what it could read.
model::ArchiveConfig parse_archive_config(const std::string& path, std::string raw,
                                          diag::Diagnostics& diags);

}  // namespace travaux::load
