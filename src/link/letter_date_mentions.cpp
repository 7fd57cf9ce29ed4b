// Letters named by their date (CONTENT-MODEL.md, "Cross-references": "our letter of
// 28 February", "my letter dated 5 February 2018"; the year inferred when omitted; ties broken
// by a shared sender). See docs/cross-references.md, "Letters named by their date".
#include "link/letter_date_mentions.h"

#include <algorithm>
#include <array>

#include "link/alias_matcher.h"
#include "link/text_cursor.h"

namespace travaux::link {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

/// Words that make "letter" indefinite ("a letter of 5 March"): not a particular letter, so
/// not a mention. Any other word before it (our, my, the, their, his, her, this Office's, a
/// possessive, or none) is.
constexpr std::array<std::string_view, 9> kIndefinite = {"a",   "an", "another", "any", "each",
                                                         "every", "no", "one",   "some"};

bool ascii_eq_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

/// The word that ends just before `at`, across spaces ("" if none).
std::string_view previous_word(std::string_view text, std::size_t at) {
  std::size_t e = at;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  std::size_t b = e;
  while (b > 0 && is_word_byte(static_cast<unsigned char>(text[b - 1]))) --b;
  return text.substr(b, e - b);
}

std::optional<int> month(TextCursor& c) {
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (c.word(kMonths[i])) return static_cast<int>(i) + 1;
  return std::nullopt;
}

/// A day of the month: "28", "28th", "1st", "2nd", "3rd".
std::optional<int> day(TextCursor& c) {
  TextCursor t = c;
  auto n = t.number(2, true);
  if (!n || *n > 31) return std::nullopt;
  if (!t.word_ends(t.at) && !(t.word("st") || t.word("nd") || t.word("rd") || t.word("th"))) return std::nullopt;
  c = t;
  return n;
}

/// ", 2018" or " 2018" after the day and month: four digits.
std::optional<int> year(TextCursor& c) {
  TextCursor t = c;
  t.literal(",");
  if (!t.spaces()) return std::nullopt;
  const std::size_t start = t.at;
  auto n = t.number(4);
  if (!n || t.at - start != 4) return std::nullopt;
  c = t;
  return n;
}

/// "28 February 2018", "28th of February", "February 28, 2018", "February 28th".
bool date(TextCursor& c, LetterDateMention& m) {
  TextCursor t = c;
  if (t.word("the") && !t.spaces()) return false;  // "the 28th of February"
  if (auto d = day(t)) {
    if (!t.spaces()) return false;
    TextCursor of = t;
    if (of.word("of") && of.spaces()) t = of;
    auto mo = month(t);
    if (!mo) return false;
    m.day = *d;
    m.month = *mo;
  } else {
    t = c;
    auto mo = month(t);
    if (!mo || !t.spaces()) return false;
    auto dd = day(t);
    if (!dd) return false;
    m.day = *dd;
    m.month = *mo;
  }
  m.year = year(t);
  c = t;
  return true;
}

std::optional<LetterDateMention> mention_at(std::string_view text, std::size_t at) {
  TextCursor c{text, at};
  if (!c.word("letter") || !c.spaces() || !(c.word("of") || c.word("dated")) || !c.spaces()) return std::nullopt;
  const std::string_view before = previous_word(text, at);
  for (std::string_view w : kIndefinite)
    if (ascii_eq_lower(before, w)) return std::nullopt;
  LetterDateMention m;
  m.begin = at;
  if (!date(c, m)) return std::nullopt;
  m.end = c.at;
  return m;
}

/// The latest year that puts day/month on or before `on` (29 February: the latest leap year).
std::optional<model::Date> infer_year(int day, int month, const model::Date& on) {
  for (int y = on.year, tries = 0; y >= 1 && tries < 9; --y, ++tries) {
    const model::Date d{y, month, day};
    if (d.valid() && d <= on) return d;
  }
  return std::nullopt;
}

std::string id_list(const std::vector<const model::Document*>& docs) {
  std::string s;
  for (const auto* d : docs) s += (s.empty() ? "" : ", ") + d->id;
  return s;
}

}  // namespace

std::vector<LetterDateMention> scan_letter_date_mentions(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<LetterDateMention> out;
  to = std::min(to, text.size());
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] != 'l' && text[i] != 'L') continue;
    if (word_before(text, i)) continue;
    auto m = mention_at(text, i);
    if (!m) continue;
    i = m->end - 1;
    out.push_back(*m);
  }
  return out;
}

LetterDateIndex::LetterDateIndex(const model::Archive& archive) {
  // Documents come in archive order (kind, date, id), so each list is in a stable order.
  for (const auto& d : archive.documents)
    if (d.kind == model::Kind::letter && d.date.valid()) by_day_[d.date.days_since_epoch()].push_back(&d);
}

LetterDateIndex::Resolution LetterDateIndex::resolve(const model::Document& doc, const LetterDateMention& m) const {
  Resolution r;
  if (m.year) {
    r.date = {*m.year, m.month, m.day};
    if (!r.date.valid()) {
      r.problem = Resolution::Problem::not_a_day;
      r.why = "there is no such day";
      return r;
    }
  } else if (!doc.date.valid()) {
    r.problem = Resolution::Problem::no_year;
    r.why = "the year is not written and this document has no date to infer it from";
    return r;
  } else if (auto d = infer_year(m.day, m.month, doc.date)) {
    r.date = *d;
  } else {
    r.problem = Resolution::Problem::not_a_day;
    r.why = "there is no such day";
    return r;
  }
  const std::string inferred = m.year ? "" : " (the year inferred from this document's date, " + doc.date.iso() + ")";
  auto it = by_day_.find(r.date.days_since_epoch());
  if (it == by_day_.end()) {
    r.problem = Resolution::Problem::no_letter;
    r.why = "the archive has no letter dated " + r.date.iso() + inferred;
    return r;
  }
  const auto& all = it->second;
  if (all.size() == 1) {
    r.letter = all.front();
    return r;
  }
  // Several letters of that date: the one written by a sender of this document.
  std::vector<const model::Document*> shared;
  for (const auto* l : all) {
    const bool same = std::any_of(l->from.begin(), l->from.end(), [&](const std::string& p) {
      return std::find(doc.from.begin(), doc.from.end(), p) != doc.from.end();
    });
    if (same) shared.push_back(l);
  }
  if (shared.size() == 1) {
    r.letter = shared.front();
    return r;
  }
  r.problem = Resolution::Problem::ambiguous;
  r.candidates = shared.empty() ? all : shared;
  r.why = std::to_string(all.size()) + " letters are dated " + r.date.iso() + inferred + " (" + id_list(all) +
          ") and " +
          (shared.size() > 1       ? std::to_string(shared.size()) + " share a sender with this document"
           : doc.from.empty()      ? "this document names no sender to choose by"
                                   : "none shares a sender with this document");
  return r;
}

}  // namespace travaux::link
