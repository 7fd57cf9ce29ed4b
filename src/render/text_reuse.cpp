// The fingerprints of texts (docs/incremental-builds.md, "Texts not rendered again").
#include "render/text_reuse.h"

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
  // Documents by their place in archive.documents, which every Document* here points into
  // (Archive::find, DraftChain).
  const auto& docs = archive.documents;
  auto number = [&](const model::Document* d) { return static_cast<std::size_t>(d - docs.data()); };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> text_of(docs.size(), kNone);
  for (std::size_t t = 0; t < texts.size(); ++t)
    for (const model::Document* v : texts[t].versions) text_of[number(v)] = t;

  // The documents each text's pages read besides its own versions: those that refer to one of
  // them, and those they refer to.
  std::vector<std::uint64_t> hashes(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) hashes[i] = source_hash(docs[i]);
  std::vector<std::vector<std::uint64_t>> related(texts.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (const auto& ref : in.linked.of(archive, docs[i]).references) {
      const model::Document* target = archive.find(ref.to_id);
      if (!target) continue;
      const std::size_t to = number(target);
      if (text_of[to] != kNone) related[text_of[to]].push_back(hashes[i]);
      if (text_of[i] != kNone) related[text_of[i]].push_back(hashes[to]);
    }
  }
  const std::uint64_t base = catalogue.digest();
  std::vector<std::uint64_t> out(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    Hasher h;
    h.add(base);
    h.add(texts[t].id);
    for (const model::Document* v : texts[t].versions) h.add(hashes[number(v)]);
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
