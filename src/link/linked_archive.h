#pragma once
// What the link stage hands to render: each body as HTML with internal links resolved,
// the anchors each page offers, and every reference between documents (CONTENT-MODEL.md,
// "Cross-references").

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/archive.h"
#include "model/draft_chain.h"
#include "link/reference.h"
#include "text/packed.h"

namespace travaux::link {

/// Internal links in body HTML are written `travaux:<site path>` (folder form, e.g.
/// "travaux:letters/x/#para-3"); render turns them into paths relative to each page.
inline constexpr std::string_view kInternalScheme = "travaux:";

/// The HTML of a document whose link result came from the build cache: made when first asked
/// for, by linking the document again (docs/incremental-builds.md, "Links not made again").
struct DeferredHtml {
  std::function<std::string()> make;
  std::once_flag once;
  std::string html;
};

struct LinkedDocument {
  std::string body_html;  // with travaux: links; empty when held packed: read it with html()
  text::Packed packed_html;  // the HTML compressed, in a packed archive (model::Archive::packed)
  /// Set when the rest came from the build cache and the HTML was not made: html() makes it.
  std::shared_ptr<DeferredHtml> deferred;
  std::string summary;    // `summary`, else the first paragraph's text
  std::vector<std::string> anchors;  // ids the page offers, in document order
  std::vector<Reference> references;  // outgoing, in document order

  /// The body's HTML, unpacked into `scratch` when it is held packed.
  std::string_view html(std::string& scratch) const {
    if (deferred) {
      std::call_once(deferred->once, [this] { deferred->html = deferred->make(); });
      return deferred->html;
    }
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
