// Numbered mentions of objectives, paragraphs and rounds (CONTENT-MODEL.md,
// "Cross-references": "Objective(s) N(, M and K)", "paragraph N", "first round", "round N").
#include "link/mention_scanner.h"

#include <array>

#include "link/alias_matcher.h"
#include "link/text_cursor.h"

namespace travaux::link {

namespace {

constexpr std::array<std::string_view, 12> kOrdinals = {"first", "second", "third", "fourth", "fifth", "sixth",
                                                        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};

/// The scanner's cursor: the shared one, plus ordinals ("first" ... "twelfth").
struct Cursor : TextCursor {
  std::optional<int> ordinal() {
    for (std::size_t i = 0; i < kOrdinals.size(); ++i)
      if (word(kOrdinals[i])) return static_cast<int>(i) + 1;
    return std::nullopt;
  }
};

/// ", " / " and " / ", and " / " & " between list items.
bool list_separator(Cursor& c) {
  Cursor t = c;
  bool comma = false;
  t.spaces();
  if (t.literal(",")) comma = true;
  t.spaces();
  bool conj = t.word("and") || t.word("or") || t.literal("&");
  if (!comma && !conj) return false;
  if (!t.spaces() && conj) return false;
  t.spaces();
  c = t;
  return true;
}

/// " to ", "-", "–", " through " between the ends of a range.
bool range_separator(Cursor& c) {
  Cursor t = c;
  t.spaces();
  if (t.literal("-") || t.literal("\xE2\x80\x93") || t.literal("\xE2\x80\x94")) {
    t.spaces();
    c = t;
    return true;
  }
  if ((t.word("to") || t.word("through")) && t.spaces()) {
    c = t;
    return true;
  }
  return false;
}

/// The numbers after a keyword that starts at `begin`; the cursor sits on the first digit.
bool number_list(Cursor& c, std::size_t begin, NumberedMention& m) {
  auto first = c.number();
  if (!first) return false;
  m.items.push_back({begin, c.at, *first, 0});
  for (;;) {
    Cursor t = c;
    if (range_separator(t)) {
      std::size_t b = t.at;
      if (auto n = t.number()) {
        m.items.push_back({b, t.at, *n, m.items.back().number});
        c = t;
        continue;
      }
    }
    t = c;
    if (list_separator(t)) {
      std::size_t b = t.at;
      if (auto n = t.number()) {
        m.items.push_back({b, t.at, *n, 0});
        c = t;
        continue;
      }
    }
    break;
  }
  m.end = c.at;
  return true;
}

/// " of <name>": where the name starts, for the "of" rule.
std::optional<std::size_t> of_name(Cursor c) {
  if (!c.spaces() || !c.word("of") || !c.spaces()) return std::nullopt;
  if (c.at >= c.text.size()) return std::nullopt;
  return c.at;
}

std::optional<NumberedMention> keyword_mention(std::string_view text, std::size_t at) {
  using Kind = NumberedMention::Kind;
  struct Keyword {
    std::string_view word;
    Kind kind;
  };
  static constexpr Keyword kKeywords[] = {
      {"objectives", Kind::objective}, {"objective", Kind::objective}, {"paragraphs", Kind::paragraph},
      {"paragraph", Kind::paragraph},  {"paras.", Kind::paragraph},    {"para.", Kind::paragraph},
      {"paras", Kind::paragraph},      {"para", Kind::paragraph},      {"rounds", Kind::round},
      {"round", Kind::round}};
  for (const auto& k : kKeywords) {
    Cursor c{{text, at}};
    if (!c.word(k.word) || !c.spaces()) continue;
    NumberedMention m;
    m.kind = k.kind;
    m.begin = at;
    if (!number_list(c, at, m)) continue;
    if (m.kind != Kind::round) m.of_name = of_name(c);
    return m;
  }
  return std::nullopt;
}

/// "third round", "first and second rounds", "the third round of intergovernmental negotiations".
std::optional<NumberedMention> ordinal_mention(std::string_view text, std::size_t at) {
  Cursor c{{text, at}};
  NumberedMention m;
  m.kind = NumberedMention::Kind::round;
  m.begin = at;
  std::size_t b = c.at;
  auto n = c.ordinal();
  if (!n) return std::nullopt;
  m.items.push_back({b, c.at, *n, 0});
  for (;;) {
    Cursor t = c;
    if (!list_separator(t)) break;
    b = t.at;
    auto next = t.ordinal();
    if (!next) break;
    m.items.push_back({b, t.at, *next, 0});
    c = t;
  }
  if (!c.spaces()) return std::nullopt;
  // "the first and second round(s)": a list takes either number; one ordinal needs "round".
  const bool single = m.items.size() == 1;
  if (!(single ? c.word("round") : (c.word("rounds") || c.word("round")))) return std::nullopt;
  if (single) {
    Cursor t = c;
    if (t.spaces() && t.word("of") && t.spaces() && (t.word("the"), t.spaces(), true) &&
        ((t.word("intergovernmental") && t.spaces() && t.word("negotiations")) || t.word("negotiations")))
      c = t;
    m.items.back().end = c.at;
  }
  m.end = c.at;
  return m;
}

}  // namespace

std::vector<NumberedMention> scan_numbered_mentions(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<NumberedMention> out;
  to = std::min(to, text.size());
  auto letter = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  for (std::size_t i = from; i < to; ++i) {
    if (!letter(i)) continue;
    std::optional<NumberedMention> m;
    if (!word_before(text, i)) {
      // Only words that begin like a keyword (objective, paragraph, para., round) or an
      // ordinal (first ... twelfth) are tried.
      const char lower = static_cast<char>(text[i] | 0x20);
      if (lower == 'o' || lower == 'p' || lower == 'r') m = keyword_mention(text, i);
      if (!m && (lower == 'f' || lower == 's' || lower == 't' || lower == 'e' || lower == 'n')) m = ordinal_mention(text, i);
    }
    if (!m) {
      // The rest of this word's letters have a letter before them: none starts a mention.
      while (i + 1 < to && letter(i + 1)) ++i;
      continue;
    }
    i = m->end - 1;
    out.push_back(std::move(*m));
  }
  return out;
}

std::string_view mention_noun(NumberedMention::Kind kind) {
  switch (kind) {
    case NumberedMention::Kind::objective: return "Objective";
    case NumberedMention::Kind::paragraph: return "paragraph";
    case NumberedMention::Kind::round: return "round";
  }
  return "";
}

}  // namespace travaux::link
