// Word-level diff with dtl, and word-overlap measures for matching paragraphs (docs/drafts-and-changes.md).
#include "diff/word_diff.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>

#include <dtl/dtl.hpp>

namespace travaux::diff {

namespace {

using markdown::Atom;

/// Above this many steps of an edit script, a paragraph's changed middle is shown replaced whole.
constexpr std::size_t kMaxEditWork = 20'000'000;

/// Interns atoms (text and marks) as integers, so dtl compares numbers. The marks enter by
/// their stack's hash and depth: constant size however deep. The characters are not copied:
/// they stay in the drafts' arenas for as long as the diff runs.
class Interner {
 public:
  int id(const Atom& a) {
    const Key key{a.text(), a.kind(), a.marks ? a.marks->hash : 0, a.marks ? a.marks->depth : 0};
    return ids_.try_emplace(key, static_cast<int>(ids_.size())).first->second;
  }

 private:
  struct Key {
    std::string_view text;
    Atom::Kind kind;
    std::uint64_t marks_hash;
    std::uint32_t marks_depth;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::uint64_t h = std::hash<std::string_view>{}(k.text);
      h ^= (k.marks_hash + static_cast<std::uint64_t>(k.kind) + k.marks_depth) * 0x9e3779b97f4a7c15ULL;
      return static_cast<std::size_t>(h ^ (h >> 32));
    }
  };
  std::unordered_map<Key, int, KeyHash> ids_;
};

}  // namespace

std::uint64_t atoms_hash(const std::vector<Atom>& atoms) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](std::uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; h ^= h >> 29; };
  for (const auto& a : atoms) {
    // FNV-1a over the word's bytes, inline: words are a few bytes, and a library hash call
    // per word was most of the cost (every paragraph of every draft is hashed).
    std::uint64_t w = 0xcbf29ce484222325ULL;
    for (const unsigned char c : a.text()) w = (w ^ c) * 0x100000001b3ULL;
    mix(w);
    mix(static_cast<std::uint64_t>(a.kind()));
    mix(a.marks ? a.marks->hash : 0);
  }
  return h;
}

namespace {

/// Within each maximal run of changes, removed atoms first, then added ones.
void group_runs(std::vector<DiffAtom>& d) {
  for (std::size_t i = 0; i < d.size();) {
    if (d[i].op() == Op::same) { ++i; continue; }
    std::size_t j = i;
    while (j < d.size() && d[j].op() != Op::same) ++j;
    std::stable_partition(d.begin() + static_cast<long>(i), d.begin() + static_cast<long>(j),
                          [](const DiffAtom& x) { return x.op() == Op::removed; });
    i = j;
  }
}

}  // namespace

std::vector<DiffAtom> diff_words(const std::vector<Atom>& before, const std::vector<Atom>& after) {
  Interner in;
  std::vector<int> a, b;
  a.reserve(before.size());
  b.reserve(after.size());
  for (const auto& x : before) a.push_back(in.id(x));
  for (const auto& x : after) b.push_back(in.id(x));
  // The common start and end need no edit script; dtl runs on the middle only.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<DiffAtom> out;
  out.reserve(before.size() + after.size());
  for (std::size_t k = 0; k < head; ++k) out.push_back({&after[k], Op::same});
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n * std::min(n, m) > kMaxEditWork || m * std::min(n, m) > kMaxEditWork) {
    // dtl's O((N+M)D) would take seconds on a huge rewritten paragraph: show the middle as
    // replaced whole, which is what such a rewrite reads as anyway.
    for (std::size_t k = 0; k < n; ++k) out.push_back({&before[head + k], Op::removed});
    for (std::size_t k = 0; k < m; ++k) out.push_back({&after[head + k], Op::added});
  } else if (n > 0 || m > 0) {
    std::vector<int> mid_a(a.begin() + static_cast<long>(head), a.end() - static_cast<long>(tail));
    std::vector<int> mid_b(b.begin() + static_cast<long>(head), b.end() - static_cast<long>(tail));
    dtl::Diff<int, std::vector<int>> diff(mid_a, mid_b);
    diff.compose();
    for (const auto& [value, info] : diff.getSes().getSequence()) {
      const std::size_t ai = head + static_cast<std::size_t>(info.beforeIdx - 1);
      const std::size_t bi = head + static_cast<std::size_t>(info.afterIdx - 1);
      switch (info.type) {
        case dtl::SES_COMMON: out.push_back({&after[bi], Op::same}); break;
        case dtl::SES_ADD: out.push_back({&after[bi], Op::added}); break;
        case dtl::SES_DELETE: out.push_back({&before[ai], Op::removed}); break;
      }
    }
  }
  for (std::size_t k = b.size() - tail; k < b.size(); ++k) out.push_back({&after[k], Op::same});
  // A space (or a lone punctuation mark) kept between two changes reads better as part of
  // both: "<del>a b</del><ins>x y</ins>" rather than "<del>a</del><ins>x</ins> <del>b</del>...".
  std::vector<DiffAtom> tidy;
  tidy.reserve(out.size() + 8);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool lone = out[i].op() == Op::same && out[i].atom()->kind() == Atom::Kind::space && i > 0 &&
                      i + 1 < out.size() && out[i - 1].op() != Op::same && out[i + 1].op() != Op::same;
    const bool both_sides = lone && [&] {
      bool del = false, ins = false;
      for (std::size_t k = i; k-- > 0 && out[k].op() != Op::same;) (out[k].op() == Op::removed ? del : ins) = true;
      for (std::size_t k = i + 1; k < out.size() && out[k].op() != Op::same; ++k)
        (out[k].op() == Op::removed ? del : ins) = true;
      return del && ins;
    }();
    if (both_sides) {
      tidy.push_back({out[i].atom(), Op::removed});
      tidy.push_back({out[i].atom(), Op::added});
    } else {
      tidy.push_back(out[i]);
    }
  }
  group_runs(tidy);
  return tidy;
}

std::vector<DiffAtom> all(const std::vector<Atom>& atoms, Op op) {
  std::vector<DiffAtom> out;
  out.reserve(atoms.size());
  for (const auto& a : atoms) out.push_back({&a, op});
  return out;
}

}  // namespace travaux::diff
