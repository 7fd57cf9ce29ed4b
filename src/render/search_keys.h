#pragma once
// The keys of the search index and the documents that hold them (docs/search.md, "Shard
// format"), gathered without a string per key per document: each document numbers its
// distinct words and makes its word pairs of those numbers; the dictionary numbers each
// distinct word of the archive once, so a pair ("global compact") is merged as one integer
// and its text is made only when its shard is written.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace travaux::render {

/// The distinct keys of one document, each marked when it stands in the card (the title,
/// label, people, topics, place and date: where a match ranks higher).
class DocKeys {
 public:
  struct Word {
    std::string_view text;  // owned by this object
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
  const std::vector<Pair>& pairs() const { return pairs_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const;
  };
  // Node-based, so the words' texts stay where they are as the map grows.
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> index_;
  std::vector<Word> words_;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_index_;
  std::vector<Pair> pairs_;
};

/// The documents holding one key, in document order; `card` those where it is in the card.
struct Postings {
  std::vector<std::uint32_t> all, card;
};

/// Every distinct key of the archive with its postings, merged in kParts independent parts
/// (one task each) as batches of documents arrive in document order, so that every postings
/// list comes out sorted and the result does not depend on the thread count.
class KeyDictionary {
 public:
  static constexpr std::size_t kParts = 16;

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
  };
  Sorted sorted() const;

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
  struct WordPart {
    std::unordered_map<Key, std::uint32_t, KeyHash, KeyEqual> index;
    std::vector<const std::string*> text;
    std::vector<Postings> postings;
  };
  struct PairPart {
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<std::uint64_t> key;  // first word id << 32 | second word id
    std::vector<Postings> postings;
  };
  WordPart words_[kParts];
  PairPart pairs_[kParts];
};

}  // namespace travaux::render
