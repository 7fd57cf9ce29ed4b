// Matching two draft versions: sections by anchor, paragraphs by hash, number and similarity
// among candidates that share words (docs/drafts-and-changes.md, "How two versions are compared").
#include "diff/compare.h"

#include "diff/similar_index.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <tuple>

namespace travaux::diff {

Counts& Counts::operator+=(const Counts& o) {
  added += o.added;
  removed += o.removed;
  changed += o.changed;
  moved += o.moved;
  renumbered += o.renumbered;
  split += o.split;
  merged += o.merged;
  unchanged += o.unchanged;
  moved_out += o.moved_out;
  return *this;
}

namespace {

constexpr double kSimilar = 0.5;    // share of words two versions of one paragraph keep
constexpr double kContained = 0.7;  // share of a split-off part's words found in the original
constexpr std::size_t kCandidates = 8;  // paragraphs scored per unmatched paragraph

/// A paragraph with where it stands, flattened over the whole draft.
struct Flat {
  const Paragraph* p;
  int section;
  std::uint64_t key;  // hash of its words with their markup (computed once, by read_draft)
  /// Its lowercase words as a sorted multiset: made only for the paragraphs that are not
  /// identical in both versions, the only ones ever measured.
  mutable std::vector<std::uint32_t> bag;
  mutable bool has_bag = false;
};

std::vector<Flat> flatten(const DraftText& d) {
  std::vector<Flat> out;
  out.reserve(d.paragraph_count());
  for (std::size_t s = 0; s < d.sections.size(); ++s)
    for (const auto& p : d.sections[s].paragraphs) out.push_back({&p, static_cast<int>(s), p.hash, {}, false});
  return out;
}

/// Paragraph indices of each section, in order (walking one section never scans the draft).
std::vector<std::vector<std::size_t>> by_section(const std::vector<Flat>& flat, std::size_t sections) {
  std::vector<std::vector<std::size_t>> out(sections);
  for (std::size_t i = 0; i < flat.size(); ++i) out[static_cast<std::size_t>(flat[i].section)].push_back(i);
  return out;
}

/// Indices (into `seq`) of a longest strictly increasing subsequence (patience sorting).
std::vector<std::size_t> longest_increasing(const std::vector<int>& seq) {
  std::vector<std::size_t> tails, prev(seq.size(), SIZE_MAX);
  for (std::size_t i = 0; i < seq.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                               [&](std::size_t t, int v) { return seq[t] < v; });
    if (it != tails.begin()) prev[i] = *(it - 1);
    if (it == tails.end()) tails.push_back(i);
    else *it = i;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = prev[i]) out.push_back(i);
  std::reverse(out.begin(), out.end());
  return out;
}

class Matcher {
 public:
  Matcher(const DraftText& before, const DraftText& after)
      : before_(before), after_(after), old_(flatten(before)), new_(flatten(after)),
        old_by_section_(by_section(old_, before.sections.size())),
        new_by_section_(by_section(new_, after.sections.size())),
        old_match_(old_.size(), -1), new_match_(new_.size(), -1),
        old_section_(before.sections.size(), -1), new_section_(after.sections.size(), -1) {}

  Comparison run() {
    match_identical();
    match_sections_by_anchor();
    match_similar();
    match_renamed_sections();
    find_moves();
    find_splits();
    return assemble();
  }

 private:
  const std::vector<std::uint32_t>& bag(const Flat& f) {
    if (!f.has_bag) {
      f.bag = word_ids(f.p->atoms, ids_);
      f.has_bag = true;
    }
    return f.bag;
  }

  void pair(std::size_t i, std::size_t j) {
    old_match_[i] = static_cast<int>(j);
    new_match_[j] = static_cast<int>(i);
  }

