// One `_paragraph.html` per paragraph, written directly for the default theme's own partial
// (render/paragraph_list.h).
#include "render/paragraph_list.h"

#include "render/view.h"

namespace travaux::render {

namespace {

/// themes/default/_paragraph.html, written out.
void write_stock(HtmlRope& rope, const ParagraphRow& r, const PageLocation& at) {
  std::string& out = rope.text();
  out += "<li class=\"para ";
  append_template_escaped(out, r.cls);
  out += '"';
  if (!r.id.empty()) {
    out += " id=\"";
    append_template_escaped(out, r.id);
    out += '"';
  }
  out += "><span class=\"num\">";
  append_template_escaped(out, r.number);
  if (!r.was.empty()) {
    out += " <span class=\"was\">(was ";
    append_template_escaped(out, r.was);
    out += ")</span>";
  }
  out += "</span>";
  if (!r.badge.empty()) {
    out += " <span class=\"badge\">";
    append_template_escaped(out, r.badge);
    out += "</span>";
  }
  if (!r.note_html.empty()) out.append(" <span class=\"para-note\">").append(r.note_html).append("</span>");
  if (r.html) {
    out += "<div class=\"words\">";
    rope.append_paragraph_html(*r.html, r.html_lasts, r.html_from_root, at);
    out += "</div>";
  }
  out += "</li>\n";
}

Data row_data(const ParagraphRow& r, const PageLocation& at) {
  Data d;
  for (const auto& [key, value] : {std::pair{"cls", r.cls}, {"id", r.id}, {"number", r.number}, {"was", r.was},
                                   {"badge", r.badge}, {"note_html", r.note_html}})
    if (!value.empty()) put(d, key, std::string(value));
  if (r.html) put(d, "html", r.html_from_root ? relativize(*r.html, at) : std::string(*r.html));
  return d;
}

}  // namespace

void ParagraphList::add(const ParagraphRow& row) {
  ++count_;
  if (stock_) write_stock(out_, row, at_);
  else out_.text() += theme_.render_partial("_paragraph", row_data(row, at_));
}

}  // namespace travaux::render
