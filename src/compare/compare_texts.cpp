// The comparison stage: each text's versions read once and each adjacent pair compared once
// (docs/drafts-and-changes.md, "The comparison stage").
#include "compare/compare_texts.h"

#include <tbb/parallel_for.h>

namespace travaux::compare {

std::pair<const ComparedText*, std::size_t> ComparedArchive::find(const model::Document& draft) const {
  auto it = where_.find(&draft);
  if (it == where_.end()) return {nullptr, 0};
  return {&texts[it->second.first], it->second.second};
}

const diff::Comparison* ComparedArchive::changes_of(const model::Document& draft) const {
  auto [text, k] = find(draft);
  if (!text || !text->with_previous[k]) return nullptr;
  return &*text->with_previous[k];
}

ComparedArchive compare_texts(const model::Archive& archive, const link::LinkedArchive& linked) {
  (void)archive;
  ComparedArchive out;
  const auto& texts = linked.drafts.texts();
  out.texts.resize(texts.size());
  std::vector<std::pair<std::size_t, std::size_t>> all;  // (text, version)
  for (std::size_t t = 0; t < texts.size(); ++t) {
    ComparedText& ct = out.texts[t];
    ct.text = &texts[t];
    ct.versions.resize(texts[t].versions.size());
    ct.with_previous.resize(texts[t].versions.size());
    for (std::size_t k = 0; k < texts[t].versions.size(); ++k) {
      ct.versions[k].doc = texts[t].versions[k];
      out.where_[texts[t].versions[k]] = {t, k};
      all.emplace_back(t, k);
    }
  }
  // Read every held text once, then compare every adjacent pair once; both in parallel into
  // pre-sized slots, so the result is the same on any number of threads.
  tbb::parallel_for(std::size_t{0}, all.size(), [&](std::size_t n) {
    Version& v = out.texts[all[n].first].versions[all[n].second];
    if (v.doc->full_text) v.text = diff::read_draft(v.doc->body, v.doc->body_line);
  });
  tbb::parallel_for(std::size_t{0}, all.size(), [&](std::size_t n) {
    auto [t, k] = all[n];
    ComparedText& ct = out.texts[t];
    if (k == 0 || !ct.versions[k - 1].text || !ct.versions[k].text) return;
    ct.with_previous[k] = diff::compare(*ct.versions[k - 1].text, *ct.versions[k].text);
  });
  return out;
}

}  // namespace travaux::compare
