#pragma once
// Chain checks at load time (CONTENT-MODEL.md, "Texts"): the errors a broken `supersedes`,
// `text` or `version` makes are reported with the other front-matter errors, before linking.

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::load {

/// Reports every chain error of the archive's drafts at the key's position: a `supersedes`
/// naming no published draft, a cycle, a fork, different `text` keys in one chain, a `version`
/// used twice in one text, and a `[process] text` naming no text.
void check_chains(const model::Archive& archive, diag::Diagnostics& diags);

}  // namespace travaux::load
