// Folding and word splitting for the search index (docs/search.md, "Words and folding").
#include "render/search_fold.h"

#include <algorithm>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace travaux::render {

std::string search_fold(std::string_view text) {
  // ASCII is its own NFD and has no marks: only its case changes. Most archive text is ASCII
  // line after line, and this skips three conversions for it.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  // fromUTF8 turns each ill-formed sequence into U+FFFD, as the contract's loader never lets
  // invalid UTF-8 this far anyway.
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c >= 0x0300 && c <= 0x036F) continue;
    stripped.append(c);
  }
  // The root locale's full lowercase mapping is what String.prototype.toLowerCase does.
  stripped.toLower(icu::Locale::getRoot());
  // Final sigma depends on the letters around it, which a query word typed alone does not
  // have: one sigma for both.
  stripped.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x03C2)), icu::UnicodeString(static_cast<UChar>(0x03C3)));
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

bool next_search_word(std::string_view folded, std::size_t& pos, std::string_view& word) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  auto i = static_cast<int32_t>(pos);
  int32_t begin = -1;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // In ASCII the letters and digits are exactly the letters, marks and numbers of Unicode;
    // deciding them here spares a call into ICU for nearly every character of the archive.
    const bool in_word = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                                  : (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
    if (in_word && begin < 0) begin = start;
    if (!in_word && begin >= 0) {
      i = start;
      break;
    }
  }
  pos = static_cast<std::size_t>(i);
  if (begin < 0) return false;
  word = folded.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin));
  return true;
}

std::vector<std::string> search_words(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  for (std::string_view word; next_search_word(folded, pos, word);) words.emplace_back(word);
  return words;
}

std::vector<std::string> search_terms(std::string_view text) { return search_words(search_fold(text)); }

}  // namespace travaux::render
