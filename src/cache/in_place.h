#pragma once
// Updating an output folder in place (docs/incremental-builds.md, "Writing in place"): each
// changed file is written to a temporary name in its folder and renamed over the old one, so
// every page is at every moment either old or new; outputs the new build no longer has are
// removed last. Unchanged files are not touched.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "cache/manifest.h"

namespace travaux::cache {

/// What a file in the output folder looks like now (lstat), with `hash` for its content.
std::optional<OutputStamp> stamp_output(const std::filesystem::path& file, std::uint64_t hash);
/// The same for a path held as a string: no std::filesystem::path made (its components are
/// split on construction), as for every page an incremental build keeps.
std::optional<OutputStamp> stamp_output(const std::string& file, std::uint64_t hash);

class InPlaceWriter {
 public:
  /// `previous` describes what `out` holds now (its outputs, as recorded by the last build).
  InPlaceWriter(std::filesystem::path out, const std::map<std::string, OutputStamp>& previous);

  /// Makes `out/rel` hold `bytes`, writing only if the recorded file differs or was changed on
  /// disk since. Safe to call from any thread. False with `*error` set on a write failure.
  bool put(const std::string& rel, std::string_view bytes, std::string* error);
  /// The same for a copy of `source`, whose content hash is `source_hash`.
  bool put_copy(const std::string& rel, const std::filesystem::path& source, std::uint64_t source_hash,
                std::string* error);
  /// Records `rel` as unchanged, as found on disk (`stamp`), without touching it.
  void keep(const std::string& rel, const OutputStamp& stamp) {
    std::lock_guard lock(mutex_);
    outputs_[rel] = stamp;
  }
  /// Removes what the previous build wrote and this one did not, then the folders left empty.
  void remove_stale();

  /// Every output of this build, for the next manifest.
  const std::map<std::string, OutputStamp>& outputs() const { return outputs_; }
  std::size_t written() const { return written_; }
  std::size_t removed() const { return removed_; }

 private:
  /// Writes through a temporary file renamed over `rel`. `fill` writes the temporary file.
  template <class Fill>
  bool replace(const std::string& rel, std::uint64_t hash, Fill fill, std::string* error);

  std::filesystem::path out_;
  const std::map<std::string, OutputStamp>& previous_;
  std::mutex mutex_;
  std::map<std::string, OutputStamp> outputs_;
  std::atomic<std::size_t> written_{0};
  std::size_t removed_ = 0;
};

}  // namespace travaux::cache
