#pragma once
// One large body's tree at a time (docs/hostile-input.md, "Memory of large bodies").

#include <cstddef>

namespace travaux::markdown {

/// Bodies from this size up take a turn; smaller ones never wait.
inline constexpr std::size_t kLargeBody = 512 * 1024;

/// A cmark-gfm tree takes about 30 times its Markdown, so two 1.6 MB drafts parsed side by
/// side hold 100 MB of nodes, and each further core adds another. Held for as long as a large
/// body's tree lives, this turn lets one such tree exist at a time, whatever the core count;
/// bodies under `kLargeBody` pass straight through.
///
/// A thread already holding a turn takes another without waiting (nothing it holds can then
/// deadlock it), and the turn may be given back on any thread. Holders must not wait for other
/// parallel work while they hold it.
class LargeBodyTurn {
 public:
  explicit LargeBodyTurn(std::size_t body_bytes);
  ~LargeBodyTurn();
  LargeBodyTurn(const LargeBodyTurn&) = delete;
  LargeBodyTurn& operator=(const LargeBodyTurn&) = delete;

 private:
  bool held_ = false;
};

}  // namespace travaux::markdown
