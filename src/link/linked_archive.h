#pragma once
// What the link stage hands to render: each body as HTML with internal links resolved,
// the anchors each page offers, and every reference between documents (CONTENT-MODEL.md,
// "Cross-references").

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/archive.h"
#include "model/draft_chain.h"
#include "text/packed.h"

namespace travaux::link {

/// Internal links in body HTML are written `travaux:<site path>` (folder form, e.g.
/// "travaux:letters/x/#para-3"); render turns them into paths relative to each page.
inline constexpr std::string_view kInternalScheme = "travaux:";

/// One link from a document to another (or to an anchor in it).
struct Reference {
  enum class Via { link, mention, alias, attachment, front_matter };
  std::string from_id;
  std::string to_id;
  std::string anchor;   // "" or "objective-7"
  std::string context;  // the sentence around the link, plain text
  diag::SourcePos pos;
  Via via = Via::link;
};

struct LinkedDocument {
  std::string body_html;  // with travaux: links; empty when held packed: read it with html()
  text::Packed packed_html;  // the HTML compressed, in a packed archive (model::Archive::packed)
  std::string summary;    // `summary`, else the first paragraph's text
  std::vector<std::string> anchors;  // ids the page offers, in document order
  std::vector<Reference> references;  // outgoing, in document order

  /// The body's HTML, unpacked into `scratch` when it is held packed.
  std::string_view html(std::string& scratch) const {
    if (packed_html.empty()) return body_html;
    packed_html.unpack(scratch);
    return scratch;
  }
};

struct LinkedArchive {
  std::vector<LinkedDocument> documents;  // parallel to Archive::documents
  std::optional<LinkedDocument> home;     // _index.md
  model::DraftChain drafts;
  /// Incoming references per target id, ordered by source document order then position;
  /// one entry per (source document, target) pair.
  std::map<std::string, std::vector<Reference>, std::less<>> backlinks;
  /// Target id -> ids of the documents that list it in `attachments` (by id or .md path), in
  /// document order, each once: the "Attached to" relation, built in one pass.
  std::map<std::string, std::vector<std::string>, std::less<>> attached_to;

  const LinkedDocument& of(const model::Archive& archive, const model::Document& doc) const {
    return documents[static_cast<std::size_t>(&doc - archive.documents.data())];
  }
};

}  // namespace travaux::link
