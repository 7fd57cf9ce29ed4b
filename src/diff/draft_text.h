#pragma once
// A draft's text as sections and paragraphs, the units the changes and history pages compare
// (docs/drafts-and-changes.md; CONTENT-MODEL.md, "Drafts" and "Cross-references": stable anchors).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/outline.h"

namespace travaux::diff {

/// Maps a link destination as written in the Markdown to the href to write, already safe
/// for the page; "" renders the link's text without a link.
using UrlFor = std::function<std::string(const std::string& url)>;

/// One paragraph of a draft: a numbered paragraph ("12. ..."), or an unnumbered block.
struct Paragraph {
  int number = 0;      // 0 for an unnumbered block
  int line = 0;        // file line where it starts
  std::vector<markdown::Atom> atoms;  // its words: the only copy of its text (markdown::plain_text)
  std::uint64_t hash = 0;  // diff::atoms_hash(atoms): equal words and markup, equal hashes
  /// Its words as HTML, made once for the changes, history and provenance pages that all show
  /// them (diff::held_html). A link's href depends on the page: with links, `html` is unset, or,
  /// when read_draft was given the draft's links, written from the site root
  /// (`html_from_root`: link::kInternalScheme hrefs, made relative to each page as it is written).
  std::optional<std::string> html;
  bool html_from_root = false;

  /// "para-12", or "" when unnumbered.
  std::string anchor() const { return number ? "para-" + std::to_string(number) : std::string(); }
};

/// A heading and the paragraphs up to the next heading. The text before the first heading,
/// if any, is a section with an empty title and the anchor "opening".
struct Section {
  std::string anchor;  // the id the draft page gives the heading: "objective-7", "preamble", or its {#id}
  std::string title;   // plain text of the heading
  std::vector<markdown::Atom> title_atoms;
  std::optional<std::string> title_html;  // as Paragraph::html, for the title
  int level = 0;
  int line = 0;
  std::vector<Paragraph> paragraphs;
};

struct DraftText {
  std::vector<Section> sections;
  std::shared_ptr<markdown::MarkArena> marks;  // what the atoms' marks point into
  std::shared_ptr<markdown::TextArena> chars;  // what the atoms' characters point into

  /// The section with `anchor`, or nullptr.
  const Section* find(std::string_view anchor) const;
  std::size_t paragraph_count() const;
};

/// Reads a draft body (starting on file line `first_line`) into sections. Anchors are the
/// ones the draft page uses: numbered paragraphs take para-N first, then headings take
/// markdown::heading_id (an explicit `{#id}`, objective-N or the slug, made unique with -2, -3).
/// `site_links`, when given, writes the hrefs of the draft's links from the site root
/// (Paragraph::html_from_root); without it, a paragraph with links has no held HTML.
DraftText read_draft(std::string_view body, int first_line, const UrlFor* site_links = nullptr);

}  // namespace travaux::diff
