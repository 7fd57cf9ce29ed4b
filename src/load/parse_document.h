#pragma once
// One source file's bytes -> a Document (CONTENT-MODEL.md, "Front matter"). Needs no disk:
// tests call it on inline strings, like ninja's ManifestParser::ParseTest.

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "model/document.h"

namespace travaux::load {

struct ParsedDocument {
  model::Document doc;
  bool work_in_progress = false;  // `draft = true`: skipped by build
};

/// Parses `raw` (the file's bytes) found at `path` (relative to the content root, '/'-separated).
/// Reports every problem it finds; returns nullopt when the file cannot give a document.
std::optional<ParsedDocument> parse_document(const std::string& path, std::string raw,
                                             diag::Diagnostics& diags);

/// True if `id` matches [a-z0-9][a-z0-9-]*.
bool is_valid_id(std::string_view id);

}  // namespace travaux::load
