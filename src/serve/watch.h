#pragma once
// Change detection for `travaux serve` (docs/incremental-builds.md, "serve"): inotify tells
// when something under the content folder may have changed; a fingerprint of every file's
// path, size and modification time tells whether it did. Where inotify is not available (or
// its watch limit is reached), the fingerprint alone is polled.

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>

namespace travaux::serve {

/// xxHash of (relative path, size, mtime) of every regular file under `root`, in path order.
/// Changes when any file is added, removed, resized or touched.
std::uint64_t tree_fingerprint(const std::filesystem::path& root);

/// inotify watches on every folder under a root (symbolic links to folders followed), kept up
/// as folders are made. Not thread-safe: one thread waits on it.
class TreeWatch {
 public:
  explicit TreeWatch(const std::filesystem::path& root);
  ~TreeWatch();
  TreeWatch(const TreeWatch&) = delete;
  TreeWatch& operator=(const TreeWatch&) = delete;

  /// False when the kernel would not watch the whole tree: the caller must poll.
  bool watching() const { return fd_ >= 0; }
  /// Waits up to `ms` milliseconds for events; true if any came (something may have changed).
  /// Always false when not watching().
  bool wait(int ms);

 private:
  /// Watches `dir` and every folder under it; on failure stops watching altogether.
  void watch_tree(const std::filesystem::path& dir);

  int fd_ = -1;
  std::unordered_map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
};

}  // namespace travaux::serve
