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

  const std::set<std::string>& anchors_of(const model::Document& doc) const {
    return anchors[static_cast<std::size_t>(&doc - archive.documents.data())];
  }
  /// True if `anchor` can be linked on `doc`. A draft whose text the archive does not hold
  /// accepts objective-N (up to its declared `objectives`), para-N and section names.
  bool has_anchor(const model::Document& doc, const std::string& anchor) const;
  /// Site path of a document's page in folder form: "letters/x/".
  static std::string page_path(const model::Document& doc) { return doc.url_folder + "/"; }
};

/// The sentence of `text` that contains byte offset `at` (for "Referenced by").
std::string sentence_around(std::string_view text, std::size_t at);

}  // namespace travaux::link