  /// Identical text by hash, preferring the same number, else the first one left: each
  /// list is walked with a cursor, so many identical paragraphs stay linear.
  void match_identical() {
    struct Queue {
      std::vector<std::size_t> items;
      std::size_t next = 0;
    };
    std::unordered_map<std::uint64_t, Queue> by_key;
    std::map<std::pair<std::uint64_t, int>, Queue> by_key_number;
    for (std::size_t i = 0; i < old_.size(); ++i) {
      by_key[old_[i].key].items.push_back(i);
      if (old_[i].p->number) by_key_number[{old_[i].key, old_[i].p->number}].items.push_back(i);
    }
    auto take = [&](Queue& q, std::size_t j) -> bool {
      while (q.next < q.items.size()) {
        const std::size_t i = q.items[q.next];
        if (old_match_[i] >= 0) { ++q.next; continue; }
        if (old_[i].p->atoms != new_[j].p->atoms) return false;  // a hash collision: leave it
        pair(i, j);
        ++q.next;
        return true;
      }
      return false;
    };
    for (std::size_t j = 0; j < new_.size(); ++j) {
      if (new_[j].p->number)
        if (auto it = by_key_number.find({new_[j].key, new_[j].p->number}); it != by_key_number.end() && take(it->second, j))
          continue;
      if (auto it = by_key.find(new_[j].key); it != by_key.end()) take(it->second, j);
    }
  }

  void match_sections_by_anchor() {
    std::unordered_map<std::string_view, int> by_anchor;
    for (std::size_t s = 0; s < before_.sections.size(); ++s)
      by_anchor.emplace(before_.sections[s].anchor, static_cast<int>(s));
    for (std::size_t s = 0; s < after_.sections.size(); ++s)
      if (auto it = by_anchor.find(after_.sections[s].anchor); it != by_anchor.end()) {
        new_section_[s] = it->second;
        old_section_[static_cast<std::size_t>(it->second)] = static_cast<int>(s);
      }
  }

