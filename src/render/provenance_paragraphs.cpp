// One `_provenance_paragraph.html` per paragraph of a provenance page, written directly for the
// default theme's own partial (render/provenance_paragraphs.h).
#include "render/provenance_paragraphs.h"

namespace travaux::render {

namespace {

/// themes/default/_provenance_paragraph.html, written out.
void write_stock(HtmlRope& rope, const ProvenanceRow& r, const PageLocation& at) {
  std::string& out = rope.text();
  out += "<li id=\"";
  append_template_escaped(out, r.id);
  out += "\" class=\"age-";
  append_template_escaped(out, r.age);
  out += "\"><span class=\"num\">";
  append_template_escaped(out, r.number);
  out += "</span><div class=\"words\">";
  rope.append_paragraph_html(r.html, r.html_lasts, r.html_from_root, at);
  rope.text().append("</div><p class=\"prov-note\">").append(r.events_html).append("</p></li>\n");
}

Data row_data(const ProvenanceRow& r, const PageLocation& at) {
  Data d;
  put(d, "id", std::string(r.id));
  if (!r.number.empty()) put(d, "number", std::string(r.number));
  put(d, "html", r.html_from_root ? relativize(r.html, at) : std::string(r.html));
  put(d, "age", std::string(r.age));
  put(d, "events_html", std::string(r.events_html));
  return d;
}

}  // namespace

void ProvenanceParagraphs::add(const ProvenanceRow& row) {
  ++count_;
  if (stock_) write_stock(out_, row, at_);
  else out_.text() += theme_.render_partial("_provenance_paragraph", row_data(row, at_));
}

}  // namespace travaux::render
