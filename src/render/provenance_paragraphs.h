#pragma once
// The paragraphs of a provenance page, one `_provenance_paragraph.html` each
// (docs/drafts-and-changes.md, "Provenance"). As with the paragraphs of changes pages
// (render/paragraph_list.h), the default theme's partial is written here, to the byte what the
// template library makes of it (a test renders both ways), and an archive's own partial is
// rendered for each paragraph as written.

#include <string>
#include <string_view>

#include "render/theme.h"
#include "render/view.h"

namespace travaux::render {

/// One paragraph's fields, as `_provenance_paragraph.html` names them: `html` (its words) and
/// `events_html` are HTML, the rest text; `number` is left out when empty. `html_lasts` and
/// `html_from_root` as in render::ParagraphRow.
struct ProvenanceRow {
  std::string_view id, age, number, html, events_html;
  bool html_lasts = false;
  bool html_from_root = false;
};

class ProvenanceParagraphs {
 public:
  /// Rows for the page at `at`.
  ProvenanceParagraphs(const Theme& theme, const PageLocation& at)
      : theme_(theme), at_(at), stock_(theme.stock_partial("_provenance_paragraph")) {}
  void add(const ProvenanceRow& row);
  bool empty() const { return count_ == 0; }
  /// The rows written so far, for {{{paragraphs_html}}} (through HeldHtml).
  HtmlRope take() { return std::move(out_); }

 private:
  const Theme& theme_;
  const PageLocation& at_;
  const bool stock_;
  std::size_t count_ = 0;
  HtmlRope out_;
};

}  // namespace travaux::render
