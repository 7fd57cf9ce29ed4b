#pragma once
// Change detection for `travaux serve`: a fingerprint of every file's path, size and
// modification time under a folder. Polling keeps it portable and free of inotify limits.

#include <cstdint>
#include <filesystem>

namespace travaux::serve {

/// xxHash of (relative path, size, mtime) of every regular file under `root`, in path order.
/// Changes when any file is added, removed, resized or touched.
std::uint64_t tree_fingerprint(const std::filesystem::path& root);

}  // namespace travaux::serve
