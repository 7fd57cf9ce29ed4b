#pragma once
// Two versions of a draft compared section by section and paragraph by paragraph (docs/drafts-and-changes.md;
// CONTENT-MODEL.md, "Cross-references": anchors are stable across versions).

#include <vector>

#include "diff/draft_text.h"
#include "diff/word_diff.h"

namespace travaux::diff {

/// How many paragraphs changed, and how.
struct Counts {
  int added = 0;
  int removed = 0;
  int changed = 0;     // same paragraph, other words
  int moved = 0;       // now in another order or another section
  int renumbered = 0;  // another number (often only because of an insertion before it)
  int split = 0;       // new paragraphs carved out of an old one
  int merged = 0;      // old paragraphs folded into a new one
  int unchanged = 0;   // same words, same place (renumbered ones included)
  int moved_out = 0;   // moved from this section to another (sections only; 0 in totals)

  /// Anything but renumbering.
  bool any() const { return added || removed || changed || moved || split || merged || moved_out; }
  Counts& operator+=(const Counts& o);
};

struct ParagraphChange {
  enum class Kind {
    unchanged,   // before and after: the same words (perhaps renumbered or moved)
    changed,     // before and after: other words
    added,       // after only (split_from set when carved out of an old paragraph)
    removed,     // before only (merged_into set when folded into a new paragraph)
    moved_away,  // before only: a marker where a moved paragraph used to stand
  };
  Kind kind = Kind::unchanged;
  const Paragraph* before = nullptr;
  const Paragraph* after = nullptr;
  bool moved = false;       // after stands elsewhere than before did
  bool renumbered = false;  // both numbered, with different numbers
  const Section* before_section = nullptr;  // where `before` stood
  const Section* after_section = nullptr;   // where `after` stands (for moved_away: where it went)
  const Paragraph* split_from = nullptr;    // added: the old paragraph it was carved out of
  const Paragraph* merged_into = nullptr;   // removed: the new paragraph that took its words
  /// The marked words of a `changed` paragraph. Empty for the other kinds, whose words are
  /// all their paragraph's atoms with one operation: inline_html(change) writes either.
  std::vector<DiffAtom> words;
  /// inline_html(change), made once for the changes and history pages that both show it
  /// (diff::hold_html); with links, unset or written from the site root, as Paragraph::html.
  std::optional<std::string> html;
  bool html_from_root = false;
};

struct SectionChange {
  const Section* before = nullptr;  // nullptr: a new section
  const Section* after = nullptr;   // nullptr: a removed section
  bool renamed = false;             // matched by content although the anchor changed
  bool title_changed = false;
  std::vector<DiffAtom> title_words;
  std::optional<std::string> title_html;  // as ParagraphChange::html, for title_words
  std::vector<ParagraphChange> paragraphs;  // in reading order of the new version
  Counts counts;

  bool changed() const { return !before || !after || renamed || title_changed || counts.any(); }
  /// The anchor the section has now (or had, if removed).
  const std::string& anchor() const { return after ? after->anchor : before->anchor; }
};

/// The comparison of two versions. Points into both DraftTexts, which must outlive it.
struct Comparison {
  std::vector<SectionChange> sections;  // the new version's order; removed ones where they stood
  Counts total;
};

/// Matches sections by anchor, then (for renamed ones) by the paragraphs they share or a
/// similar title; matches paragraphs by identical text, then by similarity (at least half
/// their words shared, same number preferred), so a renumbered or moved paragraph is found
/// rather than reported as removed and added. Paragraphs out of order (outside the longest
/// run that kept its order) or in another section are moved. Unmatched paragraphs whose words
/// are mostly in a matched one are split from (or merged into) it.
Comparison compare(const DraftText& before, const DraftText& after);

}  // namespace travaux::diff
