#pragma once
// How far the pipeline has got, for the progress line `build` shows on a terminal
// (cli/progress.h). Stages write it with relaxed atomic stores and increments, so reporting
// costs next to nothing; the display reads it from its own thread.

#include <atomic>
#include <cstddef>

namespace travaux::diag {

class Progress {
 public:
  /// A new stage starts: `stage` must be a string literal (it is kept as a pointer), `total`
  /// the number of items it will count, or 0 when it counts none.
  void begin(const char* stage, std::size_t total = 0) {
    done_.store(0, std::memory_order_relaxed);
    total_.store(total, std::memory_order_relaxed);
    stage_.store(stage, std::memory_order_release);
  }
  /// One more item (a document page rendered, ...) done; any thread.
  void advance(std::size_t n = 1) { done_.fetch_add(n, std::memory_order_relaxed); }

  struct Snapshot {
    const char* stage = nullptr;  // nullptr before the first stage
    std::size_t done = 0, total = 0;
  };
  /// The state now, for the display. A snapshot taken while a stage begins may mix the two
  /// stages' numbers for one frame; the next one is right.
  Snapshot read() const {
    return {stage_.load(std::memory_order_acquire), done_.load(std::memory_order_relaxed),
            total_.load(std::memory_order_relaxed)};
  }

 private:
  std::atomic<const char*> stage_{nullptr};
  std::atomic<std::size_t> done_{0}, total_{0};
};

}  // namespace travaux::diag
