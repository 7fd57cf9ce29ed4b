#pragma once
// HTML for a paragraph's words with their differences marked (docs/drafts-and-changes.md): <ins> and <del> sit
// inside the inline elements (em, strong, a, code), so the markup stays well nested and a
// changed word inside emphasis or a link still renders as emphasis or a link.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/compare.h"
#include "diff/word_diff.h"

namespace travaux::diff {

/// Escaped HTML for `atoms`. Runs of added words become <ins>, removed words <del>; a block
/// break (between paragraphs of one list item) becomes <span class="brk"></span>.
std::string inline_html(const std::vector<DiffAtom>& atoms, const UrlFor& url_for);

/// The same for unchanged text.
std::string inline_html(const std::vector<markdown::Atom>& atoms, const UrlFor& url_for);

/// `atoms` as HTML that is the same on every page: made once when a draft is read (Paragraph::html,
/// Section::title_html), unset when a link's href would depend on the page.
std::optional<std::string> page_independent_html(const std::vector<markdown::Atom>& atoms);

/// A paragraph's own words, or a section's title, as HTML for the page `url_for` serves: the
/// HTML made when the draft was read, if the same on every page, else made now.
std::string plain_html(const Paragraph& p, const UrlFor& url_for);
std::string title_html(const Section& s, const UrlFor& url_for);

/// HTML the comparison stage made once: the same on every page, or with its hrefs written
/// from the site root (`from_root`) to be made relative to each page (render::relativize).
struct HeldView {
  std::string_view html;
  bool from_root = false;
};
/// A paragraph's own words as held (Paragraph::html), if held.
std::optional<HeldView> held_html(const Paragraph& p);
/// inline_html(change) as held (ParagraphChange::html, or an unchanged paragraph's own), if held.
std::optional<HeldView> held_html(const ParagraphChange& change);

/// Makes, once per comparison, the HTML of each changed, added or removed paragraph and of each
/// section title that the changes and history pages both show, where no link makes it depend
/// on the page (ParagraphChange::html, SectionChange::title_html). With each version's links
/// from the site root (read_draft), a paragraph with links is held too, written with them.
void hold_html(Comparison& comparison, const UrlFor* before_links = nullptr, const UrlFor* after_links = nullptr);

/// A compared section's title, word-diffed, for the page `url_for` serves.
std::string title_html(const SectionChange& sc, const UrlFor& url_for);

/// The words of one paragraph of a comparison for the page `url_for` serves: its word diff when
/// it changed, else its own words, inserted (added), deleted (removed) or plain; "" for a
/// moved-away marker. Held HTML is used when the same on every page.
std::string inline_html(const ParagraphChange& change, const UrlFor& url_for);

}  // namespace travaux::diff
