// One `_history_version.html` per entry of a history page, written directly for the default
// theme's own partial (render/version_list.h).
#include "render/version_list.h"

namespace travaux::render {

VersionRef::VersionRef(const PageLocation& at, const model::Document& doc)
    : label(doc.display_name()), url(at.url(doc.url_folder + "/")), date_iso(doc.date.iso()), date(doc.date.human()) {}

namespace {

/// `<a href="url">label</a>`, escaped.
void link(std::string& out, std::string_view url, std::string_view label) {
  out += "<a href=\"";
  append_template_escaped(out, url);
  out += "\">";
  append_template_escaped(out, label);
  out += "</a>";
}

/// `<a href="url">label</a> <time datetime="date_iso">date</time>`, as the partial writes a version.
void version(std::string& out, const VersionRef& v) {
  link(out, v.url, v.label);
  out += " <time datetime=\"";
  append_template_escaped(out, v.date_iso);
  out += "\">";
  append_template_escaped(out, v.date);
  out += "</time>";
}

/// themes/default/_history_version.html, written out. A line of the partial whose optional part
/// is left out still ends in its newline, as the template library writes it.
void write_stock(HtmlRope& rope, VersionEntry& e) {
  std::string& out = rope.text();
  out += "<li class=\"version";
  if (e.run) out += " run";
  if (e.absent) out += " absent";
  if (e.not_held) out += " not-held";
  out += "\">\n<h2>";
  if (e.run) {
    version(out, e.first);
    out += " to ";
    version(out, e.last);
    out += "</h2>\n<p class=\"version-status\">";
    append_template_escaped(out, e.status);
    for (std::size_t i = 0; i < e.members.size(); ++i) {
      out += ' ';
      link(out, e.members[i].second, e.members[i].first);
      if (i + 1 < e.members.size()) out += ',';
    }
    out += ".</p>\n</li>\n";
    return;
  }
  version(out, e.draft);
  out += "</h2>\n";
  if (e.present) {
    out += "<p class=\"version-heading\">";
    link(out, e.url, e.heading);
    out += " <span class=\"where\">";
    link(out, e.provenance_url, "where its paragraphs come from");
    out += "</span></p>";
  }
  out += '\n';
  if (!e.status.empty()) {
    out += "<p class=\"version-status\">";
    append_template_escaped(out, e.status);
    if (e.not_held) {
      out += ' ';
      link(out, e.url, "What the archive says of this version");
      out += "; ";
      link(out, e.provenance_url, "where its text comes from");
      out += '.';
    }
    out += "</p>";
  }
  out += '\n';
  if (!e.renamed.empty()) {
    out += "<p class=\"version-status\">";
    append_template_escaped(out, e.renamed);
    out += "</p>";
  }
  out += '\n';
  // The template library drops a line on which a section was entered and nothing was written:
  // a section without paragraphs leaves no line; no section at all leaves an empty one.
  if (!e.has_section) {
    out += '\n';
  } else if (e.has_paragraphs) {
    out += "<ol class=\"paras-diff\">\n";
    rope.append(std::move(e.paragraphs));
    rope.text() += "</ol>\n";
  }
  rope.text() += "</li>\n";
}

void put_nonempty(Data& d, const char* key, const std::string& value) {
  if (!value.empty()) put(d, key, value);
}

Data ref_data(const VersionRef& v) {
  Data d;
  put_nonempty(d, "label", v.label);
  put_nonempty(d, "url", v.url);
  put_nonempty(d, "date_iso", v.date_iso);
  put_nonempty(d, "date", v.date);
  return d;
}

Data entry_data(const VersionEntry& e, const PageLocation& at) {
  Data d;
  for (const auto& [key, on] : {std::pair{"run", e.run}, {"absent", e.absent}, {"not_held", e.not_held},
                                {"present", e.present}})
    if (on) put(d, key, true);
  for (const auto& [key, value] : {std::pair{"status", &e.status}, {"url", &e.url}, {"heading", &e.heading},
                                   {"provenance_url", &e.provenance_url}, {"renamed", &e.renamed}})
    put_nonempty(d, key, *value);
  if (e.run) {
    put(d, "first", ref_data(e.first));
    put(d, "last", ref_data(e.last));
    std::vector<Data> members;
    for (std::size_t i = 0; i < e.members.size(); ++i) {
      Data m;
      put_nonempty(m, "label", e.members[i].first);
      put_nonempty(m, "url", e.members[i].second);
      if (i + 1 < e.members.size()) put(m, "more", true);
      members.push_back(std::move(m));
    }
    set_list(d, "members", list_of(std::move(members)));
  } else {
    put(d, "draft", ref_data(e.draft));
  }
  if (e.has_section) {
    Data section;
    if (e.has_paragraphs) {
      put(section, "has_paragraphs", true);
      std::string html;
      e.paragraphs.append_to(html, at);
      put(section, "paragraphs_html", std::move(html));
    }
    put(d, "section", std::move(section));
  }
  return d;
}

}  // namespace

void VersionList::add(VersionEntry entry) {
  if (stock_) write_stock(out_, entry);
  else out_.text() += theme_.render_partial("_history_version", entry_data(entry, at_));
}

}  // namespace travaux::render
