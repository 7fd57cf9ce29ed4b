#pragma once
// Where the render stage puts each file as soon as it is made (docs/architecture.md,
// "Streaming output"): the write stage's staging folder during a build (write::StagingSink),
// so that the site is never held in memory whole; a SiteImage for `check`, `serve` and the
// tests (render::ImageSink).

#include <string>

namespace travaux::render {

class PageSink {
 public:
  virtual ~PageSink() = default;
  /// Adds a generated file; `path` is relative to the output root. Safe to call from any
  /// thread. Returns false if a file or copy already took `path`. The sink owns `bytes` from
  /// here on: a streaming sink writes and frees them before returning.
  virtual bool add(std::string path, std::string bytes) = 0;
  /// Adds a file copied byte for byte from `source` (absolute path). Same rules as add().
  virtual bool add_copy(std::string path, std::string source) = 0;
  /// Overwrites a file that add() already took. render's claims (render/claims.h) call it only
  /// when a claim that ranks first arrives after another claim of the same path was written,
  /// so that the winner never depends on the thread count.
  virtual void replace(std::string path, std::string bytes) = 0;
  /// Takes `path` as the previous build wrote it, without its bytes: only a sink that writes
  /// into the previous output in place can (site::ChangedPagesSink, for a text whose pages the
  /// build does not render again: docs/incremental-builds.md, "Pages not rendered again").
  virtual void keep(std::string path) { (void)path; }
};

}  // namespace travaux::render
