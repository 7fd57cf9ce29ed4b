#pragma once
// The load stage: content folder -> model::Archive (CONTENT-MODEL.md, "The content tree").

#include <filesystem>

#include "diag/diagnostic.h"
#include "load/source_tree.h"
#include "model/archive.h"

namespace travaux::load {

/// Builds the archive from an already-read tree. Documents are parsed in parallel and
/// merged in path order; `draft = true` documents are dropped (their ids are remembered
/// so a link to one can be reported). Duplicate ids, folder names that cannot be URLs and
/// round numbers used twice are errors.
model::Archive build_archive(SourceTree tree, diag::Diagnostics& diags);

/// read_source_tree + build_archive.
model::Archive load_archive(const std::filesystem::path& content_root, diag::Diagnostics& diags);

}  // namespace travaux::load
