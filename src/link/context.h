#pragma once
// What linking one document needs to know about the rest of the archive (STYLE.md item 7:
// give a stage only what it needs). Built once, read by every document in parallel.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/archive.h"
#include "model/draft_chain.h"

namespace travaux::link {

struct LinkContext {
  const model::Archive& archive;
  const model::DraftChain& drafts;
  /// Anchors each document offers, parallel to archive.documents.
  std::vector<std::set<std::string>> anchors;
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
