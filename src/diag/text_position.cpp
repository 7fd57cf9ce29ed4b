// Byte offset <-> line:column conversion (STYLE.md, "cmark counts columns in bytes ...").
#include "diag/text_position.h"

namespace travaux::diag {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

int count_chars(std::string_view bytes) {
  int n = 0;
  for (unsigned char c : bytes) n += is_continuation(c) ? 0 : 1;
  return n;
}

int char_column(std::string_view line, std::size_t byte_offset) {
  if (byte_offset > line.size()) byte_offset = line.size();
  return count_chars(line.substr(0, byte_offset)) + 1;
}

std::size_t byte_offset_of_column(std::string_view line, int column) {
  int seen = 1;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(line[i]))) continue;
    if (seen == column) return i;
    ++seen;
  }
  return line.size();
}

std::string_view line_at(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  if (line < 1 || start > text.size()) return {};
  std::size_t end = text.find('\n', start);
  std::string_view l = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

LineColumn line_column_of(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = char_column(text.substr(line_start), offset - line_start);
  return lc;
}

}  // namespace travaux::diag
