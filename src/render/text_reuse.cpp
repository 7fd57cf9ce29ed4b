// The fingerprints of texts (docs/incremental-builds.md, "Texts not rendered again").
#include "render/text_reuse.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_map>

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

std::uint64_t source_hash(const model::Document& doc) {
  Hasher h;
  h.add(doc.front_matter);
  h.add(doc.body);
  return h.digest();
}

}  // namespace

std::vector<std::uint64_t> text_fingerprints(const RenderInput& in, std::uint64_t other_sources) {
  const model::Archive& archive = in.archive;
  const auto& texts = in.linked.drafts.texts();
  Hasher catalogue;
  catalogue.add(other_sources);
  for (const auto& doc : archive.documents) {
    catalogue.add(doc.source_path);
    catalogue.add(doc.front_matter);
    catalogue.add(in.linked.of(archive, doc).summary);
  }
  std::unordered_map<const model::Document*, std::size_t> text_of;
  for (std::size_t t = 0; t < texts.size(); ++t)
    for (const model::Document* v : texts[t].versions) text_of.emplace(v, t);

  // The documents each text's pages read besides its own versions: those that refer to one of
  // them, and those they refer to.
  std::vector<std::uint64_t> hashes(archive.documents.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) hashes[i] = source_hash(archive.documents[i]);
  std::unordered_map<const model::Document*, std::size_t> number;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) number.emplace(&archive.documents[i], i);
  std::vector<std::vector<std::uint64_t>> related(texts.size());
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    const model::Document& doc = archive.documents[i];
    const auto from = text_of.find(&doc);
    for (const auto& ref : in.linked.of(archive, doc).references) {
      const model::Document* target = archive.find(ref.to_id);
      if (!target) continue;
      if (auto to = text_of.find(target); to != text_of.end()) related[to->second].push_back(hashes[i]);
      if (auto n = number.find(target); from != text_of.end() && n != number.end())
        related[from->second].push_back(hashes[n->second]);
    }
  }
  const std::uint64_t base = catalogue.digest();
  std::vector<std::uint64_t> out(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    Hasher h;
    h.add(base);
    h.add(texts[t].id);
    for (const model::Document* v : texts[t].versions) h.add(hashes[number.at(v)]);
    auto& r = related[t];
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    h.add(static_cast<std::uint64_t>(r.size()));
    for (const std::uint64_t x : r) h.add(x);
    out[t] = h.digest();
  }
  return out;
}

}  // namespace travaux::render
