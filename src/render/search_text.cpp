// Body HTML -> blocks of plain text with their anchors (docs/search.md, "Paragraph targets").
#include "render/search_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "text/escape.h"

namespace travaux::render {

namespace {

/// Tags that do not separate words ("<em>Rev</em>1" stays one word).
bool is_inline_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kInline = {"a",     "abbr", "b",   "br",  "code", "em",
                                                               "i",     "mark", "small", "span", "strong", "sub",
                                                               "sup",   "time", "del", "ins"};
  return std::find(kInline.begin(), kInline.end(), name) != kInline.end();
}

/// An entity's code point as UTF-8; one that is not a character (NUL, a surrogate, past
/// U+10FFFF) becomes U+FFFD, as an HTML parser makes it.
void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  text::append_utf8(out, static_cast<std::uint32_t>(cp));
}

/// Decodes the entity starting at html[i] == '&' into `out`; returns the bytes consumed
/// (1 when it is not an entity this program writes, so the '&' is kept as text).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  const std::size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out += '&';
    return 1;
  }
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [n, text] : kNamed)
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    unsigned long cp = 0;
    std::string_view digits = name.substr(hex ? 2 : 1);
    bool ok = !digits.empty();
    for (char c : digits) {
      const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c))
                        ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                        : -1;
      if (v < 0 || cp > 0x10FFFF) {
        ok = false;
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (ok) {
      append_utf8(out, cp);
      return semi - i + 1;
    }
  }
  out += '&';
  return 1;
}

/// The value of ` id="..."` in an opening tag's text, or "".
std::string id_of(std::string_view tag) {
  const std::size_t at = tag.find(" id=\"");
  if (at == std::string_view::npos) return "";
  const std::size_t start = at + 5;
  const std::size_t end = tag.find('"', start);
  return end == std::string_view::npos ? "" : std::string(tag.substr(start, end - start));
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

/// Appends decoded text to a block, collapsing runs of whitespace into one space; the text
/// between spaces goes in whole.
void append_text(std::string& block, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      if (!block.empty() && block.back() != ' ') block += ' ';
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    block.append(text.substr(i, j - i));
    i = j;
  }
}

}  // namespace

std::vector<TextBlock> html_to_blocks(std::string_view html) {
  std::vector<TextBlock> blocks;
  std::string anchor, block, decoded;
  std::string block_anchor;
  auto flush = [&] {
    while (!block.empty() && block.back() == ' ') block.pop_back();
    if (!block.empty()) blocks.push_back({block_anchor, std::move(block)});
    block.clear();
  };
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::size_t n = i + 1;
      const bool closing = n < close && html[n] == '/';
      if (closing) ++n;
      std::size_t e = n;
      while (e < close && std::isalnum(static_cast<unsigned char>(html[e]))) ++e;
      std::string name(html.substr(n, e - n));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
      const std::string_view tag = html.substr(i, close - i + 1);
      i = close + 1;
      if (name == "br") {
        append_text(block, " ");
      } else if (!is_inline_tag(name)) {
        flush();
        if (!closing)
          if (std::string id = id_of(tag); !id.empty()) anchor = std::move(id);
      }
      // A heading's "#" self-link is not text of the document.
      if (name == "a" && !closing && tag.find("class=\"here\"") != std::string_view::npos) {
        const std::size_t end = html.find("</a>", i);
        i = end == std::string_view::npos ? html.size() : end + 4;
      }
    } else {
      const std::size_t next = std::min(html.find('<', i), html.size());
      std::string_view text = html.substr(i, next - i);
      if (text.find('&') != std::string_view::npos) {
        decoded.clear();
        for (std::size_t j = i; j < next;) {
          if (html[j] == '&') {
            j += decode_entity(html, j, decoded);
          } else {
            const std::size_t amp = std::min(html.find('&', j), next);
            decoded.append(html.substr(j, amp - j));
            j = amp;
          }
        }
        text = decoded;
      }
      if (block.empty()) {
        // A block's anchor is the place in force where its first word stands.
        const bool only_space = std::all_of(text.begin(), text.end(), is_space);
        if (!only_space) block_anchor = anchor;
      }
      append_text(block, text);
      if (block == " ") block.clear();
      i = next;
    }
  }
  flush();
  return blocks;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  for (const auto& b : html_to_blocks(html)) {
    if (!out.empty()) out += ' ';
    out += b.text;
  }
  return out;
}

}  // namespace travaux::render
