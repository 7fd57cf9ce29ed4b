#pragma once
// A cursor over plain text for the mention scanners (mention_scanner.cpp,
// letter_date_mentions.cpp): each matcher advances only when it succeeds, so a failed
// alternative costs nothing to undo (copy the cursor, try, assign back on success).

#include <optional>
#include <string_view>

#include "link/alias_matcher.h"

namespace travaux::link {

struct TextCursor {
  std::string_view text;
  std::size_t at = 0;

  unsigned char peek(std::size_t ahead = 0) const {
    return at + ahead < text.size() ? static_cast<unsigned char>(text[at + ahead]) : 0;
  }
  bool word_ends(std::size_t pos) const { return !word_at(text, pos); }
  /// Spaces and tabs (soft breaks are spaces in block text); true if at least one.
  bool spaces() {
    std::size_t start = at;
    while (peek() == ' ' || peek() == '\t' || (peek() == 0xC2 && peek(1) == 0xA0)) at += peek() == 0xC2 ? 2 : 1;
    return at > start;
  }
  /// `w` (lowercase) as a whole word, any case.
  bool word(std::string_view w) {
    if (at + w.size() > text.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[at + i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if (c != static_cast<unsigned char>(w[i])) return false;
    }
    if (is_word_byte(static_cast<unsigned char>(w.back())) && !word_ends(at + w.size())) return false;
    at += w.size();
    return true;
  }
  bool literal(std::string_view s) {
    if (text.substr(at, s.size()) != s) return false;
    at += s.size();
    return true;
  }
  /// 1 to `max_digits` digits ending the word (a trailing ordinal suffix such as "th" is the
  /// caller's business: with `suffix_ok` the digits may be followed by letters), and not part
  /// of "7.2", "71/280" or "1,000".
  std::optional<int> number(std::size_t max_digits = 4, bool suffix_ok = false) {
    std::size_t end = at;
    while (end < text.size() && end - at <= max_digits && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || end - at > max_digits) return std::nullopt;
    if (!suffix_ok && !word_ends(end)) return std::nullopt;
    if (end + 1 < text.size() && (text[end] == '.' || text[end] == '/' || text[end] == ',') &&
        text[end + 1] >= '0' && text[end + 1] <= '9')
      return std::nullopt;
    int n = 0;
    for (std::size_t i = at; i < end; ++i) n = n * 10 + (text[i] - '0');
    if (n == 0) return std::nullopt;
    at = end;
    return n;
  }
};

}  // namespace travaux::link
