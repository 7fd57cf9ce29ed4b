// The search index's keys and postings (docs/search.md, "Shard format").
#include "render/search_keys.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <xxhash.h>

#include <array>

#include "render/search_fold.h"

namespace travaux::render {

namespace {

std::uint64_t hash_text(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

/// Spreads a pair's two word ids over the parts (the ids' low bits are a word's own part).
std::size_t pair_part(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 60); }

constexpr std::uint32_t kPartBits = 4;
static_assert(KeyDictionary::kParts == 1u << kPartBits);

/// The lookup tables of the last document sealed on this thread, cleared, with their capacity.
thread_local std::optional<DocKeys::Lookup> spare_lookup;

}  // namespace

DocKeys::Lookup& DocKeys::lookup() {
  if (!lookup_) {
    if (spare_lookup) {
      lookup_ = std::move(spare_lookup);
      spare_lookup.reset();
    } else {
      lookup_.emplace();
    }
  }
  return *lookup_;
}

void DocKeys::seal() {
  if (!lookup_) return;
  lookup_->words.clear();
  lookup_->pairs.clear();
  spare_lookup = std::move(lookup_);
  lookup_.reset();
}

std::uint32_t DocKeys::add_key(std::string_view key, bool card) {
  const std::uint64_t hash = hash_text(key);
  // A slot per 64-bit hash: a second word with the same hash probes the following values,
  // so the lookup stays exact.
  for (std::uint64_t slot = hash;; ++slot) {
    const auto [it, added] = lookup().words.try_emplace(slot, static_cast<std::uint32_t>(words_.size()));
    if (added) {
      words_.push_back({static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(key.size()), hash, card});
      arena_.append(key);
      return it->second;
    }
    Word& w = words_[it->second];
    if (text(w) == key) {
      w.card |= card;
      return it->second;
    }
  }
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
      const auto [it, added] = lookup().pairs.try_emplace(key, static_cast<std::uint32_t>(pairs_.size()));
      if (added) pairs_.push_back({previous, number, card});
      else pairs_[it->second].card |= card;
    }
    previous = number;
    has_previous = true;
  }
}

void KeyDictionary::Log::put(std::uint64_t v) {
  for (;;) {
    if (bytes_ % kChunk == 0) chunks_.push_back(std::make_unique_for_overwrite<std::uint8_t[]>(kChunk));
    const auto b = static_cast<std::uint8_t>(v & 0x7F);
    v >>= 7;
    chunks_.back()[bytes_++ % kChunk] = v ? b | 0x80 : b;
    if (!v) return;
  }
}

void KeyDictionary::Log::add(std::uint32_t key, std::uint32_t doc) {
  const std::uint32_t number = doc & ~kCard;
  if (number != doc_) put(std::uint64_t{number - doc_} << 1 | 1);
  doc_ = number;
  put(std::uint64_t{key} << 2 | ((doc & kCard) ? 2 : 0));
  ++size_;
}

KeyDictionary::KeyDictionary() {
  // The archive's pairs are most of its keys: a table up to 0.8 full instead of the default
  // 0.5 leaves fewer empty slots, and robin hood probing stays short at that load.
  for (auto& part : pairs_) part.index.max_load_factor(0.8f);
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
        const KeyView view{batch[i].text(words[w]), words[w].hash};
        auto it = part.index.find(view);
        if (it == part.index.end()) {
          it = part.index.emplace(Key{std::string(view.text), view.hash}, static_cast<std::uint32_t>(part.text.size())).first;
          part.text.push_back(&it->first.text);
        }
        part.log.add(it->second, (first + static_cast<std::uint32_t>(i)) | (words[w].card ? kCard : 0));
        ids[i][w] = it->second << kPartBits | static_cast<std::uint32_t>(p);
      }
    }
  });
  // Pairs: each document's pairs as archive-wide keys, grouped by part (a counting sort into
  // one array per document), then merged part by part.
  struct PairKey {
    std::uint64_t key;
    bool card;
  };
  struct ByPart {
    std::vector<PairKey> keys;
    std::array<std::uint32_t, kParts + 1> begin{};  // part p's keys: [begin[p], begin[p + 1])
  };
  std::vector<ByPart> by_part(batch.size());
  tbb::parallel_for(std::size_t{0}, batch.size(), [&](std::size_t i) {
    const auto& pairs = batch[i].pairs();
    std::vector<PairKey> keys(pairs.size());
    std::array<std::uint32_t, kParts + 1> count{};
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      keys[k] = {static_cast<std::uint64_t>(ids[i][pairs[k].first]) << 32 | ids[i][pairs[k].second], pairs[k].card};
      ++count[pair_part(keys[k].key) + 1];
    }
    ByPart& out = by_part[i];
    for (std::size_t p = 0; p < kParts; ++p) count[p + 1] += count[p];
    out.begin = count;
    out.keys.resize(keys.size());
    for (const PairKey& k : keys) out.keys[count[pair_part(k.key)]++] = k;
  });
  tbb::parallel_for(std::size_t{0}, kParts, [&](std::size_t p) {
    PairPart& part = pairs_[p];
    for (std::size_t i = 0; i < batch.size(); ++i)
      for (std::uint32_t k = by_part[i].begin[p]; k < by_part[i].begin[p + 1]; ++k) {
        const auto [key, card] = by_part[i].keys[k];
        const auto [it, added] = part.index.try_emplace(key, static_cast<std::uint32_t>(part.key.size()));
        if (added) part.key.push_back(key);
        part.log.add(it->second, (first + static_cast<std::uint32_t>(i)) | (card ? kCard : 0));
      }
  });
}

