#pragma once
// The write stage as a render::PageSink: every file goes into the staging folder the moment
// render hands it over, so a build never holds the site in memory (docs/architecture.md,
// "Streaming output"); the staging folder is swapped in at the end.

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "diag/diagnostic.h"
#include "render/page_sink.h"
#include "write/staging.h"

namespace travaux::write {

/// True if `rel` names a file inside the output root: not empty, not absolute, no "." or ".."
/// part (docs/hostile-input.md, "The output folder").
bool path_is_contained(std::string_view rel);

/// Writes each file into a staging folder beside the output folder, from any thread.
///  - Each path is checked to stay inside the output root before anything is written; the ones
///    that do not are reported by commit(), sorted, and the build fails.
///  - Each folder is created once; a path claimed twice is refused (add() returns false):
///    which claim wins is decided upstream, in a fixed order (render/claims.h).
///  - The first write that fails (full disk, file size limit) is reported by commit(); later
///    files are not written.
/// The destructor removes the staging folder unless commit() swapped it in, so a failed build
/// leaves the previous output untouched.
class StagingSink final : public render::PageSink {
 public:
  /// Makes the staging folder beside `out`: run this before rendering, so a folder travaux may
  /// not replace is refused before any work. The caller holds the output's lock
  /// (write::OutputLock). nullptr after reporting an error.
  static std::unique_ptr<StagingSink> open(const std::filesystem::path& out, diag::Diagnostics& diags);

  bool add(std::string path, std::string bytes) override;
  bool add_copy(std::string path, std::string source) override;
  void replace(std::string path, std::string bytes) override;

  /// Reports paths that left the root and the first failed write, in that order; if there were
  /// none, swaps the staging folder in. False after reporting an error.
  bool commit(diag::Diagnostics& diags);

  /// Files written so far (the marker not counted).
  std::size_t files() const { return files_.load(std::memory_order_relaxed); }
  const std::filesystem::path& staging_path() const { return folder_.path(); }

 private:
  explicit StagingSink(StagingFolder folder) : folder_(std::move(folder)) {}
  /// Claims `path` and creates its folder; false if it cannot or need not be written.
  bool prepare(const std::string& path, bool copy, bool* taken);
  void record_failure(const std::filesystem::path& at, const std::string& what);

  StagingFolder folder_;
  std::mutex mutex_;
  std::unordered_set<std::string> taken_;    // every path added, under mutex_
  std::unordered_set<std::string> folders_;  // folders created, under mutex_
  std::set<std::string> outside_files_, outside_copies_;  // refused paths, under mutex_
  std::optional<std::pair<std::string, std::string>> failure_;  // at, what: under mutex_
  std::atomic<bool> failed_{false};
  std::atomic<std::size_t> files_{0};
};

}  // namespace travaux::write
