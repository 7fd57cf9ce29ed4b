#pragma once
// One section or objective across every draft version (docs/drafts-and-changes.md; CONTENT-MODEL.md, "Output":
// history/<anchor>/index.html).

#include <memory>
#include <vector>

#include "compare/compare_texts.h"
#include "render/page_sink.h"
#include "render/view.h"

namespace travaux::render {

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
  void render_text(const compare::ComparedText& ct, std::size_t t, PageSink& out);
  /// history/index.html, once every text has been rendered.
  void render_index(PageSink& out);

 private:
  struct Lookups;
  const RenderInput& in_;
  std::unique_ptr<const Lookups> lookups_;
  std::vector<std::vector<Data>> items_;  // by text: its index entries
};

}  // namespace travaux::render
