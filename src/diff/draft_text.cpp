// Sections and paragraphs of a draft, anchored as the draft page anchors them (docs/drafts-and-changes.md;
// CONTENT-MODEL.md, "Cross-references": anchors inside a draft are stable across versions).
#include "diff/draft_text.h"

#include <set>

#include "diff/inline_html.h"
#include "diff/word_diff.h"
#include "markdown/anchor.h"

namespace travaux::diff {

const Section* DraftText::find(std::string_view anchor) const {
  for (const auto& s : sections)
    if (s.anchor == anchor) return &s;
  return nullptr;
}

std::size_t DraftText::paragraph_count() const {
  std::size_t n = 0;
  for (const auto& s : sections) n += s.paragraphs.size();
  return n;
}

DraftText read_draft(std::string_view body, int first_line, const UrlFor* site_links) {
  markdown::Outline outline = markdown::outline(body, first_line);
  std::vector<markdown::Block>& blocks = outline.blocks;
  std::set<std::string> taken;
  for (const auto& b : blocks)
    if (b.kind == markdown::Block::Kind::numbered) taken.insert("para-" + std::to_string(b.number));
  DraftText out;
  out.marks = std::move(outline.marks);
  out.chars = std::move(outline.chars);
  for (auto& b : blocks) {
    if (b.kind == markdown::Block::Kind::heading) {
      Section s;
      s.anchor = markdown::heading_id(b.text, b.id, taken);
      s.title = std::move(b.text);
      s.title_atoms = std::move(b.atoms);
      s.title_html = page_independent_html(s.title_atoms);
      s.level = b.level;
      s.line = b.first_line;
      out.sections.push_back(std::move(s));
      continue;
    }
    if (b.atoms.empty()) continue;
    if (out.sections.empty()) {
      Section opening;
      opening.anchor = "opening";
      opening.line = b.first_line;
      out.sections.push_back(std::move(opening));
    }
    Paragraph p;
    p.number = b.kind == markdown::Block::Kind::numbered ? b.number : 0;
    p.line = b.first_line;
    p.atoms = std::move(b.atoms);
    p.hash = atoms_hash(p.atoms);
    p.html = page_independent_html(p.atoms);
    if (!p.html && site_links) {
      p.html = inline_html(p.atoms, *site_links);
      p.html_from_root = true;
    }
    out.sections.back().paragraphs.push_back(std::move(p));
  }
  // Kept for the whole comparison: no spare capacity.
  out.sections.shrink_to_fit();
  for (auto& s : out.sections) s.paragraphs.shrink_to_fit();
  return out;
}

}  // namespace travaux::diff
