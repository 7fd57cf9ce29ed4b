#pragma once
// Where each paragraph of each version comes from (docs/drafts-and-changes.md, "Provenance";
// CONTENT-MODEL.md, "Output": drafts/<id>/provenance/): the version that introduced it and
// every version that changed it, and of every version how many words date from each earlier
// one. Derived from the comparisons the comparison stage made, never by comparing again.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compare/compare_texts.h"
#include "diff/draft_text.h"

namespace travaux::compare {

/// One thing one version did to a paragraph.
struct ProvenanceEvent {
  enum class Kind {
    introduced,  // first appears (in the first version, or added later)
    untraced,    // first appears after a version whose text is not held: here or earlier
    split_off,   // carved out of another paragraph (`was`: that paragraph's number)
    reworded,    // other words
    moved,       // another place (`was`: its number before, 0 when unnumbered)
    renumbered,  // another number only (`was`: the number before)
    removed,     // not in this version (`was`: the number it had)
    restored,    // back, word for word, after a version that removed it
  };
  Kind kind = Kind::introduced;
  std::size_t version = 0;  // index in the text's versions
  int number = 0;           // the paragraph's number in `version` (removed: 0)
  int was = 0;
  /// Where the event is shown: the fragment on `version`'s changes page, or, when
  /// `on_draft_page`, on its draft page (the first version, and versions compared with nothing).
  std::string anchor;
  bool on_draft_page = false;
};

/// A paragraph followed through the versions. A paragraph split off from another starts its
/// own lineage that inherits the other's first `parent_events` events.
struct ParagraphLineage {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t parent = kNone;
  std::size_t parent_events = 0;
  std::vector<ProvenanceEvent> events;  // in version order
};

/// A paragraph of one version.
struct ParagraphProvenance {
  std::size_t lineage = 0;
  std::size_t events = 0;    // how many of the lineage's own events had happened by this version
  std::uint32_t words = 0;   // its words (markdown::is_word)
  std::size_t newest = 0;    // the latest version any of its words dates from
};

/// One version of a text.
struct VersionProvenance {
  bool held = false;  // false: the text of this version is not in the archive
  /// The earliest version its paragraphs are traced back to: every version from there to this
  /// one is held and compared with the one before it.
  std::size_t traced_from = 0;
  std::vector<std::vector<ParagraphProvenance>> sections;  // parallel to DraftText::sections[].paragraphs
  /// The id each paragraph carries on this version's changes and provenance pages
  /// (Version::ids of the compared text).
  const std::vector<std::vector<std::string>>* ids = nullptr;
  std::vector<std::size_t> words_from;  // [j]: words whose wording dates from version j (j <= this)
  std::size_t words = 0;
};

/// Every version of one text.
struct TextProvenance {
  std::vector<ParagraphLineage> lineages;
  std::vector<VersionProvenance> versions;  // parallel to ComparedText::versions

  /// The events of `p`'s lineage up to its version, oldest first, inherited ones included.
  std::vector<const ProvenanceEvent*> history(const ParagraphProvenance& p) const;
};

/// Walks the versions in order once, carrying each paragraph's lineage and the version each
/// of its words dates from through the comparison of each adjacent pair (word diffs inside
/// reworded paragraphs); linear in the versions times their text. A paragraph added back word
/// for word after it was removed continues its old lineage ("restored").
TextProvenance trace_provenance(const ComparedText& text);

/// The id of each paragraph of `text` on its pages: `para-N` for the first paragraph numbered
/// N (the draft page's own anchor), else "<section anchor>_<position in the section>": an
/// underscore, which no slug holds, so it never takes a heading's id (HTML ids keep to letters,
/// digits, "-" and "_").
std::vector<std::vector<std::string>> paragraph_ids(const diff::DraftText& text);

/// The id a paragraph removed in a version carries on that version's changes page.
std::string removed_id(const std::string& id_before);

}  // namespace travaux::compare
