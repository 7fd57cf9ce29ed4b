#pragma once
// Splitting a source file into TOML front matter and Markdown body (CONTENT-MODEL.md,
// "Front matter" and the UTF-8 edge rules). No disk access: takes the file's bytes.

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace travaux::load {

/// Removes a UTF-8 byte order mark and turns CRLF line endings into LF. Reports invalid
/// UTF-8 as an error at its line and column and returns nullopt.
std::optional<std::string> normalize_text(std::string raw, const std::string& path,
                                          diag::Diagnostics& diags);

struct FrontMatter {
  std::string_view toml;  // between the two `+++` lines
  int toml_line = 2;      // file line of toml's first line
  std::string_view body;  // after the closing `+++` line
  int body_line = 3;      // file line of body's first line
};

/// Finds the `+++` block at the top of `text` (already normalized). Errors: empty file,
/// no opening `+++`, no closing `+++`.
std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& path,
                                              diag::Diagnostics& diags);

}  // namespace travaux::load
