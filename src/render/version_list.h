#pragma once
// The versions of a history page, one `_history_version.html` each (docs/drafts-and-changes.md,
// "Pages"). As with the paragraphs (render/paragraph_list.h), the default theme's partial is
// written here, to the byte what the template library makes of it (a test renders both ways),
// and an archive's own partial is rendered for each entry as written: through the library, each
// entry cost a data object of some twenty values, and the history pages a third of their time.

#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "render/theme.h"
#include "render/view.h"

namespace travaux::render {

/// A version as an entry names it: {label, url, date_iso, date}.
struct VersionRef {
  std::string label, url, date_iso, date;
  VersionRef() = default;
  VersionRef(const PageLocation& at, const model::Document& doc);
};

/// One entry of a history page's list: one version, or a run of versions alike (`run`). Empty
/// strings and false flags are left out of the partial's data ({{#field}} skipped).
struct VersionEntry {
  bool run = false;
  bool absent = false;    // the part is not in this version (or in any of the run)
  bool not_held = false;  // the archive does not hold this version's text
  bool present = false;   // the part is in this version: `url`, `heading`, `provenance_url`
  VersionRef draft;       // one version: {{#draft}}
  VersionRef first, last; // a run: {{#first}}, {{#last}}
  std::vector<std::pair<std::string, std::string>> members;  // a run: each version's (label, url)
  std::string status, url, heading, provenance_url, renamed;
  bool has_section = false;     // {{#section}}: the part in this version, as a change or as it stands
  bool has_paragraphs = false;  // {{#has_paragraphs}} in the section: `paragraphs` holds its rows
  HtmlRope paragraphs;
};

class VersionList {
 public:
  /// Entries for the page at `at`.
  VersionList(const Theme& theme, const PageLocation& at)
      : theme_(theme), at_(at), stock_(theme.stock_partial("_history_version")) {}
  void add(VersionEntry entry);
  /// The entries written so far, for {{{versions_html}}} (through HeldHtml).
  HtmlRope take() { return std::move(out_); }

 private:
  const Theme& theme_;
  const PageLocation& at_;
  const bool stock_;
  HtmlRope out_;
};

}  // namespace travaux::render
