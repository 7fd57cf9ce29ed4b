#pragma once
// Where the render stage puts each file as soon as it is made (docs/architecture.md, "The
// pipeline"): the write stage's staging folder during a build, so that the site is never held
// in memory whole; a SiteImage for `check` and the tests.

#include <string>

namespace travaux::render {

class PageSink {
 public:
  virtual ~PageSink() = default;
  /// Adds a generated file; `path` is relative to the output root. Safe to call from any
  /// thread. Returns false if a file or copy already took `path`.
  virtual bool add(std::string path, std::string bytes) = 0;
  /// Adds a file copied byte for byte from `source` (absolute path). Same rules as add().
  virtual bool add_copy(std::string path, std::string source) = 0;
};

}  // namespace travaux::render
