#pragma once
// One section or objective across every draft version (docs/drafts-and-changes.md; CONTENT-MODEL.md, "Output":
// history/<anchor>/index.html).

#include <memory>
#include <string>
#include <vector>

#include "compare/compare_texts.h"
#include "render/page_sink.h"
#include "render/view.h"

namespace travaux::render {

/// One line of history/index.html: a section or objective of a text. Plain strings, so that
/// the build cache can keep them for a text whose pages it does not render again
/// (docs/incremental-builds.md, "Pages not rendered again").
struct HistoryIndexItem {
  std::string title, url, versions;
};

/// The history pages, text by text: history/<anchor>/index.html for every section and
/// objective of every draft (objective-1 to objective-N for drafts that declare `objectives`
/// without their text, and every section anchor a letter names), plus history/index.html
/// listing them. A renamed section is one history, reachable under each of its anchors.
class HistoryPages {
 public:
  /// Gathers, once, the anchors and the mentions every text's pages look up.
  explicit HistoryPages(const RenderInput& in);
  ~HistoryPages();

  /// The pages of `ct`, text number `t` of DraftChain::texts(). Texts may be rendered from
  /// several threads at once, each text once.
  /// Returns the text's lines of the index.
  const std::vector<HistoryIndexItem>& render_text(const compare::ComparedText& ct, std::size_t t, PageSink& out);
  /// For a text whose pages are kept from the last build: its lines of the index, as they were.
  void reuse_text(std::size_t t, std::vector<HistoryIndexItem> items);
  /// history/index.html, once every text has been rendered.
  void render_index(PageSink& out);

 private:
  struct Lookups;
  const RenderInput& in_;
  std::unique_ptr<const Lookups> lookups_;
  std::vector<std::vector<HistoryIndexItem>> items_;  // by text: its index entries
};

}  // namespace travaux::render
