#pragma once
// Makes cmark-gfm safe to call from several threads at once (docs/architecture.md,
// "cmark-gfm and threads"). Only markdown/ includes this.

namespace travaux::markdown {

/// Registers the GFM extensions and arms the guard below; call before every parse (cheap after
/// the first call). Returns true when parses may run in parallel without a lock, false when the
/// guard could not be installed and `ParseLock` serialises parses instead.
bool prepare_parsing();

/// Held around `cmark_parser_finish`. A no-op when `prepare_parsing()` returned true.
class ParseLock {
 public:
  ParseLock();
  ~ParseLock();
  ParseLock(const ParseLock&) = delete;
  ParseLock& operator=(const ParseLock&) = delete;

 private:
  bool locked_ = false;
};

}  // namespace travaux::markdown
