// Version order, `supersedes` and the draft in force (CONTENT-MODEL.md, "Edge rules").
#include "model/draft_chain.h"

#include <algorithm>
#include <tuple>

#include "diag/did_you_mean.h"

namespace travaux::model {

DraftChain DraftChain::build(const Archive& archive, diag::Diagnostics& diags) {
  DraftChain chain;
  chain.versions_ = archive.of_kind(Kind::draft);
  auto& v = chain.versions_;
  std::stable_sort(v.begin(), v.end(), [](const Document* a, const Document* b) {
    // Drafts with an explicit version come in version order; the rest follow by date.
    auto key = [](const Document* d) {
      return std::make_tuple(d->version.has_value() ? 0 : 1, d->version.value_or(0), d->date, d->id);
    };
    return key(a) < key(b);
  });
  std::vector<std::string> ids;
  for (const auto* d : v) ids.push_back(d->id);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Document* prev = i > 0 ? v[i - 1] : nullptr;
    if (!v[i]->supersedes.empty()) {
      const Document* target = archive.find(v[i]->supersedes);
      if (target == nullptr || target->kind != Kind::draft || target == v[i]) {
        std::string hint;
        if (auto near = diag::did_you_mean(v[i]->supersedes, ids)) hint = "did you mean '" + *near + "'?";
        diags.error(v[i]->pos_of("supersedes"),
                    "'supersedes' names '" + v[i]->supersedes + "', which is not another published draft",
                    hint.empty() ? "give the id of the draft this version replaces" : hint);
      } else {
        prev = target;
      }
    }
    chain.supersedes_.push_back(prev);
  }
  return chain;
}

int DraftChain::index_of(const Document& draft) const {
  auto it = std::find(versions_.begin(), versions_.end(), &draft);
  return it == versions_.end() ? -1 : static_cast<int>(it - versions_.begin());
}

const Document* DraftChain::previous(const Document& draft) const {
  int i = index_of(draft);
  return i < 0 ? nullptr : supersedes_[i];
}

const Document* DraftChain::next(const Document& draft) const {
  int i = index_of(draft);
  return i < 0 || i + 1 >= static_cast<int>(versions_.size()) ? nullptr : versions_[i + 1];
}

const Document* DraftChain::in_force_on(const Date& date) const {
  const Document* best = nullptr;
  for (const auto* d : versions_) {
    if (d->date > date) continue;
    // Later in the chain wins among drafts of the same date.
    if (best == nullptr || d->date >= best->date) best = d;
  }
  return best;
}

}  // namespace travaux::model
