#pragma once
// The changes page of a draft against the version it supersedes (docs/drafts-and-changes.md; CONTENT-MODEL.md,
// "Output": drafts/<id>/changes/index.html).

#include <string>
#include <unordered_map>

#include "compare/compare_texts.h"
#include "diff/compare.h"
#include "diff/inline_html.h"
#include "render/page_sink.h"
#include "render/paragraph_list.h"
#include "render/section_list.h"
#include "render/view.h"

namespace travaux::render {

/// Renders drafts/<id>/changes/index.html for every version of `ct` that supersedes another.
/// When both texts are held the page shows the comparison; otherwise it gathers what the
/// sources say changed: the draft's own note and the letters that concern it.
void render_changes_pages(const RenderInput& in, const compare::ComparedText& ct, PageSink& out);

/// Hrefs for links written inside `draft`'s Markdown, relative to `at`: @id#anchor, ../x.md,
/// #anchor (to the draft page), static paths and http(s)/mailto URLs; "" for anything else.
diff::UrlFor draft_url_for(const RenderInput& in, const model::Document& draft, const PageLocation& at);
/// The same hrefs from the site root, the archive's own written with link::kInternalScheme as the
/// link stage writes them (render::relativize makes them relative to a page): for HTML that the
/// comparison stage makes once for every page (compare::SiteLinks).
diff::UrlFor draft_links_from_root(const RenderInput& in, const model::Document& draft);

/// The id of each paragraph of both versions on a changes page: the new version's ids
/// (compare::Version::ids), and compare::removed_id of the old version's for its removed ones,
/// so the provenance pages can link to any paragraph there.
class ParagraphIds {
 public:
  ParagraphIds() = default;
  ParagraphIds(const compare::Version& before, const compare::Version& after);
  /// The id of `p`, a paragraph of the new version (`of_after`) or of the old; "" if none.
  std::string of(const diff::Paragraph* p, bool of_after) const;

 private:
  /// Where each section's paragraphs start in memory, in address order: a paragraph is found
  /// by its address with no table per paragraph.
  struct Version {
    const std::vector<std::vector<std::string>>* ids = nullptr;
    std::vector<std::pair<const diff::Paragraph*, std::size_t>> starts;  // (first paragraph, section)
    Version() = default;
    explicit Version(const compare::Version& v);
    const std::string* of(const diff::Paragraph* p) const;
  };
  Version before_, after_;
};
/// The ids of the paragraphs of version `k` of `ct` and of the version it supersedes (empty
/// when either text is not held).
ParagraphIds changes_page_ids(const compare::ComparedText& ct, std::size_t k);

/// One section of a comparison as `_section_change.html` shows it (render/section_list.h).
/// `before` and `after` are the two drafts; `ids`, when given, names every paragraph's id on
/// the changes page.
SectionBlock section_block(const RenderInput& in, const PageLocation& at, const diff::SectionChange& sc,
                           const model::Document& before, const model::Document& after, const ParagraphIds* ids);

/// The paragraphs of a section of a comparison, one row each (a history page shows nothing else of
/// each version's change).
ParagraphList change_paragraphs(const RenderInput& in, const PageLocation& at, const diff::SectionChange& sc,
                                const model::Document& before, const model::Document& after,
                                const ParagraphIds* ids);

/// What the sources say changed in `after` (its own note, the objective counts, the parts the
/// letters name, the letters with each sentence that refers to it), for a draft whose text
/// or whose predecessor's is not held; `before` is nullptr for the first version.
void add_sources(const RenderInput& in, const PageLocation& at, const model::Document* before,
                 const model::Document& after, Data& d);

/// "2 added, 1 changed, 3 moved" (or "no change").
std::string counts_text(const diff::Counts& c);

/// The site folder of the section histories of `draft`'s text: "history" or "history/<text>".
std::string history_folder(const RenderInput& in, const model::Document& draft);

/// "Objective 7: Title" for a section, or a readable form of its anchor ("Objective 7").
std::string section_label(const diff::Section& s);
std::string anchor_label(const std::string& anchor);

}  // namespace travaux::render
