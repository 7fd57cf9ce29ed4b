// The comparison stage: each text's versions read once and each adjacent pair compared once
// (docs/drafts-and-changes.md, "The comparison stage").
#include "compare/compare_texts.h"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "compare/provenance.h"
#include "diff/inline_html.h"

namespace travaux::compare {

ComparedText compare_text(const model::NegotiatedText& text, const SiteLinks& links) {
  ComparedText ct;
  ct.text = &text;
  const std::size_t n = text.versions.size();
  ct.versions.resize(n);
  ct.with_previous.resize(n);
  std::vector<diff::UrlFor> links_of(n);
  for (std::size_t k = 0; k < n; ++k) {
    ct.versions[k].doc = text.versions[k];
    if (links) links_of[k] = links(*text.versions[k]);
  }
  const auto links_at = [&](std::size_t k) { return links ? &links_of[k] : nullptr; };
  // Read every held version once, then compare every adjacent pair once; both into pre-sized
  // slots, so the result is the same on any number of threads.
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t k) {
    Version& v = ct.versions[k];
    std::string unpacked;  // read_draft keeps nothing that points into the text
    if (!v.doc->full_text) return;
    v.text = diff::read_draft(v.doc->markdown(unpacked), v.doc->body_line, links_at(k));
    v.ids = paragraph_ids(*v.text);
  });
  tbb::parallel_for(std::size_t{1}, std::max<std::size_t>(n, 1), [&](std::size_t k) {
    if (ct.versions[k - 1].text && ct.versions[k].text) {
      ct.with_previous[k] = diff::compare(*ct.versions[k - 1].text, *ct.versions[k].text);
      diff::hold_html(*ct.with_previous[k], links_at(k - 1), links_at(k));
    }
  });
  return ct;
}

ComparedArchive compare_texts(const model::Archive& archive, const link::LinkedArchive& linked,
                              const SiteLinks& links) {
  (void)archive;
  ComparedArchive out;
  const auto& texts = linked.drafts.texts();
  out.texts.resize(texts.size());
  tbb::parallel_for(std::size_t{0}, texts.size(), [&](std::size_t t) { out.texts[t] = compare_text(texts[t], links); });
  return out;
}

std::size_t ComparedText::largest_body() const {
  std::size_t largest = 0;
  for (const Version& v : versions) largest = std::max(largest, v.doc->markdown_size());
  return largest;
}

}  // namespace travaux::compare
