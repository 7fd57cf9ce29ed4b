// The progress line of `travaux build` (README, "Use"; diag/progress.h for the counters).
#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>

namespace travaux::cli {

bool progress_wanted(bool quiet) {
  if (quiet || !::isatty(STDERR_FILENO)) return false;
  if (const char* ci = std::getenv("CI"); ci && (std::strcmp(ci, "true") == 0 || std::strcmp(ci, "1") == 0))
    return false;
  if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) return false;
  return true;
}

std::string progress_text(const diag::Progress::Snapshot& s, double seconds) {
  std::string text = s.stage ? s.stage : "starting";
  char numbers[96];
  if (s.total > 0) {
    const double rate = seconds > 0 ? static_cast<double>(s.done) / seconds : 0;
    std::snprintf(numbers, sizeof numbers, " %zu/%zu documents, %.0f/s", s.done, s.total, rate);
  } else {
    std::snprintf(numbers, sizeof numbers, ", %.0f s", seconds);
  }
  return text + numbers;
}

ProgressLine::ProgressLine(const diag::Progress& progress, int fd)
    : progress_(progress), fd_(fd), thread_([this] { run(); }) {}

void ProgressLine::draw(const std::string& text) {
  // Cut to the terminal's width: a line that wraps cannot be redrawn in place by "\r".
  std::string line = "travaux: " + text;
  winsize size{};
  if (::ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 && line.size() >= size.ws_col)
    line.resize(size.ws_col - 1);
  line = "\r" + line + "\x1b[K";  // back to the column 0, the text, erase what an older line left
  [[maybe_unused]] const ssize_t n = ::write(fd_, line.data(), line.size());
  drawn_ = true;
}

void ProgressLine::run() {
  using clock = std::chrono::steady_clock;
  const char* stage = nullptr;
  clock::time_point began = clock::now();
  std::string last;
  std::unique_lock lock(mutex_);
  // Ten frames a second at most: enough to look alive, too few to cost anything.
  while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; })) {
    const diag::Progress::Snapshot s = progress_.read();
    if (s.stage != stage) {
      stage = s.stage;
      began = clock::now();
    }
    const double seconds = std::chrono::duration<double>(clock::now() - began).count();
    std::string text = progress_text(s, seconds);
    if (text != last) draw(text);
    last = std::move(text);
  }
  if (drawn_) {
    static constexpr char kErase[] = "\r\x1b[K";
    [[maybe_unused]] const ssize_t n = ::write(fd_, kErase, sizeof kErase - 1);
  }
}

void ProgressLine::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace travaux::cli
