#pragma once
// Reading the content tree from disk (CONTENT-MODEL.md, "The content tree"). This is the
// only part of load/ that touches the file system; everything after it parses strings.

#include <cstdint>
#include <filesystem>
#include <map>
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
  /// The file's size; with `head_only`, `text` is only its front matter (up to the line
  /// closing it) and `hash` the XXH3-64 of the whole file as the build cache scanned it.
  std::size_t size = 0;
  bool head_only = false;
  std::uint64_t hash = 0;
  /// With `head_only`: not even the front matter was read, an earlier load's parse of these
  /// bytes stands (KnownHead).
  bool known = false;
};

/// Markdown files whose front matter alone is to be read, by path, with the XXH3-64 of the
/// bytes they must still hold when their body is read (docs/incremental-builds.md, "Bodies
/// not read").
using HeadsOnly = std::map<std::string, std::uint64_t, std::less<>>;

/// What an earlier load made of a Markdown file it read only the front matter of. serve keeps
/// these from one rebuild to the next, so that a file still holding the same bytes is neither
/// read nor parsed again (docs/incremental-builds.md, "serve").
struct KnownHead {
  std::uint64_t hash = 0;  // of the whole file
  std::size_t size = 0;
  model::Document doc;     // its body not read
  bool work_in_progress = false;
  diag::Diagnostics diags;  // what parsing its front matter reported
};
using KnownHeads = std::map<std::string, KnownHead, std::less<>>;

struct SourceTree {
  std::filesystem::path root;  // absolute
  std::optional<SourceFile> archive_toml;
  std::vector<SourceFile> markdown;  // every .md outside static/ and themes/, sorted by path
  std::vector<model::StaticFile> static_files;  // sorted by path
};

/// Walks `root` in sorted order. Symbolic links are followed while they stay inside the
/// tree; a loop or a link leading outside is an error naming the link. Hidden entries
/// (".git", ".DS_Store") are skipped.
SourceTree read_source_tree(const std::filesystem::path& root, diag::Diagnostics& diags,
                            const HeadsOnly* heads_only = nullptr, const KnownHeads* known = nullptr);

/// The whole file; nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& p);

}  // namespace travaux::load
