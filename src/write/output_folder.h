#pragma once
// Where a build may write, and one build at a time per output folder (docs/hostile-input.md,
// "The output folder").

#include <filesystem>
#include <optional>
#include <string>

namespace travaux::write {

/// Why `out` must not be written for an archive in `content`, or nullopt when it may. Decided on
/// resolved real paths (symbolic links, "..", a trailing slash), never on what the folders hold:
/// `out` may not be the content folder, a folder that contains it, or a folder inside it
/// (`content/static/site` would copy each site into the next). An empty `out` is refused too.
std::optional<std::string> output_problem(const std::filesystem::path& content, const std::filesystem::path& out);

/// An advisory lock (flock) on `<out>.travaux-lock` beside the output folder, held for the
/// whole build. The lock file stays after the build: deleting it would let a third build lock
/// a new file while a second still holds the old one.
class OutputLock {
 public:
  enum class Wait { yes, no };
  /// Takes the lock. If another build holds it: with Wait::yes calls `on_wait` once and blocks
  /// until it is free; with Wait::no returns nullopt at once. nullopt with `*error` set when
  /// the lock file cannot be opened.
  static std::optional<OutputLock> acquire(const std::filesystem::path& out, Wait wait,
                                           void (*on_wait)(const std::filesystem::path& lock_file),
                                           std::string* error);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

  /// The lock file of `out`: `<parent>/<name>.travaux-lock`.
  static std::filesystem::path lock_file(const std::filesystem::path& out);

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace travaux::write
