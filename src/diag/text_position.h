#pragma once
// Byte offsets to 1-based line:column in characters. cmark counts bytes and toml++ code
// points; everything reported to the user counts characters (STYLE.md).

#include <string_view>

namespace travaux::diag {

/// Number of UTF-8 code points in `bytes` (continuation bytes are not counted).
int count_chars(std::string_view bytes);

/// 1-based character column of byte offset `byte_offset` within `line`.
int char_column(std::string_view line, std::size_t byte_offset);

/// Byte offset of 1-based character column `column` within `line` (clamped to its size).
std::size_t byte_offset_of_column(std::string_view line, int column);

/// The text of 1-based line `line` of `text`, without its newline; empty if out of range.
std::string_view line_at(std::string_view text, int line);

struct LineColumn {
  int line = 1;
  int column = 1;
};

/// Line and character column of byte `offset` in `text`.
LineColumn line_column_of(std::string_view text, std::size_t offset);

}  // namespace travaux::diag
