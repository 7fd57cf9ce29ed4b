#pragma once
// Word-level differences inside a paragraph, computed on its words (with the markup each word
// sits in), never on HTML (docs/drafts-and-changes.md).

#include <cstdint>
#include <string>
#include <vector>

#include "markdown/outline.h"

namespace travaux::diff {

enum class Op { same, added, removed };

struct DiffAtom {
  const markdown::Atom* atom = nullptr;  // points into one of the compared atom vectors
  Op op = Op::same;
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
