#pragma once
// Finding the paragraphs worth comparing without comparing all pairs (docs/drafts-and-changes.md,
// "How two versions are compared"): words interned as integers, and an inverted index from each
// rare word to the paragraphs that hold it.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "markdown/outline.h"

namespace travaux::diff {

/// Lowercase words as small integers, shared by both versions of one comparison.
class WordIds {
 public:
  std::uint32_t id(const std::string& lowercase_word);

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

/// The lowercase words of `atoms` that count (letters and digits; no punctuation or markup),
/// as sorted ids with repeats: a multiset, as similarity() measures it.
std::vector<std::uint32_t> word_ids(const std::vector<markdown::Atom>& atoms, WordIds& ids);

/// How many words two sorted multisets share.
std::size_t shared_words(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
/// Dice coefficient of two sorted multisets (1 for two empty ones).
double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
/// Share of `part`'s words found in `whole`.
double contained(const std::vector<std::uint32_t>& part, const std::vector<std::uint32_t>& whole);

/// An inverted index over a set of word multisets. query() returns the few items that share
/// the most of a text's rarest words. Words held by more than kMaxPosting items say nothing
/// about which item is meant and are skipped, so a query costs at most
/// kRareWords * kMaxPosting steps whatever the size of the draft.
class SimilarIndex {
 public:
  static constexpr std::size_t kMaxPosting = 200;
  static constexpr std::size_t kRareWords = 16;

  /// `bags[i]` is item i's sorted word multiset; the index keeps no reference to it.
  explicit SimilarIndex(const std::vector<const std::vector<std::uint32_t>*>& bags);

  /// Up to `limit` items sharing the most rare words with `bag`, most first, then by index.
  std::vector<std::size_t> query(const std::vector<std::uint32_t>& bag, std::size_t limit) const;

 private:
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> postings_;
  mutable std::vector<std::uint32_t> score_;    // scratch, per item
  mutable std::vector<std::size_t> touched_;    // scratch
};

}  // namespace travaux::diff
