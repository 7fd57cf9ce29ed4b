#pragma once
// The cheap look at the content folder that decides whether anything changed
// (docs/incremental-builds.md, "Deciding that nothing changed").

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "cache/manifest.h"

namespace travaux::cache {

struct SourceScan {
  bool ok = false;  // false: the folder could not be walked (load will say why)
  std::int64_t started_ns = 0;
  std::map<std::string, FileStamp> files;  // content-relative path -> stamp (hash filled)
};

/// stat(2)s every file the load stage may read: every file under `content_root` except
/// dot-entries outside static/ (which load skips too), themes/ included, symbolic links
/// followed (a loop is cut; load reports it). A file whose stamp equals its entry in
/// `previous` and was last modified before the previous scan began keeps the recorded hash;
/// every other file is read and hashed (in parallel).
SourceScan scan_sources(const std::filesystem::path& content_root, const Manifest* previous);

/// True when the two scans saw the same paths with the same content hashes.
bool same_sources(const std::map<std::string, FileStamp>& a, const std::map<std::string, FileStamp>& b);

}  // namespace travaux::cache
