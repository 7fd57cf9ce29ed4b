// The fingerprints of pages (docs/incremental-builds.md, "Pages not rendered again").
#include "render/page_reuse.h"

#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>

namespace travaux::render {

namespace {

class Hasher {
 public:
  Hasher() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~Hasher() { XXH3_freeState(state_); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  /// Length first, so that no two sequences of fields hash the same bytes.
  void add(std::string_view s) {
    add(static_cast<std::uint64_t>(s.size()));
    XXH3_64bits_update(state_, s.data(), s.size());
  }
  void add(std::uint64_t n) { XXH3_64bits_update(state_, &n, sizeof n); }
  std::uint64_t digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

/// Adds the documents numbered in `related` (sorted, each once) by number and source hash.
void add_related(Hasher& h, std::vector<std::size_t>& related, const std::vector<std::uint64_t>& hashes) {
  std::sort(related.begin(), related.end());
  related.erase(std::unique(related.begin(), related.end()), related.end());
  h.add(static_cast<std::uint64_t>(related.size()));
  for (const std::size_t j : related) {
    h.add(static_cast<std::uint64_t>(j));
    h.add(hashes[j]);
  }
}

}  // namespace

std::vector<std::string> document_page_files(const model::Document& doc) {
  return {doc.url_folder + "/index.html", doc.url_folder + "/cite.bib", doc.url_folder + "/cite.ris"};
}

Fingerprints page_fingerprints(const RenderInput& in, std::uint64_t other_sources) {
  const model::Archive& archive = in.archive;
  const auto& docs = archive.documents;
  const auto& texts = in.linked.drafts.texts();
  Hasher catalogue;
  catalogue.add(other_sources);
  for (const auto& doc : docs) {
    catalogue.add(doc.source_path);
    catalogue.add(doc.front_matter);
    catalogue.add(in.linked.of(archive, doc).summary);
  }
  const std::uint64_t base = catalogue.digest();

  // Documents by their place in archive.documents, which every Document* here points into
  // (Archive::find, DraftChain).
  auto number = [&](const model::Document* d) { return static_cast<std::size_t>(d - docs.data()); };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> text_of(docs.size(), kNone);
  for (std::size_t t = 0; t < texts.size(); ++t)
    for (const model::Document* v : texts[t].versions) text_of[number(v)] = t;
  std::vector<std::uint64_t> hashes(docs.size());
  tbb::parallel_for(std::size_t{0}, docs.size(), [&](std::size_t i) { hashes[i] = docs[i].digest(); });

  // What each page reads besides its own sources: the documents that refer to it and those it
  // refers to; for a text, to and from any of its versions.
  std::vector<std::vector<std::size_t>> text_related(texts.size()), doc_related(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (const auto& ref : in.linked.of(archive, docs[i]).references) {
      const model::Document* target = archive.find(ref.to_id);
      if (!target) continue;
      const std::size_t to = number(target);
      doc_related[i].push_back(to);
      doc_related[to].push_back(i);
      if (text_of[to] != kNone) text_related[text_of[to]].push_back(i);
      if (text_of[i] != kNone) text_related[text_of[i]].push_back(to);
    }
  }

  Fingerprints out;
  Hasher listings;
  listings.add(base);
  for (const auto& doc : docs) {
    const auto& refs = in.linked.of(archive, doc).references;
    listings.add(static_cast<std::uint64_t>(refs.size()));
    for (const auto& ref : refs) listings.add(ref.to_id);
  }
  out.listings = listings.digest();
  out.texts.resize(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    Hasher h;
    h.add(base);
    h.add(texts[t].id);
    for (const model::Document* v : texts[t].versions) h.add(hashes[number(v)]);
    add_related(h, text_related[t], hashes);
    out.texts[t] = h.digest();
  }
  out.documents.resize(docs.size());
  tbb::parallel_for(std::size_t{0}, docs.size(), [&](std::size_t i) {
    Hasher h;
    h.add(base);
    h.add(hashes[i]);
    h.add(text_of[i] == kNone ? std::uint64_t{0} : out.texts[text_of[i]]);
    add_related(h, doc_related[i], hashes);
    out.documents[i] = h.digest();
  });
  return out;
}

}  // namespace travaux::render