  /// Among the paragraphs left, pairs at least kSimilar alike, best first. Candidates come
  /// from the inverted index (paragraphs sharing rare words) and the old paragraph with the
  /// same number: never all pairs.
  void match_similar() {
    std::vector<std::size_t> left;
    std::vector<const std::vector<std::uint32_t>*> bags;
    std::unordered_map<int, std::size_t> left_by_number;
    for (std::size_t i = 0; i < old_.size(); ++i)
      if (old_match_[i] < 0) {
        if (old_[i].p->number) left_by_number.emplace(old_[i].p->number, left.size());
        left.push_back(i);
        bags.push_back(&bag(old_[i]));
      }
    if (left.empty()) return;
    const SimilarIndex index(bags);
    struct Candidate {
      double score;
      std::size_t i, j;
    };
    std::vector<Candidate> cands;
    for (std::size_t j = 0; j < new_.size(); ++j) {
      if (new_match_[j] >= 0) continue;
      std::vector<std::size_t> found = index.query(bag(new_[j]), kCandidates);
      if (new_[j].p->number)
        if (auto it = left_by_number.find(new_[j].p->number); it != left_by_number.end()) found.push_back(it->second);
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      for (std::size_t k : found) {
        const std::size_t i = left[k];
        const double sim = dice(old_[i].bag, bag(new_[j]));
        if (sim < kSimilar) continue;
        double score = sim;
        if (old_[i].p->number && old_[i].p->number == new_[j].p->number) score += 0.1;
        if (old_section_[static_cast<std::size_t>(old_[i].section)] == new_[j].section) score += 0.05;
        cands.push_back({score, i, j});
      }
    }
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(b.score, a.i, a.j) < std::tie(a.score, b.i, b.j);
    });
    for (const auto& c : cands)
      if (old_match_[c.i] < 0 && new_match_[c.j] < 0) pair(c.i, c.j);
  }

  /// A section whose anchor changed (a renamed heading) is the one it shares most paragraphs
  /// with, or failing that the unmatched one with the most similar title.
  void match_renamed_sections() {
    // Titles of the old sections left unmatched by anchor: the only candidates.
    std::vector<std::size_t> unmatched;
    for (std::size_t os = 0; os < before_.sections.size(); ++os)
      if (old_section_[os] < 0) unmatched.push_back(os);
    std::vector<std::vector<std::uint32_t>> old_titles(unmatched.size());
    std::vector<const std::vector<std::uint32_t>*> bags;
    for (std::size_t k = 0; k < unmatched.size(); ++k) {
      old_titles[k] = word_ids(before_.sections[unmatched[k]].title_atoms, ids_);
      bags.push_back(&old_titles[k]);
    }
    const SimilarIndex titles(bags);
    for (std::size_t s = 0; s < after_.sections.size(); ++s) {
      if (new_section_[s] >= 0) continue;
      std::map<int, int> shared;
      for (std::size_t j : new_by_section_[s])
        if (new_match_[j] >= 0) {
          const int os = old_[static_cast<std::size_t>(new_match_[j])].section;
          if (old_section_[static_cast<std::size_t>(os)] < 0) ++shared[os];
        }
      int best = -1, best_count = 0;
      for (const auto& [os, n] : shared)
        if (n > best_count) best = os, best_count = n;
      if (best < 0) {
        const std::vector<std::uint32_t> title = word_ids(after_.sections[s].title_atoms, ids_);
        double best_sim = kSimilar;
        std::vector<std::size_t> found = titles.query(title, kCandidates * 4);
        std::sort(found.begin(), found.end());
        for (std::size_t k : found) {
          const std::size_t os = unmatched[k];
          if (old_section_[os] >= 0) continue;
          const double sim = dice(old_titles[k], title);
          if (sim >= best_sim && !title.empty()) best = static_cast<int>(os), best_sim = sim + 1e-9;
        }
      }
      if (best >= 0) {
        new_section_[s] = best;
        old_section_[static_cast<std::size_t>(best)] = static_cast<int>(s);
      }
    }
  }

  void find_moves() {
    std::vector<int> seq;
    std::vector<std::size_t> at;
    for (std::size_t j = 0; j < new_.size(); ++j)
      if (new_match_[j] >= 0) {
        seq.push_back(new_match_[j]);
        at.push_back(j);
      }
    moved_.assign(new_.size(), true);
    for (std::size_t k : longest_increasing(seq)) moved_[at[k]] = false;
    for (std::size_t j = 0; j < new_.size(); ++j) {
      if (new_match_[j] < 0) continue;
      const int os = old_[static_cast<std::size_t>(new_match_[j])].section;
      if (old_section_[static_cast<std::size_t>(os)] != new_[j].section) moved_[j] = true;
    }
  }

  /// For each unmatched paragraph of `from` (3 words or more), the matched paragraph of `into`
  /// that holds at least kContained of its words, best first; -1 for none. Only a paragraph
  /// whose words changed can have given words to (or taken them from) another: identical
  /// pairs are not candidates.
  std::vector<int> containers(const std::vector<Flat>& from, const std::vector<int>& from_match,
                              const std::vector<Flat>& into, const std::vector<int>& into_match,
                              const std::vector<Flat>& other) {
    std::vector<int> out(from.size(), -1);
    bool any = false;
    for (std::size_t j = 0; j < from.size() && !any; ++j) any = from_match[j] < 0;
    if (!any) return out;
    std::vector<std::size_t> matched;
    std::vector<const std::vector<std::uint32_t>*> bags;
    for (std::size_t i = 0; i < into.size(); ++i)
      if (into_match[i] >= 0 && other[static_cast<std::size_t>(into_match[i])].key != into[i].key) {
        matched.push_back(i);
        bags.push_back(&bag(into[i]));
      }
    if (matched.empty()) return out;
    const SimilarIndex index(bags);
    for (std::size_t j = 0; j < from.size(); ++j) {
      if (from_match[j] >= 0 || bag(from[j]).size() < 3) continue;
      std::vector<std::size_t> found = index.query(from[j].bag, kCandidates);
      std::sort(found.begin(), found.end());
      double best = kContained;
      for (std::size_t k : found)
        if (double c = contained(from[j].bag, into[matched[k]].bag); c >= best)
          best = c + 1e-9, out[j] = static_cast<int>(matched[k]);
    }
    return out;
  }

  void find_splits() {
    split_from_ = containers(new_, new_match_, old_, old_match_, new_);
    merged_into_ = containers(old_, old_match_, new_, new_match_, old_);
  }

  ParagraphChange matched(std::size_t j) const {
    const std::size_t i = static_cast<std::size_t>(new_match_[j]);
    ParagraphChange c;
    c.before = old_[i].p;
    c.after = new_[j].p;
    c.before_section = &before_.sections[static_cast<std::size_t>(old_[i].section)];
    c.after_section = &after_.sections[static_cast<std::size_t>(new_[j].section)];
    c.moved = moved_[j];
    c.renumbered = c.before->number && c.after->number && c.before->number != c.after->number;
    if (old_[i].key == new_[j].key && c.before->atoms == c.after->atoms) {
      c.kind = ParagraphChange::Kind::unchanged;
      // No word list: the formatter writes the paragraph's own atoms (inline_html(change)).
    } else {
      c.kind = ParagraphChange::Kind::changed;
      c.words = diff_words(c.before->atoms, c.after->atoms);
    }
    return c;
  }

  /// What marks the old place of paragraph i, if it is not shown in order at its new place.
  std::optional<ParagraphChange> orphan(std::size_t i) const {
    ParagraphChange c;
    c.before = old_[i].p;
    c.before_section = &before_.sections[static_cast<std::size_t>(old_[i].section)];
    if (old_match_[i] < 0) {
      c.kind = ParagraphChange::Kind::removed;
      if (merged_into_[i] >= 0) c.merged_into = new_[static_cast<std::size_t>(merged_into_[i])].p;
      return c;
    }
    const std::size_t j = static_cast<std::size_t>(old_match_[i]);
    if (!moved_[j]) return std::nullopt;
    c.kind = ParagraphChange::Kind::moved_away;
    c.after = new_[j].p;
    c.after_section = &after_.sections[static_cast<std::size_t>(new_[j].section)];
    return c;
  }

  static void count(const ParagraphChange& c, Counts& n) {
    using K = ParagraphChange::Kind;
    switch (c.kind) {
      case K::added: ++(c.split_from ? n.split : n.added); break;
      case K::removed: ++(c.merged_into ? n.merged : n.removed); break;
      case K::moved_away: break;
      case K::changed: ++n.changed; break;
      case K::unchanged: if (!c.moved) ++n.unchanged; break;
    }
    if (c.kind == K::changed || c.kind == K::unchanged) {
      if (c.moved) ++n.moved;
      if (c.renumbered) ++n.renumbered;
    }
  }

  /// The orphans of old section `os`, each keyed by the new paragraph it follows (-1: first).
  std::vector<std::pair<int, ParagraphChange>> orphans_of(int os) const {
    std::vector<std::pair<int, ParagraphChange>> out;
    int anchor = -1;
    for (std::size_t i : old_by_section_[static_cast<std::size_t>(os)]) {
      if (auto c = orphan(i)) out.emplace_back(anchor, std::move(*c));
      else if (old_match_[i] >= 0) anchor = old_match_[i];
    }
    return out;
  }

  SectionChange section_change(int os, int ns) const {
    SectionChange sc;
    if (os >= 0) sc.before = &before_.sections[static_cast<std::size_t>(os)];
    if (ns >= 0) sc.after = &after_.sections[static_cast<std::size_t>(ns)];
    if (sc.before && sc.after) {
      sc.renamed = sc.before->anchor != sc.after->anchor;
      sc.title_changed = sc.before->title_atoms != sc.after->title_atoms;
      sc.title_words = sc.title_changed ? diff_words(sc.before->title_atoms, sc.after->title_atoms)
                                        : all(sc.after->title_atoms, Op::same);
    } else {
      sc.title_words = sc.after ? all(sc.after->title_atoms, Op::added) : all(sc.before->title_atoms, Op::removed);
    }
    // Orphans placed after the new paragraph they follow, in old order. One whose anchor went
    // to another section is placed at the end, so no removed paragraph is ever lost.
    std::vector<std::pair<int, ParagraphChange>> orphans;
    if (os >= 0) orphans = orphans_of(os);
    std::vector<bool> placed(orphans.size(), false);
    std::unordered_map<int, std::vector<std::size_t>> by_anchor;
    for (std::size_t k = 0; k < orphans.size(); ++k) by_anchor[orphans[k].first].push_back(k);
    auto flush = [&](int anchor) {
      auto it = by_anchor.find(anchor);
      if (it == by_anchor.end()) return;
      for (std::size_t k : it->second) {
        sc.paragraphs.push_back(std::move(orphans[k].second));
        placed[k] = true;
      }
      by_anchor.erase(it);
    };
    flush(-1);
    static const std::vector<std::size_t> kNone;
    for (std::size_t j : ns >= 0 ? new_by_section_[static_cast<std::size_t>(ns)] : kNone) {
      if (new_match_[j] >= 0) {
        sc.paragraphs.push_back(matched(j));
      } else {
        ParagraphChange c;
        c.kind = ParagraphChange::Kind::added;
        c.after = new_[j].p;
        c.after_section = sc.after;
        if (split_from_[j] >= 0) c.split_from = old_[static_cast<std::size_t>(split_from_[j])].p;
        sc.paragraphs.push_back(std::move(c));
      }
      flush(static_cast<int>(j));
    }
    for (std::size_t k = 0; k < orphans.size(); ++k)
      if (!placed[k]) sc.paragraphs.push_back(std::move(orphans[k].second));
    for (const auto& c : sc.paragraphs) {
      count(c, sc.counts);
      if (c.kind == ParagraphChange::Kind::moved_away && c.after_section != sc.after) ++sc.counts.moved_out;
    }
    return sc;
  }

  Comparison assemble() const {
    Comparison out;
    // Removed sections go after the section that took the place of their predecessor.
    std::vector<std::vector<int>> removed_after(after_.sections.size() + 1);
    int last_new = -1;
    for (std::size_t os = 0; os < before_.sections.size(); ++os) {
      if (old_section_[os] >= 0) last_new = old_section_[os];
      else removed_after[static_cast<std::size_t>(last_new + 1)].push_back(static_cast<int>(os));
    }
    for (int os : removed_after[0]) out.sections.push_back(section_change(os, -1));
    for (std::size_t ns = 0; ns < after_.sections.size(); ++ns) {
      out.sections.push_back(section_change(new_section_[ns], static_cast<int>(ns)));
      for (int os : removed_after[ns + 1]) out.sections.push_back(section_change(os, -1));
    }
    for (const auto& s : out.sections) out.total += s.counts;
    out.total.moved_out = 0;  // each move is counted once, where the paragraph went
    return out;
  }

  const DraftText& before_;
  const DraftText& after_;
  WordIds ids_;
  std::vector<Flat> old_, new_;
  std::vector<std::vector<std::size_t>> old_by_section_, new_by_section_;
  std::vector<int> old_match_, new_match_;      // paragraph -> paragraph, -1 none
  std::vector<int> old_section_, new_section_;  // section -> section, -1 none
  std::vector<bool> moved_;                     // per new paragraph
  std::vector<int> split_from_, merged_into_;
};

}  // namespace

Comparison compare(const DraftText& before, const DraftText& after) { return Matcher(before, after).run(); }

}  // namespace travaux::diff
