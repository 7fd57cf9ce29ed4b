#pragma once
// The load stage: content folder -> model::Archive (CONTENT-MODEL.md, "The content tree").

#include <cstddef>
#include <filesystem>

#include "diag/diagnostic.h"
#include "load/source_tree.h"
#include "model/archive.h"

namespace travaux::load {

/// Builds the archive from an already-read tree. Documents are parsed in parallel and
/// merged in path order; `draft = true` documents are dropped (their ids are remembered
/// so a link to one can be reported). Duplicate ids, folder names that cannot be URLs and
/// round numbers used twice are errors.
///
/// When the tree's Markdown comes to `pack_above` bytes or more, each body is compressed as
/// soon as it is parsed (Document::packed_body, Archive::packed): the largest archives'
/// texts are most of a build's memory (docs/architecture.md, "Texts held packed").
inline constexpr std::size_t kPackAbove = std::size_t{256} << 20;
///
/// A file the tree marks `known` takes its document and diagnostics from `known`; with
/// `next_known`, every file read head only (or known) is recorded there for the next load.
model::Archive build_archive(SourceTree tree, diag::Diagnostics& diags, std::size_t pack_above = kPackAbove,
                             const KnownHeads* known = nullptr, KnownHeads* next_known = nullptr);

/// read_source_tree + build_archive.
model::Archive load_archive(const std::filesystem::path& content_root, diag::Diagnostics& diags,
                            std::size_t pack_above = kPackAbove, const HeadsOnly* heads_only = nullptr,
                            const KnownHeads* known = nullptr, KnownHeads* next_known = nullptr);

}  // namespace travaux::load
