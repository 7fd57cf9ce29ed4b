#pragma once
// Reading the content tree from disk (CONTENT-MODEL.md, "The content tree"). This is the
// only part of load/ that touches the file system; everything after it parses strings.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::load {

/// One file's path relative to the content root ('/'-separated) and its raw bytes.
struct SourceFile {
  std::string path;
  std::string text;
};

struct SourceTree {
  std::filesystem::path root;  // absolute
  std::optional<SourceFile> archive_toml;
  std::vector<SourceFile> markdown;  // every .md outside static/ and themes/, sorted by path
  std::vector<model::StaticFile> static_files;  // sorted by path
};

/// Walks `root` in sorted order. Symbolic links are followed while they stay inside the
/// tree; a loop or a link leading outside is an error naming the link. Hidden entries
/// (".git", ".DS_Store") are skipped.
SourceTree read_source_tree(const std::filesystem::path& root, diag::Diagnostics& diags);

}  // namespace travaux::load
