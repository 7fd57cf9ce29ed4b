// The alias automaton (CONTENT-MODEL.md, "Cross-references": aliases, longest match wins).
#include "link/alias_matcher.h"

#include <algorithm>
#include <deque>

namespace travaux::link {

namespace {

unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

/// The code point that starts at `pos` (0xFFFD if malformed), and its length.
char32_t decode(std::string_view text, std::size_t pos, std::size_t* len) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  std::size_t n = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (pos + n > text.size()) n = 1;
  *len = n;
  if (n == 1) return b0 < 0x80 ? b0 : 0xFFFD;
  char32_t cp = b0 & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  return cp;
}

bool word_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;  // no-break space, «», §, ·, ×, ÷ …
  if (c >= 0x2000 && c <= 0x206F) return false;           // dashes, quotes, ellipsis, spaces
  if (c >= 0x3000 && c <= 0x303F) return false;           // CJK punctuation
  if (c == 0xFEFF || c == 0xFFFD) return false;
  return true;
}

}  // namespace

bool word_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  std::size_t len = 0;
  return word_code_point(decode(text, pos, &len));
}

bool word_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t len = 0;
  char32_t c = decode(text, start, &len);
  if (start + len != pos) return true;  // malformed: keep it inside the word
  return word_code_point(c);
}

std::int32_t AliasMatcher::child(std::int32_t node, unsigned char c) const {
  if (node == 0 && root_ready_) return root_[c];
  const auto& next = nodes_[static_cast<std::size_t>(node)].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const auto& e, unsigned char b) { return e.first < b; });
  return it != next.end() && it->first == c ? it->second : -1;
}

void AliasMatcher::add(std::string_view phrase, int value) {
  if (phrase.empty()) return;
  root_ready_ = false;
  std::int32_t node = 0;
  for (unsigned char raw : phrase) {
    const unsigned char c = fold(raw);
    std::int32_t n = child(node, c);
    if (n < 0) {
      n = static_cast<std::int32_t>(nodes_.size());
      Node fresh;
      fresh.depth = nodes_[static_cast<std::size_t>(node)].depth + 1;
      nodes_.push_back(fresh);
      auto& next = nodes_[static_cast<std::size_t>(node)].next;
      next.insert(std::upper_bound(next.begin(), next.end(), std::pair<unsigned char, std::int32_t>{c, -1},
                                   [](const auto& a, const auto& b) { return a.first < b.first; }),
                  {c, n});
    }
    node = n;
  }
  if (nodes_[static_cast<std::size_t>(node)].value < 0) nodes_[static_cast<std::size_t>(node)].value = value;
}

void AliasMatcher::build() {
  std::deque<std::int32_t> queue;
  for (const auto& [c, n] : nodes_[0].next) {
    nodes_[static_cast<std::size_t>(n)].fail = 0;
    queue.push_back(n);
  }
  while (!queue.empty()) {
    const std::int32_t u = queue.front();
    queue.pop_front();
    for (const auto& [c, v] : nodes_[static_cast<std::size_t>(u)].next) {
      std::int32_t f = nodes_[static_cast<std::size_t>(u)].fail;
      while (f > 0 && child(f, c) < 0) f = nodes_[static_cast<std::size_t>(f)].fail;
      std::int32_t target = child(f, c);
      nodes_[static_cast<std::size_t>(v)].fail = (target >= 0 && target != v) ? target : 0;
      const Node& fn = nodes_[static_cast<std::size_t>(nodes_[static_cast<std::size_t>(v)].fail)];
      nodes_[static_cast<std::size_t>(v)].dict = fn.value >= 0 ? nodes_[static_cast<std::size_t>(v)].fail : fn.dict;
      queue.push_back(v);
    }
  }
  root_.fill(-1);
  for (const auto& [c, n] : nodes_[0].next) root_[c] = n;
  root_ready_ = true;

  // The moves table: a node's move on a byte is its child's, or else its failure node's move,
  // which breadth-first order has already filled (a failure node is shallower).
  byte_class_.fill(0);
  classes_ = 1;
  for (const Node& node : nodes_)
    for (const auto& [c, n] : node.next)
      if (!byte_class_[c]) byte_class_[c] = static_cast<std::uint16_t>(classes_++);
  for (int b = 'A'; b <= 'Z'; ++b) byte_class_[static_cast<std::size_t>(b)] = byte_class_[fold(static_cast<unsigned char>(b))];
  std::vector<unsigned char> byte_of(classes_, 0);
  for (int b = 0; b < 256; ++b)
    if (byte_class_[static_cast<std::size_t>(b)] && !(b >= 'A' && b <= 'Z')) byte_of[byte_class_[static_cast<std::size_t>(b)]] = static_cast<unsigned char>(b);
  moves_.assign(nodes_.size() * classes_, 0);
  first_output_.assign(nodes_.size(), -1);
  std::vector<std::int32_t> order{0};
  for (std::size_t k = 0; k < order.size(); ++k)
    for (const auto& [c, n] : nodes_[static_cast<std::size_t>(order[k])].next) order.push_back(n);
  for (const std::int32_t u : order) {
    const Node& node = nodes_[static_cast<std::size_t>(u)];
    first_output_[static_cast<std::size_t>(u)] = node.value >= 0 ? u : node.dict;
    std::int32_t* row = &moves_[static_cast<std::size_t>(u) * classes_];
    const std::int32_t* fail_row = &moves_[static_cast<std::size_t>(node.fail) * classes_];
    for (std::size_t k = 1; k < classes_; ++k) {
      const std::int32_t n = child(u, byte_of[k]);
      row[k] = n >= 0 ? n : u == 0 ? 0 : fail_row[k];
    }
  }
}

std::vector<AliasMatcher::Match> AliasMatcher::find(std::string_view text, std::size_t from, std::size_t to) const {
  std::vector<Match> all;
  if (empty()) return all;
  to = std::min(to, text.size());
  // A phrase edge that is itself punctuation ("(see") needs no boundary.
  auto starts_word = [&](std::size_t b) { return !word_before(text, b) || !word_at(text, b); };
  auto ends_word = [&](std::size_t e) { return !word_at(text, e) || !word_before(text, e); };
  std::int32_t state = 0;
  // A match starting before `to` may end after it: read on until no phrase can still be open.
  for (std::size_t i = from; i < text.size(); ++i) {
    if (i >= to && nodes_[static_cast<std::size_t>(state)].depth == 0) break;
    if (i >= to && i - static_cast<std::size_t>(nodes_[static_cast<std::size_t>(state)].depth) >= to) break;
    state = moves_[static_cast<std::size_t>(state) * classes_ + byte_class_[static_cast<unsigned char>(text[i])]];
    for (std::int32_t m = first_output_[static_cast<std::size_t>(state)]; m > 0; m = nodes_[static_cast<std::size_t>(m)].dict) {
      const Node& node = nodes_[static_cast<std::size_t>(m)];
      const std::size_t end = i + 1, begin = end - static_cast<std::size_t>(node.depth);
      if (begin < from || begin >= to) continue;
      if (starts_word(begin) && ends_word(end)) all.push_back({begin, end, node.value});
    }
  }
  return leftmost_longest(std::move(all));
}

}  // namespace travaux::link
