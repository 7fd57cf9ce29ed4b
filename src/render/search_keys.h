#pragma once
// The keys of the search index and the documents that hold them (docs/search.md, "Shard
// format"), gathered without a string per key per document: each document numbers its
// distinct words and makes its word pairs of those numbers; the dictionary numbers each
// distinct word of the archive once, so a pair ("global compact") is merged as one integer
// and its text is made only when its shard is written.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tsl/robin_map.h>

namespace travaux::render {

/// The distinct keys of one document, each marked when it stands in the card (the title,
/// label, people, topics, place and date: where a match ranks higher).
/// Spreads integer keys over a power-of-two table: std::hash of an integer is the integer,
/// whose low bits alone would pick the slot (a pair's low bits are its second word).
struct MixHash {
  std::size_t operator()(std::uint64_t x) const {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
  }
};

class DocKeys {
 public:
  struct Word {
    std::uint32_t offset, size;  // of its text in the document's arena (text())
    std::uint64_t hash;
    bool card;
  };
  struct Pair {
    std::uint32_t first, second;  // numbers in words()
    bool card;
  };

  DocKeys() = default;
  DocKeys(DocKeys&&) = default;
  DocKeys& operator=(DocKeys&&) = default;

  /// A key that is not a word pair: a word, "kind:letter", "=global compact".
  std::uint32_t add_key(std::string_view key, bool card);
  /// The folded words of one field and each pair of adjacent words, which is how a phrase is
  /// looked up without positions (docs/search.md, "Phrases").
  void add_field(std::string_view text, bool card);

  const std::vector<Word>& words() const { return words_; }
  std::string_view text(const Word& w) const { return std::string_view(arena_).substr(w.offset, w.size); }
  const std::vector<Pair>& pairs() const { return pairs_; }

  /// Done adding: drops the tables that found repeated keys (the words and pairs stay),
  /// leaving them to the next document this thread reads. Nothing may be added after it,
  /// since a key added again would no longer be found.
  void seal();

  /// The tables that find a key already added. Open addressing (tsl::robin_map) instead of a
  /// node per key, and reused from one document to the next on each thread: a document adds
  /// thousands of keys, and allocating their nodes was a quarter of the index's time
  /// (bench/README.md, "Document pages not rendered again, the search index's tables, serve"). Words are found by hash; two words
  /// with one hash take the next free value (add_key).
  struct Lookup {
    tsl::robin_map<std::uint64_t, std::uint32_t> words;
    tsl::robin_map<std::uint64_t, std::uint32_t, MixHash> pairs;
  };

 private:
  Lookup& lookup();

  std::optional<Lookup> lookup_;  // taken from the thread's spare on first use
  std::string arena_;             // every word's text, one after another
  std::vector<Word> words_;
  std::vector<Pair> pairs_;
};

/// The documents holding one key, in document order; `card` those where it is in the card.
struct Postings {
  std::span<const std::uint32_t> all, card;  // into one of KeyDictionary::Sorted::documents
};

/// Every distinct key of the archive with its postings, merged in kParts independent parts
/// (one task each) as batches of documents arrive in document order, so that every postings
/// list comes out sorted and the result does not depend on the thread count.
class KeyDictionary {
 public:
  static constexpr std::size_t kParts = 16;

  KeyDictionary();

  /// Merges the keys of documents numbered first, first + 1, ... in that order.
  void add_batch(const std::vector<DocKeys>& batch, std::uint32_t first);

  /// Words (every key but the pairs) in byte order, and pairs as two indexes into `words`.
  /// The byte order of "a b" is the order of (a, b), because a space sorts before every byte
  /// a word can hold (letters, marks and digits only).
  struct Sorted {
    std::vector<std::pair<const std::string*, const Postings*>> words;
    struct Pair {
      std::uint32_t first, second;
      const Postings* postings;
    };
    std::vector<Pair> pairs;
    /// Every key's postings, the words' first then the pairs'.
    std::vector<Postings> postings;
    /// What the postings point into: one array per part, the words' parts then the pairs'.
    /// Each is made as its part's log is let go, so the two are not held whole side by side.
    std::vector<std::vector<std::uint32_t>> documents;
  };
  /// Call once, after the last batch: the dictionary gives up what only merging needed (its
  /// logs, the pairs' lookup table) as it goes, so they are not held beside the result.
  Sorted sorted();

 private:
  struct Key {
    std::string text;
    std::uint64_t hash;
  };
  struct KeyView {
    std::string_view text;
    std::uint64_t hash;
  };
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(const Key& k) const { return k.hash; }
    std::size_t operator()(const KeyView& k) const { return k.hash; }
  };
  struct KeyEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const { return std::string_view(a.text) == std::string_view(b.text); }
  };
  /// Every (key, document) a part was given, in document order: one entry per key a
  /// document holds, instead of a growing vector per key (sorted() groups them). The
  /// 50 million entries of a 50,000-document archive took 8 bytes each, twice that with a
  /// doubling vector's spare room, and grew with the whole render (docs/search.md, "Memory"):
  /// so each is a varint of its key, and a document's first entry is preceded by a varint of
  /// the gap from the previous document, in chunks of a fixed size. About 3 bytes an entry.
  class Log {
   public:
    struct Entry {
      std::uint32_t key;  // the key's index in its part
      std::uint32_t doc;  // the document's number, kCard set when in its card
    };
    /// `doc` (with kCard or not) never below the last one added.
    void add(std::uint32_t key, std::uint32_t doc);
    /// Calls `f` on every entry, in the order added.
    template <class F>
    void each(F&& f) const {
      Reader in{*this};
      std::uint32_t doc = 0;
      for (std::size_t e = 0; e < size_;) {
        const std::uint64_t v = in.varint();
        if (v & 1) {
          doc += static_cast<std::uint32_t>(v >> 1);
          continue;
        }
        f(Entry{static_cast<std::uint32_t>(v >> 2), doc | ((v & 2) ? kCard : 0)});
        ++e;
      }
    }

   private:
    static constexpr std::size_t kChunk = std::size_t{1} << 16;
    struct Reader {
      const Log& log;
      std::size_t at = 0;
      std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0;; shift += 7) {
          const std::uint8_t b = log.chunks_[at / kChunk][at % kChunk];
          ++at;
          v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
          if (!(b & 0x80)) return v;
        }
      }
    };
    void put(std::uint64_t v);
    std::vector<std::unique_ptr<std::uint8_t[]>> chunks_;
    std::size_t bytes_ = 0;
    std::size_t size_ = 0;
    std::uint32_t doc_ = 0;  // of the last entry, without kCard
  };
  static constexpr std::uint32_t kCard = 1u << 31;
  struct WordPart {
    std::unordered_map<Key, std::uint32_t, KeyHash, KeyEqual> index;
    std::vector<const std::string*> text;
    Log log;
  };
  struct PairPart {
    tsl::robin_map<std::uint64_t, std::uint32_t, MixHash> index;
    std::vector<std::uint64_t> key;  // first word id << 32 | second word id
    Log log;
  };
  /// Groups a part's log by key into `documents` (sized to fit), each key's documents then its
  /// card documents, and points out[k] at key k's.
  static void group(const Log& log, std::size_t keys, std::vector<std::uint32_t>& documents,
                    Postings* out);
  WordPart words_[kParts];
  PairPart pairs_[kParts];
};

}  // namespace travaux::render
