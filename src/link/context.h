#pragma once
// What linking one document needs to know about the rest of the archive (STYLE.md item 7:
// give a stage only what it needs). Built once, read by every document in parallel.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "model/archive.h"
#include "model/draft_chain.h"

namespace travaux::link {

/// The anchors each document offers, parallel to archive.documents, each made once, when first
/// needed (docs/architecture.md, "Anchors made when first needed"): by the document's own
/// linking, from the tree it parses anyway, or by a look-up from another document linked
/// first, which reads the body for them. Safe to use from parallel work: a document's anchors
/// are a function of its body alone, so whichever thread makes them makes the same.
class AnchorTable {
 public:
  using Make = std::function<std::set<std::string>()>;
  AnchorTable(std::size_t documents, std::function<std::set<std::string>(std::size_t)> read, bool hashed);
  /// Document `i`'s anchors, read from its body if nothing made them yet.
  const std::set<std::string>& at(std::size_t i) const;
  /// Document `i`'s anchors, made by `make` if nothing made them yet.
  const std::set<std::string>& settle(std::size_t i, const Make& make) const;
  /// anchor_set_hash of document `i`'s anchors (the table must be `hashed`).
  std::uint64_t hash(std::size_t i) const;
  /// How many documents' bodies were read only for their anchors.
  std::size_t bodies_read() const;

 private:
  struct Slot {
    std::once_flag once;
    std::set<std::string> anchors;
    std::uint64_t hash = 0;
  };
  std::unique_ptr<Slot[]> slots_;
  std::function<std::set<std::string>(std::size_t)> read_;
  bool hashed_;
  mutable std::atomic<std::size_t> read_count_{0};
};

struct LinkContext {
  const model::Archive& archive;
  const model::DraftChain& drafts;
  /// Anchors each document offers.
  std::unique_ptr<AnchorTable> anchors;
  /// Source path ("letters/x.md") -> document.
  std::map<std::string, const model::Document*, std::less<>> by_path;
  /// Paths of static files, relative to static/.
  std::set<std::string, std::less<>> static_paths;

  /// Noted in the thread's open AnchorReads, if any.
  const std::set<std::string>& anchors_of(const model::Document& doc) const;
  /// True if `anchor` can be linked on `doc`. A draft whose text the archive does not hold
  /// accepts objective-N (up to its declared `objectives`), para-N and section names.
  bool has_anchor(const model::Document& doc, const std::string& anchor) const;
  /// Site path of a document's page in folder form: "letters/x/".
  static std::string page_path(const model::Document& doc) { return doc.url_folder + "/"; }
};

/// The documents whose anchors one document's links looked up, while it is linked on this
/// thread: what the build cache must check before it reuses that document's link result
/// (link_record.h). Opened around one document's linking; never across parallel work.
class AnchorReads {
 public:
  AnchorReads();
  ~AnchorReads();
  AnchorReads(const AnchorReads&) = delete;
  AnchorReads& operator=(const AnchorReads&) = delete;
  /// Indexes into archive.documents, in the order looked up, repeats included.
  std::vector<std::size_t> documents;

 private:
  friend struct LinkContext;
  AnchorReads* outer_;
};

/// The sentence of `text` that contains byte offset `at` (for "Referenced by").
std::string sentence_around(std::string_view text, std::size_t at);

}  // namespace travaux::link
