#pragma once
// Which output wins a path that two outputs claim, decided in a fixed order whatever the
// thread count (docs/architecture.md, "Streaming output").

#include <compare>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/page_sink.h"

namespace travaux::render {

/// Where an output stands in the fixed order of claims: by band (static files, then theme
/// assets, document pages, ...), then by index inside the band (document order).
struct ClaimRank {
  std::uint32_t band = 0;
  std::uint64_t index = 0;
  auto operator<=>(const ClaimRank&) const = default;
};

/// Hands every output to a PageSink as soon as it is made, from any thread, and remembers who
/// claimed each path. The claim that arrives first is written at once; one that ranks before it
/// and arrives later overwrites it (PageSink::replace), so the file on disk is always the one
/// of the best-ranked claim, and losers() names the others whatever order the threads ran in.
class OutputClaims {
 public:
  explicit OutputClaims(PageSink& sink) : sink_(sink) {}

  void file(ClaimRank rank, std::string path, std::string bytes);
  void copy(ClaimRank rank, std::string path, std::string source);
  /// A file kept as the previous build wrote it (PageSink::keep). Like a copy, a kept file
  /// never overwrites another claim's: it is kept only when its path was not taken.
  void keep(ClaimRank rank, std::string path);

  struct Loser {
    ClaimRank rank, winner;
    std::string path;
  };
  /// Every claim that lost its path to a better-ranked one, by rank then path. Call once every
  /// claim has been made.
  std::vector<Loser> losers() const;

 private:
  struct Entry {
    ClaimRank first;    // the claim that arrived first
    ClaimRank written;  // the best rank so far: the bytes the sink holds (or will)
    bool busy = false;  // a thread is handing this path to the sink
    std::optional<std::string> pending;  // better bytes that arrived while busy
  };
  /// Claims a path for a file handed over without bytes (a copy, a kept file): true when it
  /// was free; else records the claim as a later one.
  bool claim_unwritten(ClaimRank rank, const std::string& path);
  /// Hands `bytes` to the sink (add when `fresh`, else replace), then any better bytes that
  /// arrived meanwhile. Called with `lock` held on mutex_; returns with it held.
  void hand_over(std::unique_lock<std::mutex>& lock, Entry& e, const std::string& path, std::string bytes, bool fresh);

  PageSink& sink_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // node-based: an Entry& outlives rehashes
  std::vector<std::pair<std::string, ClaimRank>> later_;  // every claim after a path's first
};

}  // namespace travaux::render
