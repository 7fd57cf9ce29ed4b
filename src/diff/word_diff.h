#pragma once
// Word-level differences inside a paragraph, computed on its words (with the markup each word
// sits in), never on HTML (docs/drafts-and-changes.md).

#include <cstdint>
#include <string>
#include <vector>

#include "markdown/outline.h"

namespace travaux::diff {

enum class Op { same, added, removed };

/// One atom of a word diff and what happened to it. 8 bytes, the operation in the low bits of
/// the pointer (atoms are aligned to 8): a changed paragraph holds one per atom of both versions.
class DiffAtom {
 public:
  DiffAtom() = default;
  DiffAtom(const markdown::Atom* atom, Op op)
      : bits_(reinterpret_cast<std::uintptr_t>(atom) | static_cast<std::uintptr_t>(op)) {}

  /// Points into one of the compared atom vectors.
  const markdown::Atom* atom() const { return reinterpret_cast<const markdown::Atom*>(bits_ & ~kOpBits); }
  Op op() const { return static_cast<Op>(bits_ & kOpBits); }

 private:
  static constexpr std::uintptr_t kOpBits = 3;
  static_assert(alignof(markdown::Atom) > kOpBits);
  std::uintptr_t bits_ = 0;
};

/// The shortest edit script from `before` to `after` (Debian's dtl), tidied for reading:
/// a lone space between two changes joins them, and inside every run of changes the removed
/// words come before the added ones. The result points into both vectors.
std::vector<DiffAtom> diff_words(const std::vector<markdown::Atom>& before,
                                 const std::vector<markdown::Atom>& after);

/// A hash of the words and their markup: equal for equal atom streams.
std::uint64_t atoms_hash(const std::vector<markdown::Atom>& atoms);

/// Every atom of `atoms` with the same operation (an added or removed paragraph).
std::vector<DiffAtom> all(const std::vector<markdown::Atom>& atoms, Op op);

}  // namespace travaux::diff
