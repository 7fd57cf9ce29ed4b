#pragma once
// Case and diacritics folding, and the split into words, that the search index and the
// search script share (docs/search.md, "Words and folding"). The script does the same with
// String.prototype.normalize("NFD"); the two must agree on every word, or a word written
// with an accent could never be found.

#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// NFD, then combining diacritical marks U+0300-U+036F removed, then Unicode lowercase (root
/// locale), then final sigma as sigma: "Gómez" -> "gomez", "Ἀθῆναι" -> "αθηναι". Invalid
/// UTF-8 becomes U+FFFD. Uses ICU, as the script uses the browser's own normalizer.
std::string search_fold(std::string_view text);

/// The words of already folded text: maximal runs of letters, marks and digits (Unicode
/// general categories L, M, N), the same as /[\p{L}\p{M}\p{N}]+/gu in the script.
std::vector<std::string> search_words(std::string_view folded);

/// The next of those words at or after `pos`, without a copy: sets `word` (a part of
/// `folded`) and moves `pos` past it; false when there is none.
bool next_search_word(std::string_view folded, std::size_t& pos, std::string_view& word);

/// search_words(search_fold(text)).
std::vector<std::string> search_terms(std::string_view text);

}  // namespace travaux::render
