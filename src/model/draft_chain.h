#pragma once
// Negotiated texts: chains of draft versions linked by `supersedes` (CONTENT-MODEL.md, "Drafts",
// "Texts" and "Edge rules").

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::model {

/// One negotiated text: its versions from the first to the latest.
struct NegotiatedText {
  std::string id;                          // its `text` key, else the id of its first version
  std::vector<const Document*> versions;   // in chain order; versions[k] supersedes versions[k-1]
  bool principal = false;                  // the only text, or the one `[process] text` names
  /// Site folder of its section histories: "history" for the principal (or only) text,
  /// "history/<text id>" for the others (CONTENT-MODEL.md, "Output").
  std::string history_folder;
};

/// Every text of the archive and each draft's place in it.
class DraftChain {
 public:
  /// Groups drafts into texts and orders each text along `supersedes` (default: the previous
  /// version of the same text, by `version`, else date, then id). Reports at the key's position
  /// every `supersedes` that names no published draft, every cycle and fork, versions of one
  /// chain with different `text` keys, two versions of one text with one `version`, and a
  /// `[process] text` naming no text. A chain with errors is still ordered, so later stages
  /// never see a loop.
  static DraftChain build(const Archive& archive, diag::Diagnostics& diags);

  /// Every published draft, text by text, each text in chain order.
  const std::vector<const Document*>& versions() const { return versions_; }
  const std::vector<NegotiatedText>& texts() const { return texts_; }
  /// The text `draft` belongs to (nullptr for a document that is not a published draft).
  const NegotiatedText* text_of(const Document& draft) const;
  /// The draft `draft` supersedes, or nullptr for the first version of its text.
  const Document* previous(const Document& draft) const;
  /// The version after `draft` in its text, or nullptr for the latest.
  const Document* next(const Document& draft) const;
  /// The published draft with the latest date on or before `date` (a draft dated D is in
  /// force on D); among drafts of one date, the later in the chain. nullptr if none.
  /// A binary search: every mention of an objective in every letter asks.
  const Document* in_force_on(const Date& date) const;
  /// The rounds whose `drafts` list `draft`, in archive order, a round once for each time it
  /// lists it (asked by every draft's page and citation: a scan of the archive each was
  /// quadratic).
  const std::vector<const Document*>& negotiated_in(const Document& draft) const;
  /// Position of `draft` in versions(), or -1.
  int index_of(const Document& draft) const;

 private:
  struct Place {
    std::size_t text = 0;
    std::size_t index = 0;  // in texts_[text].versions
    std::size_t global = 0;  // in versions_
  };
  const Place* place_of(const Document& draft) const;

  std::vector<NegotiatedText> texts_;
  std::vector<const Document*> versions_;
  std::vector<const Document*> by_date_;  // versions_ stably sorted by date
  std::map<std::string, std::vector<const Document*>, std::less<>> rounds_of_;  // by draft id
  std::map<const Document*, Place> places_;
};

}  // namespace travaux::model
