#pragma once
// Letters named by their date: "our letter of 28 February", "my letter dated 5 February 2018",
// "the letter of February 28, 2018" (CONTENT-MODEL.md, "Cross-references"). The scanner reads
// plain text; LetterDateIndex decides which letter a mention names, for the document it is in.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/archive.h"

namespace travaux::link {

/// "letter of 28 February 2018": the link covers "letter" to the end of the date.
struct LetterDateMention {
  std::size_t begin = 0;
  std::size_t end = 0;
  int day = 0;
  int month = 0;
  std::optional<int> year;  // absent when the text leaves it out ("28 February")
};

/// Mentions that start in [from, to) of `text`, in order. One pass: each candidate is read
/// from a word "letter" with a bounded look-ahead. Word boundaries are checked against the
/// whole text, and a mention is read to its end even past `to`.
std::vector<LetterDateMention> scan_letter_date_mentions(std::string_view text, std::size_t from, std::size_t to);

/// Every published letter by its date, built once per archive and read by every document.
class LetterDateIndex {
 public:
  explicit LetterDateIndex(const model::Archive& archive);

  /// What a mention names, seen from the document it stands in.
  struct Resolution {
    enum class Problem { none, not_a_day, no_year, no_letter, ambiguous };
    const model::Document* letter = nullptr;  // null: not linked; `problem` and `why` say why
    Problem problem = Problem::none;
    model::Date date;                         // the date meant, year inferred if omitted
    std::string why;
    std::vector<const model::Document*> candidates;  // the letters of that date, if several
  };
  Resolution resolve(const model::Document& doc, const LetterDateMention& m) const;

 private:
  std::unordered_map<long, std::vector<const model::Document*>> by_day_;  // days since epoch
};

}  // namespace travaux::link
