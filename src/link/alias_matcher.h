#pragma once
// Finds every `aliases` phrase in a text in one pass (CONTENT-MODEL.md, "Cross-references":
// "every aliases phrase"; docs/cross-references.md: one pass over the text, not one search per alias).

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::link {

/// An Aho-Corasick automaton over lowercased phrases. Matching is case-insensitive for ASCII
/// letters, whole words only, and leftmost-longest: where phrases overlap, the one that starts
/// first wins, and of those starting at one place the longest.
class AliasMatcher {
 public:
  struct Match {
    std::size_t begin = 0;
    std::size_t end = 0;
    int value = 0;  // what add() was given for the phrase
  };

  /// Adds `phrase`; a phrase added twice keeps its first value. Empty phrases are ignored.
  void add(std::string_view phrase, int value);
  /// Builds the failure links; call once after the last add().
  void build();
  bool empty() const { return nodes_.size() <= 1; }

  /// Non-overlapping whole-word matches in `text` that start in [from, to), in order. Word
  /// boundaries are checked against the whole `text`, so a window can be scanned alone.
  std::vector<Match> find(std::string_view text, std::size_t from, std::size_t to) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::int32_t>> next;  // sorted by byte
    std::int32_t fail = 0;
    std::int32_t output = -1;  // longest phrase ending here (its node), else via `dict`
    std::int32_t dict = -1;    // nearest node on the failure chain that ends a phrase
    std::int32_t depth = 0;
    int value = -1;            // >= 0 if a phrase ends exactly here
  };
  std::int32_t child(std::int32_t node, unsigned char c) const;
  std::vector<Node> nodes_{Node{}};
  // The root's children by byte, filled by build(): most bytes of a text are read at the
  // root, and a table spares them the search of its long list of first letters.
  std::array<std::int32_t, 256> root_{};
  bool root_ready_ = false;
  // Filled by build(), for find(): every node's move on every byte, failure links followed
  // in advance, so a byte of text costs one look-up. Bytes are numbered by class (one class
  // per byte some phrase holds, after folding; class 0 for all others), and row `node` holds
  // the node's moves by class.
  std::array<std::uint16_t, 256> byte_class_{};
  std::size_t classes_ = 1;
  std::vector<std::int32_t> moves_;
  std::vector<std::int32_t> first_output_;  // the node itself if a phrase ends there, else `dict`
};

/// Keeps the leftmost of overlapping spans, and of spans starting at one place the longest;
/// drops the rest. `T` has `begin` and `end`. Used for alias matches and for choosing between
/// aliases and numbered mentions, so both follow the same rule.
template <class T>
std::vector<T> leftmost_longest(std::vector<T> spans) {
  std::stable_sort(spans.begin(), spans.end(), [](const T& a, const T& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<T> out;
  for (const T& s : spans)
    if (out.empty() || s.begin >= out.back().end) out.push_back(s);
  return out;
}

/// True for bytes that belong to words: ASCII letters and digits, and any non-ASCII byte.
/// Prefer word_before / word_at, which also know Unicode punctuation.
inline bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/// Whether the character that starts at byte `pos` (ends just before it, for word_before) is
/// part of a word. Non-ASCII letters are; no-break space, Latin-1 signs, General Punctuation
/// (dashes, curly quotes, ellipsis) and CJK punctuation are not, so "“zero draft”" and "17–22"
/// have word boundaries where a reader sees them.
bool word_at(std::string_view text, std::size_t pos);
bool word_before(std::string_view text, std::size_t pos);

}  // namespace travaux::link
