// Text normalization and `+++` front matter splitting (CONTENT-MODEL.md, "Front matter",
// "Edge rules": BOM, CRLF, invalid UTF-8, empty files).
#include "load/front_matter.h"

#include <cstdint>
#include <cstring>
#include <cstdio>

#include "diag/text_position.h"

namespace travaux::load {

namespace {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;  // no UTF-16 surrogates
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

}  // namespace

std::optional<std::string> normalize_text(std::string raw, const std::string& path,
                                          diag::Diagnostics& diags) {
  if (raw.starts_with("\xEF\xBB\xBF")) raw.erase(0, 3);
  // Eight bytes at a time while they are ASCII, which most of every archive is.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (std::size_t i = 0; i < raw.size();) {
    if (i + 8 <= raw.size()) {
      std::uint64_t word;
      std::memcpy(&word, raw.data() + i, 8);
      if (!(word & kHighBits)) {
        i += 8;
        continue;
      }
    }
    std::size_t n = utf8_sequence_length(raw, i);
    if (n == 0) {
      auto lc = diag::line_column_of(raw, i);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(raw[i]));
      diags.error({path, lc.line, lc.column}, std::string("invalid UTF-8 (byte ") + hex + ")",
                  "save the file as UTF-8");
      return std::nullopt;
    }
    i += n;
  }
  // CRLF -> LF in one pass; a lone CR is left alone. Most files have none: kept as they are.
  std::size_t cr = raw.find('\r');
  if (cr == std::string::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  std::size_t run = 0;
  for (; cr != std::string::npos; cr = raw.find('\r', cr + 1)) {
    if (cr + 1 < raw.size() && raw[cr + 1] == '\n') {
      out.append(raw, run, cr - run);
      run = cr + 1;
    }
  }
  out.append(raw, run, std::string::npos);
  return out;
}

std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& path,
                                              diag::Diagnostics& diags) {
  if (text.find_first_not_of(" \t\n") == std::string_view::npos) {
    diags.error({path, 1, 1}, "empty file",
                "start the file with front matter between two '+++' lines (title and date at least)");
    return std::nullopt;
  }
  std::size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!is_fence(first)) {
    diags.error({path, 1, 1}, "missing front matter: the file must begin with a '+++' line",
                "add '+++', the TOML keys (title, date, ...) and a closing '+++' at the top");
    return std::nullopt;
  }
  if (first_end == std::string_view::npos) first_end = text.size();
  std::size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    if (is_fence(l)) {
      FrontMatter fm;
      fm.toml = text.substr(first_end + 1, pos - first_end - 1);
      fm.toml_line = 2;
      fm.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      fm.body_line = line + 1;
      return fm;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.error({path, 1, 1}, "front matter opened with '+++' on line 1 is never closed",
              "add a line holding only '+++' after the last front-matter key");
  return std::nullopt;
}

}  // namespace travaux::load
