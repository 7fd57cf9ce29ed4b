// The sections of a changes page, written directly for the default theme's own partials
// (render/section_list.h).
#include "render/section_list.h"

namespace travaux::render {

namespace {

/// themes/default/_section_change.html, written out. A line of the partial whose optional part
/// is left out keeps its newline, except where a section was entered and wrote nothing: the
/// template library drops such a line.
void write_stock_section(HtmlRope& rope, SectionBlock& s) {
  std::string& out = rope.text();
  const bool unchanged = s.status == "unchanged";
  out += "<section class=\"section-change ";
  append_template_escaped(out, s.status);
  out += "\" id=\"";
  append_template_escaped(out, s.anchor);
  out += "\">\n";
  out += unchanged ? "<details>\n<summary>" : "\n<h2>";
  out += "<span class=\"section-title\">";
  out += s.title_html;
  out += "</span> <span class=\"section-summary\">— ";
  append_template_escaped(out, s.summary);
  out += unchanged ? "</span></summary>\n\n" : "</span></h2>\n";
  out += "<p class=\"section-meta\">";
  if (!s.note.empty()) {
    out += "<span class=\"section-note\">";
    append_template_escaped(out, s.note);
    out += "</span> ";
  }
  out += "<a href=\"";
  append_template_escaped(out, s.history_url);
  out += "\">History of this section</a></p>\n";
  if (s.has_paragraphs) {
    out += "<ol class=\"paras-diff\">\n";
    rope.append(std::move(s.paragraphs));
    rope.text() += "</ol>\n";
  } else {
    out += '\n';
  }
  rope.text() += unchanged ? "</details>\n</section>\n" : "\n</section>\n";
}

Data section_data(const SectionBlock& s, const PageLocation& at) {
  Data d;
  put(d, "anchor", s.anchor);
  put(d, "title_html", s.title_html);
  put(d, "status", s.status);
  if (s.status == "changed") put(d, "changed", true);
  if (s.status == "unchanged") put(d, "unchanged", true);
  if (!s.note.empty()) put(d, "note", s.note);
  put(d, "summary", s.summary);
  put(d, "history_url", s.history_url);
  if (s.has_paragraphs) put(d, "has_paragraphs", true);
  std::string html;
  s.paragraphs.append_to(html, at);
  put(d, "paragraphs_html", std::move(html));
  return d;
}

}  // namespace

void SectionList::write_section(HtmlRope& out, SectionBlock& s) const {
  if (stock_section_) write_stock_section(out, s);
  else out.text() += theme_.render_partial("_section_change", section_data(s, at_));
}

// The blank lines around each entry are those the default changes.html gave when the sections
// were a loop in it; they are kept so that every page stays as it was.
void SectionList::add(SectionBlock section) {
  any_ = true;
  out_.text() += '\n';
  write_section(out_, section);
}

void SectionList::add_run(const std::string& summary, std::vector<SectionBlock> run) {
  any_ = true;
  HtmlRope sections;
  for (auto& s : run) write_section(sections, s);
  if (stock_run_) {
    out_.text() += "<details class=\"unchanged-run\">\n<summary>";
    append_template_escaped(out_.text(), summary);
    out_.text() += "</summary>\n";
    out_.append(std::move(sections));
    out_.text() += "</details>\n";
  } else {
    Data d;
    put(d, "run_summary", summary);
    std::string html;
    sections.append_to(html, at_);
    put(d, "sections_html", std::move(html));
    out_.text() += theme_.render_partial("_unchanged_run", d);
  }
  out_.text() += '\n';
}

HtmlRope SectionList::take() {
  if (!any_) out_.text() += '\n';
  return std::move(out_);
}

}  // namespace travaux::render
