// The search index's keys and postings (docs/search.md, "Shard format").
#include "render/search_keys.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <xxhash.h>

#include "render/search_fold.h"

namespace travaux::render {

namespace {

std::uint64_t hash_text(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

/// Spreads a pair's two word ids over the parts (the ids' low bits are a word's own part).
std::size_t pair_part(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 60); }

constexpr std::uint32_t kPartBits = 4;
static_assert(KeyDictionary::kParts == 1u << kPartBits);

}  // namespace

std::size_t DocKeys::Hash::operator()(std::string_view s) const { return hash_text(s); }

std::uint32_t DocKeys::add_key(std::string_view key, bool card) {
  if (auto it = index_.find(key); it != index_.end()) {
    words_[it->second].card |= card;
    return it->second;
  }
  const auto number = static_cast<std::uint32_t>(words_.size());
  const auto& stored = index_.emplace(std::string(key), number).first->first;
  words_.push_back({stored, hash_text(stored), card});
  return number;
}

void DocKeys::add_field(std::string_view text, bool card) {
  const std::string folded = search_fold(text);
  std::size_t pos = 0;
  std::string_view word;
  bool has_previous = false;
  std::uint32_t previous = 0;
  while (next_search_word(folded, pos, word)) {
    const std::uint32_t number = add_key(word, card);
    if (has_previous) {
      const std::uint64_t key = static_cast<std::uint64_t>(previous) << 32 | number;
      const auto [it, added] = pair_index_.try_emplace(key, static_cast<std::uint32_t>(pairs_.size()));
      if (added) pairs_.push_back({previous, number, card});
      else pairs_[it->second].card |= card;
    }
    previous = number;
    has_previous = true;
  }
}

void KeyDictionary::add_batch(const std::vector<DocKeys>& batch, std::uint32_t first) {
  // Words: each part takes the words whose hash falls in it, document by document, and
  // records each one's archive-wide id (index << kPartBits | part) for the pairs below.
  std::vector<std::vector<std::uint32_t>> ids(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) ids[i].resize(batch[i].words().size());
  tbb::parallel_for(std::size_t{0}, kParts, [&](std::size_t p) {
    WordPart& part = words_[p];
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const auto& words = batch[i].words();
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].hash % kParts != p) continue;
        const KeyView view{words[w].text, words[w].hash};
        auto it = part.index.find(view);
        if (it == part.index.end()) {
          it = part.index.emplace(Key{std::string(view.text), view.hash}, static_cast<std::uint32_t>(part.text.size())).first;
          part.text.push_back(&it->first.text);
          part.postings.emplace_back();
        }
        Postings& postings = part.postings[it->second];
        postings.all.push_back(first + static_cast<std::uint32_t>(i));
        if (words[w].card) postings.card.push_back(first + static_cast<std::uint32_t>(i));
        ids[i][w] = it->second << kPartBits | static_cast<std::uint32_t>(p);
      }
    }
  });
  // Pairs: each document's pairs as archive-wide keys, sorted into their parts, then merged.
  struct PairKey {
    std::uint64_t key;
    bool card;
  };
  std::vector<std::vector<PairKey>> by_part(batch.size() * kParts);
  tbb::parallel_for(std::size_t{0}, batch.size(), [&](std::size_t i) {
    for (const auto& pair : batch[i].pairs()) {
      const std::uint64_t key = static_cast<std::uint64_t>(ids[i][pair.first]) << 32 | ids[i][pair.second];
      by_part[i * kParts + pair_part(key)].push_back({key, pair.card});
    }
  });
  tbb::parallel_for(std::size_t{0}, kParts, [&](std::size_t p) {
    PairPart& part = pairs_[p];
    for (std::size_t i = 0; i < batch.size(); ++i)
      for (const auto& [key, card] : by_part[i * kParts + p]) {
        const auto [it, added] = part.index.try_emplace(key, static_cast<std::uint32_t>(part.key.size()));
        if (added) {
          part.key.push_back(key);
          part.postings.emplace_back();
        }
        Postings& postings = part.postings[it->second];
        postings.all.push_back(first + static_cast<std::uint32_t>(i));
        if (card) postings.card.push_back(first + static_cast<std::uint32_t>(i));
      }
  });
}

KeyDictionary::Sorted KeyDictionary::sorted() const {
  Sorted out;
  struct Ranked {
    const std::string* text;
    std::uint32_t id;
  };
  std::vector<Ranked> words;
  for (std::size_t p = 0; p < kParts; ++p)
    for (std::size_t k = 0; k < words_[p].text.size(); ++k)
      words.push_back({words_[p].text[k], static_cast<std::uint32_t>(k << kPartBits | p)});
  tbb::parallel_sort(words.begin(), words.end(), [](const Ranked& a, const Ranked& b) { return *a.text < *b.text; });
  // rank[part][index]: a word's place in byte order.
  std::vector<std::uint32_t> rank[kParts];
  for (std::size_t p = 0; p < kParts; ++p) rank[p].resize(words_[p].text.size());
  out.words.reserve(words.size());
  for (std::size_t r = 0; r < words.size(); ++r) {
    const std::uint32_t part = words[r].id & (kParts - 1), index = words[r].id >> kPartBits;
    rank[part][index] = static_cast<std::uint32_t>(r);
    out.words.emplace_back(words[r].text, &words_[part].postings[index]);
  }
  auto rank_of = [&](std::uint32_t id) { return rank[id & (kParts - 1)][id >> kPartBits]; };
  for (std::size_t p = 0; p < kParts; ++p)
    for (std::size_t k = 0; k < pairs_[p].key.size(); ++k) {
      const std::uint64_t key = pairs_[p].key[k];
      out.pairs.push_back({rank_of(static_cast<std::uint32_t>(key >> 32)), rank_of(static_cast<std::uint32_t>(key)), &pairs_[p].postings[k]});
    }
  tbb::parallel_sort(out.pairs.begin(), out.pairs.end(), [](const Sorted::Pair& a, const Sorted::Pair& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  return out;
}

}  // namespace travaux::render
