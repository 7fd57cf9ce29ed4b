#pragma once
// Citations of a document page (docs/citations.md): the Highwire and Dublin Core <meta> tags
// Zotero and Google Scholar read, schema.org JSON-LD, the "Cite this" reference, and the
// cite.bib / cite.ris files beside the page. Every value is escaped for its format.

#include <string>
#include <vector>

#include "link/linked_archive.h"
#include "model/archive.h"

namespace travaux::render {

/// What a citation says about one document, gathered once from its front matter.
struct Citation {
  std::string id;
  model::Kind kind = model::Kind::page;
  std::string type_label;  // "Letter", "Draft", "Round", "Document", "Page"
  std::string title;
  std::string label;                 // a draft's label ("Rev 1"), else ""
  std::vector<std::string> authors;  // people's names, not ids
  std::string recipient;             // `to`
  std::string place;
  model::Date date;
  std::string archive;   // archive.toml `title`
  std::string process;   // [process] name, "" when not given
  std::string language;  // archive.toml `language`
  std::string url;       // permalink in folder form under base_url
  std::string pdf_url;   // the original when `source` is a PDF; "" otherwise
  std::string summary;
  std::vector<std::string> topics;
  std::vector<std::string> relations;  // permalinks of its rounds, drafts or text versions
};

Citation make_citation(const model::Archive& archive, const link::LinkedArchive& linked, const model::Document& doc);

/// The <meta> tags (Highwire citation_*, Dublin Core DC.*) and the JSON-LD <script>, for <head>.
std::string citation_head(const Citation& c);
/// The reference as archivists write it for diplomatic correspondence: sender to recipient,
/// type, place, date, archive, URL. Plain text (the theme escapes it).
std::string citation_text(const Citation& c);
/// One BibTeX entry: letters, documents, rounds and pages as @misc, drafts as @techreport.
std::string citation_bibtex(const Citation& c);
/// One RIS record (CRLF lines): letters PCOMM (Zotero's letter), drafts RPRT, documents
/// GOVDOC, rounds and pages ELEC.
std::string citation_ris(const Citation& c);

}  // namespace travaux::render
