// Citation metadata and files for document pages (docs/citations.md; CONTENT-MODEL.md "Edge
// rules": every value escaped for the format it lands in).
#include "render/citation.h"

#include <cctype>
#include <cstdio>

#include "text/escape.h"
#include "render/urls.h"

namespace travaux::render {

using text::escape_xml;
using text::json_string;
using text::ris_value;
using text::escape_bibtex;
using text::bibtex_url;

namespace {

using model::Kind;

std::string type_label(Kind kind) {
  switch (kind) {
    case Kind::letter: return "Letter";
    case Kind::draft: return "Draft";
    case Kind::round: return "Round";
    case Kind::document: return "Document";
    case Kind::page: return "Page";
  }
  return "Page";
}

bool is_pdf(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext == ".pdf";
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

/// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

void meta(std::string& out, const char* name, const std::string& content) {
  if (content.empty()) return;
  out += "<meta name=\"";
  out += name;
  out += "\" content=\"" + escape_xml(content) + "\">\n";
}

}  // namespace

Citation make_citation(const model::Archive& archive, const link::LinkedArchive& linked, const model::Document& doc) {
  const auto& cfg = archive.config;
  Citation c;
  c.id = doc.id;
  c.kind = doc.kind;
  c.type_label = type_label(doc.kind);
  c.title = doc.title;
  c.label = doc.kind == Kind::draft ? doc.label : "";
  for (const auto& f : doc.from) {
    const model::Person* p = archive.find_sender(f);
    c.authors.push_back(p ? p->name : f);
  }
  c.recipient = doc.to;
  c.place = doc.kind == Kind::round ? doc.location : doc.place;
  c.date = doc.date;
  c.archive = cfg.title;
  c.process = cfg.process_name;
  c.language = cfg.language;
  c.url = permalink(cfg.base_url, doc.url_folder + "/");
  if (is_pdf(doc.source)) {
    if (doc.source.starts_with("http")) c.pdf_url = doc.source;
    else c.pdf_url = permalink(cfg.base_url, doc.source.substr(doc.source.find("static/") + 7));
  }
  c.summary = linked.of(archive, doc).summary;
  c.topics = doc.topics;
  auto relate = [&](const model::Document* t) {
    if (t && t != &doc) c.relations.push_back(permalink(cfg.base_url, t->url_folder + "/"));
  };
  for (const auto& id : doc.rounds) relate(archive.find(id));
  for (const auto& id : doc.drafts) relate(archive.find(id));
  if (doc.kind == Kind::draft) {
    relate(linked.drafts.previous(doc));
    for (const auto* r : linked.drafts.negotiated_in(doc)) relate(r);
  }
  return c;
}

std::string citation_head(const Citation& c) {
  std::string out;
  // Highwire Press tags: what Zotero's "Embedded Metadata" and Google Scholar read first.
  meta(out, "citation_title", c.title);
  for (const auto& a : c.authors) meta(out, "citation_author", a);
  const std::string slash_date = std::to_string(c.date.year) + "/" + two(c.date.month) + "/" + two(c.date.day);
  meta(out, "citation_date", slash_date);
  meta(out, "citation_publication_date", slash_date);
  meta(out, "citation_publisher", c.archive);
  if (c.kind == Kind::draft) meta(out, "citation_technical_report_institution", c.process.empty() ? c.archive : c.process);
  meta(out, "citation_language", c.language);
  meta(out, "citation_public_url", c.url);
  meta(out, "citation_pdf_url", c.pdf_url);
  for (const auto& t : c.topics) meta(out, "citation_keywords", t);
  // Dublin Core.
  out += "<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">\n";
  meta(out, "DC.title", c.title);
  for (const auto& a : c.authors) meta(out, "DC.creator", a);
  meta(out, "DC.date", c.date.iso());
  meta(out, "DC.type", c.type_label);
  meta(out, "DC.identifier", c.url);
  for (const auto& r : c.relations) meta(out, "DC.relation", r);
  meta(out, "DC.coverage", c.place.empty() ? c.process : c.place);
  meta(out, "DC.language", c.language);
  meta(out, "DC.publisher", c.archive);
  if (!c.summary.empty()) meta(out, "DC.description", c.summary);
  // schema.org for search engines; json_string escapes '<', so no value can close the script.
  std::string j = "{\"@context\": \"https://schema.org\", \"@type\": ";
  j += c.kind == Kind::letter ? "\"Message\"" : "\"DigitalDocument\"";
  j += ", \"name\": " + json_string(c.title);
  j += ", \"dateCreated\": " + json_string(c.date.iso());
  j += ", \"inLanguage\": " + json_string(c.language);
  j += ", \"url\": " + json_string(c.url);
  if (!c.authors.empty()) {
    j += c.kind == Kind::letter ? ", \"sender\": [" : ", \"author\": [";
    for (std::size_t i = 0; i < c.authors.size(); ++i)
      j += std::string(i ? ", " : "") + "{\"@type\": \"Person\", \"name\": " + json_string(c.authors[i]) + "}";
    j += "]";
  }
  if (!c.recipient.empty()) j += ", \"recipient\": {\"@type\": \"Audience\", \"name\": " + json_string(c.recipient) + "}";
  if (!c.place.empty()) j += ", \"locationCreated\": {\"@type\": \"Place\", \"name\": " + json_string(c.place) + "}";
  if (!c.summary.empty()) j += ", \"abstract\": " + json_string(c.summary);
  if (!c.topics.empty()) {
    j += ", \"keywords\": [";
    for (std::size_t i = 0; i < c.topics.size(); ++i) j += std::string(i ? ", " : "") + json_string(c.topics[i]);
    j += "]";
  }
  if (!c.pdf_url.empty()) j += ", \"encoding\": {\"@type\": \"MediaObject\", \"encodingFormat\": \"application/pdf\", "
                               "\"contentUrl\": " + json_string(c.pdf_url) + "}";
  j += ", \"isPartOf\": {\"@type\": \"Collection\", \"name\": " + json_string(c.archive) + "}";
  j += ", \"publisher\": {\"@type\": \"Organization\", \"name\": " + json_string(c.archive) + "}}";
  out += "<script type=\"application/ld+json\">" + j + "</script>\n";
  return out;
}

std::string citation_text(const Citation& c) {
  std::string type = c.type_label;
  for (char& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string out;
  if (!c.authors.empty()) {
    out = join_names(c.authors);
    if (!c.recipient.empty()) out += " to " + c.recipient;
    out += ", " + type + " “" + c.title + "”";
  } else {
    out = c.type_label + " “" + c.title + "”";
    if (!c.recipient.empty()) out += " to " + c.recipient;
  }
  if (!c.label.empty() && c.label != c.title) out += " (" + c.label + ")";
  if (!c.place.empty()) out += ", " + c.place;
  out += ", " + c.date.human() + ". " + c.archive;
  if (!c.process.empty() && c.process != c.archive) out += " (" + c.process + ")";
  out += ". " + c.url;
  return out;
}

std::string citation_bibtex(const Citation& c) {
  const bool report = c.kind == Kind::draft;
  std::string out = std::string(report ? "@techreport{" : "@misc{") + c.id + ",\n";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += "  " + std::string(name) + " = {" + value + "},\n";
  };
  std::string authors;
  // Braced whole, so "Juan José Gómez Camacho" stays one name instead of first/last guesses.
  for (std::size_t i = 0; i < c.authors.size(); ++i)
    authors += std::string(i ? " and " : "") + "{" + escape_bibtex(c.authors[i]) + "}";
  field("author", authors);
  field("title", "{" + escape_bibtex(c.title) + "}");
  field("date", c.date.iso());
  field("year", std::to_string(c.date.year));
  field("month", std::to_string(c.date.month));
  field("type", escape_bibtex(c.type_label));
  if (report) {
    field("institution", escape_bibtex(c.process.empty() ? c.archive : c.process));
    field("number", escape_bibtex(c.label));
  } else {
    field("howpublished", escape_bibtex(c.archive));
  }
  if (!c.recipient.empty()) field("note", escape_bibtex(c.type_label + " to " + c.recipient));
  field("address", escape_bibtex(c.place));
  field("publisher", escape_bibtex(c.archive));
  field("language", escape_bibtex(c.language));
  field("url", bibtex_url(c.url));
  if (!c.topics.empty()) {
    std::string k;
    for (std::size_t i = 0; i < c.topics.size(); ++i) k += (i ? ", " : "") + escape_bibtex(c.topics[i]);
    field("keywords", k);
  }
  field("abstract", escape_bibtex(c.summary));
  out.erase(out.size() - 2, 1);  // no comma after the last field
  out += "}\n";
  return out;
}

std::string citation_ris(const Citation& c) {
  std::string out;
  auto tag = [&](const char* name, const std::string& value) {
    const std::string v = ris_value(value);
    if (!v.empty()) out += std::string(name) + "  - " + v + "\r\n";
  };
  const char* ty = c.kind == Kind::letter ? "PCOMM" : c.kind == Kind::draft ? "RPRT"
                   : c.kind == Kind::document ? "GOVDOC" : "ELEC";
  tag("TY", ty);
  tag("TI", c.title);
  for (const auto& a : c.authors) tag("AU", a);
  if (c.kind == Kind::letter) tag("A2", c.recipient);  // Zotero: the letter's recipient
  tag("DA", std::to_string(c.date.year) + "/" + two(c.date.month) + "/" + two(c.date.day) + "/");
  tag("PY", std::to_string(c.date.year));
  tag("M3", c.type_label);
  if (c.kind == Kind::draft) tag("ST", c.label);
  tag("CY", c.place);
  tag("PB", c.kind == Kind::draft && !c.process.empty() ? c.process : c.archive);
  tag("DB", c.archive);
  tag("LA", c.language);
  tag("UR", c.url);
  tag("L1", c.pdf_url);
  tag("AB", c.summary);
  for (const auto& t : c.topics) tag("KW", t);
  if (c.kind != Kind::letter && !c.recipient.empty()) tag("N1", c.type_label + " to " + c.recipient);
  out += "ER  - \r\n";
  return out;
}

}  // namespace travaux::render
