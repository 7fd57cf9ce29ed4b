#pragma once
// The paragraphs of a section on a changes or history page, one `_paragraph.html` each
// (docs/drafts-and-changes.md, "Pages"). A long text's pages hold tens of thousands of them,
// and through the template library each cost a data object and a dozen look-ups: most of
// those pages' time. With the default theme's partial they are written here, to the byte what
// the partial gives (a test renders both ways); an archive's own `_paragraph.html` is rendered
// for each paragraph as written.

#include <optional>
#include <string>
#include <string_view>

#include "render/theme.h"
#include "render/view.h"

namespace travaux::render {

/// One paragraph's fields, as `_paragraph.html` names them. An empty field is left out (the
/// partial's {{#field}} sections are then skipped); `html`, when given, is always shown.
/// `html_lasts`: the HTML outlives the page (HtmlRope::append_lasting); `html_from_root`: its
/// hrefs are written from the site root, to be made relative to the page (diff::HeldView).
struct ParagraphRow {
  std::string_view cls, id, number, was, badge, note_html;
  std::optional<std::string_view> html;
  bool html_lasts = false;
  bool html_from_root = false;
};

class ParagraphList {
 public:
  /// Rows for the page at `at`.
  ParagraphList(const Theme& theme, const PageLocation& at)
      : theme_(theme), at_(at), stock_(theme.stock_partial("_paragraph")) {}
  void add(const ParagraphRow& row);
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
