// Chain checks (CONTENT-MODEL.md, "Texts"): model::DraftChain finds them; load reports them so
// `check` lists them with every other front-matter error.
#include "load/check_chains.h"

#include "model/draft_chain.h"

namespace travaux::load {

void check_chains(const model::Archive& archive, diag::Diagnostics& diags) {
  (void)model::DraftChain::build(archive, diags);
}

}  // namespace travaux::load
