#pragma once
// The sections of a changes page, one `_section_change.html` each, consecutive unchanged ones
// inside one `_unchanged_run.html` (docs/drafts-and-changes.md, "Pages" and "Long drafts"). As
// with the paragraphs (render/paragraph_list.h), the default theme's partials are written here,
// to the byte what the template library makes of them (a test renders both ways), and an
// archive's own are rendered as written.

#include <string>
#include <vector>

#include "render/theme.h"
#include "render/view.h"

namespace travaux::render {

/// One section of a comparison, as `_section_change.html` names its fields. `title_html` and
/// `paragraphs` are HTML; the rest is text. `note` may be empty (left out).
struct SectionBlock {
  std::string anchor, title_html, status, note, summary, history_url;
  bool has_paragraphs = false;
  HtmlRope paragraphs;
};

class SectionList {
 public:
  /// Sections for the page at `at`.
  SectionList(const Theme& theme, const PageLocation& at)
      : theme_(theme), at_(at), stock_section_(theme.stock_partial("_section_change")),
        stock_run_(theme.stock_partial("_unchanged_run")) {}
  /// A section shown alone.
  void add(SectionBlock section);
  /// Unchanged sections folded into one group, with the line that sums them up.
  void add_run(const std::string& summary, std::vector<SectionBlock> run);
  /// The sections written so far, for {{{sections_html}}} (through HeldHtml).
  HtmlRope take();

 private:
  void write_section(HtmlRope& out, SectionBlock& s) const;
  const Theme& theme_;
  const PageLocation& at_;
  const bool stock_section_, stock_run_;
  bool any_ = false;
  HtmlRope out_;
};

}  // namespace travaux::render
