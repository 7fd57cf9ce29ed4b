#pragma once
// The succession of draft versions (CONTENT-MODEL.md, "Drafts" and "Edge rules").

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::model {

/// Published drafts in version order, each with the draft it supersedes.
class DraftChain {
 public:
  /// Orders drafts by `version` (else by date, then id) and resolves `supersedes`
  /// (default: the previous version). Unknown or non-draft `supersedes` ids are errors.
  static DraftChain build(const Archive& archive, diag::Diagnostics& diags);

  const std::vector<const Document*>& versions() const { return versions_; }
  /// The draft `draft` supersedes, or nullptr for the first version.
  const Document* previous(const Document& draft) const;
  /// The version after `draft` in the chain, or nullptr for the last.
  const Document* next(const Document& draft) const;
  /// The published draft with the latest date on or before `date` (a draft dated D is in
  /// force on D); among drafts of one date, the highest version. nullptr if none.
  const Document* in_force_on(const Date& date) const;
  /// Position of `draft` in versions(), or -1.
  int index_of(const Document& draft) const;

 private:
  std::vector<const Document*> versions_;
  std::vector<const Document*> supersedes_;  // parallel to versions_
};

}  // namespace travaux::model
