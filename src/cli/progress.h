#pragma once
// The one-line progress display of `travaux build` on a terminal (README, "Use"): the stage,
// how many of its items are done, and the rate, redrawn in place at most ten times a second
// and erased before the summary line. Never shown when stderr is not a terminal, under
// CI=true, with TERM=dumb, or with --quiet, so logs and pipes get no control characters.

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "diag/progress.h"

namespace travaux::cli {

/// Whether `build` shows the line: stderr is a terminal, CI is not "true" (nor "1"), TERM is
/// not "dumb", and --quiet was not given.
bool progress_wanted(bool quiet);

/// One line for `snapshot`, `seconds` after its stage began: "render 4512/10001 documents,
/// 312/s" when the stage counts items, "link, 12 s" when it does not. No prefix, no escapes.
std::string progress_text(const diag::Progress::Snapshot& snapshot, double seconds);

/// Draws `progress` on `out` from a thread of its own until stop() or destruction.
class ProgressLine {
 public:
  explicit ProgressLine(const diag::Progress& progress, int fd);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { stop(); }

  /// Stops drawing and erases the line, so what is printed next starts on a clean line.
  void stop();

 private:
  void run();
  void draw(const std::string& text);

  const diag::Progress& progress_;
  int fd_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::thread thread_;
};

}  // namespace travaux::cli