void KeyDictionary::group(const Log& log, std::size_t keys, std::vector<std::uint32_t>& documents,
                          Postings* out) {
  // A counting sort: the log is in document order, so each key's documents come out in order.
  std::vector<std::size_t> all(keys), card(keys);
  log.each([&](const Log::Entry& e) {
    ++all[e.key];
    if (e.doc & kCard) ++card[e.key];
  });
  std::size_t total = 0;
  for (std::size_t k = 0; k < keys; ++k) total += all[k] + card[k];
  documents.resize(total);
  std::size_t next = 0;
  for (std::size_t k = 0; k < keys; ++k) {
    const std::size_t begin = next;
    next += all[k] + card[k];
    out[k].all = {documents.data() + begin, all[k]};
    out[k].card = {documents.data() + begin + all[k], card[k]};
    all[k] = begin;  // from here on, where its next document goes
    card[k] = begin + out[k].all.size();
  }
  log.each([&](const Log::Entry& e) {
    const std::uint32_t doc = e.doc & ~kCard;
    documents[all[e.key]++] = doc;
    if (e.doc & kCard) documents[card[e.key]++] = doc;
  });
}

KeyDictionary::Sorted KeyDictionary::sorted() {
  Sorted out;
  for (auto& part : pairs_) part.index = {};
  // Where each part's postings start: the words' parts, then the pairs'.
  std::array<std::size_t, 2 * kParts + 1> first_key{};
  for (std::size_t p = 0; p < 2 * kParts; ++p)
    first_key[p + 1] = first_key[p] + (p < kParts ? words_[p].text.size() : pairs_[p - kParts].key.size());
  out.postings.resize(first_key.back());
  out.documents.resize(2 * kParts);
  tbb::parallel_for(std::size_t{0}, 2 * kParts, [&](std::size_t p) {
    Log& log = p < kParts ? words_[p].log : pairs_[p - kParts].log;
    group(log, first_key[p + 1] - first_key[p], out.documents[p], out.postings.data() + first_key[p]);
    log = {};
  });
  auto word_postings = [&](std::size_t p, std::size_t k) { return &out.postings[first_key[p] + k]; };
  auto pair_postings = [&](std::size_t p, std::size_t k) { return &out.postings[first_key[kParts + p] + k]; };

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
    out.words.emplace_back(words[r].text, word_postings(part, index));
  }
  auto rank_of = [&](std::uint32_t id) { return rank[id & (kParts - 1)][id >> kPartBits]; };
  for (std::size_t p = 0; p < kParts; ++p)
    for (std::size_t k = 0; k < pairs_[p].key.size(); ++k) {
      const std::uint64_t key = pairs_[p].key[k];
      out.pairs.push_back({rank_of(static_cast<std::uint32_t>(key >> 32)), rank_of(static_cast<std::uint32_t>(key)), pair_postings(p, k)});
    }
  tbb::parallel_sort(out.pairs.begin(), out.pairs.end(), [](const Sorted::Pair& a, const Sorted::Pair& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  return out;
}

}  // namespace travaux::render
