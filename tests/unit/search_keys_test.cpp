// Tests for render/search_keys.cpp: the dictionary's keys must come out in the byte order of
// their text (the order the shards and the script's binary search rely on, docs/search.md,
// "Shard format"), pairs included, with every document that holds them in order.
#include "render/search_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace travaux::render {
namespace {

struct Flat {
  std::vector<std::string> words, pairs;
  std::vector<std::vector<std::uint32_t>> word_docs, word_card, pair_docs, pair_card;
};

Flat flatten(KeyDictionary& dictionary) {
  const KeyDictionary::Sorted sorted = dictionary.sorted();
  Flat out;
  for (const auto& [text, postings] : sorted.words) {
    out.words.push_back(*text);
    out.word_docs.emplace_back(postings->all.begin(), postings->all.end());
    out.word_card.emplace_back(postings->card.begin(), postings->card.end());
  }
  for (const auto& pair : sorted.pairs) {
    out.pairs.push_back(*sorted.words[pair.first].first + " " + *sorted.words[pair.second].first);
    out.pair_docs.emplace_back(pair.postings->all.begin(), pair.postings->all.end());
    out.pair_card.emplace_back(pair.postings->card.begin(), pair.postings->card.end());
  }
  return out;
}

TEST(SearchKeys, WordsAndPairsComeOutInTheByteOrderOfTheirText) {
  // Words that are prefixes of one another, digits, and letters past ASCII: "ab c" must sort
  // before "abc a", and "ж" (0xD0 0xB6, which folding keeps) after every ASCII word.
  std::vector<DocKeys> batch(2);
  batch[0].add_field("abc a ab c ab z ж b 10 2", false);
  batch[1].add_field("b ж ab c ab", false);
  batch[1].add_key("=ab c", true);
  batch[1].add_key("kind:letter", false);
  KeyDictionary dictionary;
  dictionary.add_batch(batch, 0);
  const Flat flat = flatten(dictionary);

  EXPECT_TRUE(std::is_sorted(flat.words.begin(), flat.words.end()));
  EXPECT_TRUE(std::is_sorted(flat.pairs.begin(), flat.pairs.end()));
  EXPECT_EQ(flat.words, (std::vector<std::string>{"10", "2", "=ab c", "a", "ab", "abc", "b", "c", "kind:letter", "z", "ж"}));
  EXPECT_EQ(flat.pairs, (std::vector<std::string>{"10 2", "a ab", "ab c", "ab z", "abc a", "b 10", "b ж", "c ab",
                                                  "z ж", "ж ab", "ж b"}));
}

TEST(SearchKeys, PostingsListEveryDocumentInOrderAndMarkTheCard) {
  KeyDictionary dictionary;
  // Two batches, numbered on from the first, a word repeated within a document counted once.
  std::vector<DocKeys> first(2), second(1);
  first[0].add_field("global compact global compact", false);
  first[1].add_field("Global Compact", true);  // a title: in the card
  second[0].add_field("compact global", false);
  second[0].add_field("global", true);
  dictionary.add_batch(first, 0);
  dictionary.add_batch(second, 2);
  const Flat flat = flatten(dictionary);

  ASSERT_EQ(flat.words, (std::vector<std::string>{"compact", "global"}));
  EXPECT_EQ(flat.word_docs[0], (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(flat.word_card[0], (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(flat.word_docs[1], (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(flat.word_card[1], (std::vector<std::uint32_t>{1, 2}));
  ASSERT_EQ(flat.pairs, (std::vector<std::string>{"compact global", "global compact"}));
  EXPECT_EQ(flat.pair_docs[0], (std::vector<std::uint32_t>{0, 2}));  // "compact global" also ends doc 0's repeat
  EXPECT_TRUE(flat.pair_card[0].empty());
  EXPECT_EQ(flat.pair_docs[1], (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(flat.pair_card[1], (std::vector<std::uint32_t>{1}));
}

TEST(SearchKeys, ManyKeysAndFarApartDocumentsSurviveTheLog) {
  // The log writes keys and gaps between documents as varints in 64 KB chunks
  // (docs/search.md, "Memory"): 200,000 words make key numbers of three bytes and entries that
  // straddle chunks, and a second batch numbered 1,000,000 makes a gap of three bytes.
  constexpr int kWords = 200000;
  std::string all, some;
  for (int i = 0; i < kWords; ++i) {
    all += "w" + std::to_string(i) + " ";
    if (i % 7 == 0) some += "w" + std::to_string(i) + " ";
  }
  std::vector<DocKeys> first(1), second(1);
  first[0].add_field(all, false);
  second[0].add_field(some, true);
  KeyDictionary dictionary;
  dictionary.add_batch(first, 0);
  dictionary.add_batch(second, 1000000);
  const Flat flat = flatten(dictionary);

  ASSERT_EQ(flat.words.size(), static_cast<std::size_t>(kWords));
  std::size_t checked = 0;
  for (std::size_t k = 0; k < flat.words.size(); ++k) {
    const bool in_second = std::stoi(flat.words[k].substr(1)) % 7 == 0;
    const std::vector<std::uint32_t> docs = in_second ? std::vector<std::uint32_t>{0, 1000000} : std::vector<std::uint32_t>{0};
    const std::vector<std::uint32_t> card = in_second ? std::vector<std::uint32_t>{1000000} : std::vector<std::uint32_t>{};
    if (flat.word_docs[k] != docs || flat.word_card[k] != card) {
      ADD_FAILURE() << flat.words[k] << " lost its documents";
      break;
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<std::size_t>(kWords));
  // Every pair of neighbours in the first document, and the second's (w0 w7, ...) in its card.
  EXPECT_EQ(flat.pairs.size(), static_cast<std::size_t>(kWords - 1 + (kWords - 1) / 7));
  const auto w0w7 = std::find(flat.pairs.begin(), flat.pairs.end(), "w0 w7");
  ASSERT_NE(w0w7, flat.pairs.end());
  const auto at = static_cast<std::size_t>(w0w7 - flat.pairs.begin());
  EXPECT_EQ(flat.pair_docs[at], (std::vector<std::uint32_t>{1000000}));
  EXPECT_EQ(flat.pair_card[at], (std::vector<std::uint32_t>{1000000}));
}

}  // namespace
}  // namespace travaux::render
