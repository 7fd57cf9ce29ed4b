#pragma once
// documents.csv: one row per published document with the fields of archive.json's records,
// for spreadsheets and data tools (docs/content-model.md, "Data for reuse").

#include <string>

#include "render/view.h"

namespace travaux::render {

/// RFC 4180 CSV (CRLF rows, a header row, quoted fields where needed, UTF-8 without a byte
/// order mark). Lists (from, topics, links_to) are joined with "; ". Cells that a spreadsheet
/// would run as a formula start with a "'".
std::string render_documents_csv(const RenderInput& in);

}  // namespace travaux::render
