// Reading back a document's search shard (docs/search.md, "Shard format").
#include "render/search_shard_read.h"

#include "text/escape.h"

namespace travaux::render {

namespace {

bool hex4(std::string_view in, std::size_t at, std::uint32_t& v) {
  if (at + 4 > in.size()) return false;
  v = 0;
  for (std::size_t k = at; k < at + 4; ++k) {
    const char c = in[k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
    else return false;
  }
  return true;
}

/// Expects `token` at `at` and moves past it.
bool expect(std::string_view in, std::size_t& at, std::string_view token) {
  if (in.substr(at, token.size()) != token) return false;
  at += token.size();
  return true;
}

/// The blocks of one part's script, appended to `out`.
bool part_blocks(std::string_view script, std::vector<TextBlock>& out) {
  constexpr std::string_view kOpening = "travauxSearchShard(", kKey = "\"blocks\":[", kClosing = "]});\n";
  if (!script.starts_with(kOpening) || !script.ends_with(kClosing)) return false;
  // Inside a JSON string every quote is escaped, so this unescaped key is the blocks' own.
  std::size_t at = script.find(kKey);
  if (at == std::string_view::npos) return false;
  at += kKey.size();
  const std::size_t end = script.size() - kClosing.size();
  for (bool first = true; at < end; first = false) {
    if (!first && !expect(script, at, ",")) return false;
    TextBlock b;
    if (!expect(script, at, "[") || !read_json_string(script, at, b.anchor) || !expect(script, at, ",") ||
        !read_json_string(script, at, b.text) || !expect(script, at, "]"))
      return false;
    out.push_back(std::move(b));
  }
  return at == end;
}

}  // namespace

bool read_json_string(std::string_view in, std::size_t& at, std::string& out) {
  if (at >= in.size() || in[at] != '"') return false;
  ++at;
  while (at < in.size()) {
    const char c = in[at];
    if (c == '"') {
      ++at;
      return true;
    }
    if (c != '\\') {
      const std::size_t run = in.find_first_of("\"\\", at);
      if (run == std::string_view::npos) return false;
      out.append(in.substr(at, run - at));
      at = run;
      continue;
    }
    if (at + 1 >= in.size()) return false;
    const char e = in[at + 1];
    at += 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(in, at, cp)) return false;
        at += 4;
        if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
          std::uint32_t low = 0;
          if (!expect(in, at, "\\u") || !hex4(in, at, low) || low < 0xDC00 || low >= 0xE000) return false;
          at += 4;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp < 0xE000) {
          return false;
        }
        text::append_utf8(out, cp);
        break;
      }
      default: return false;
    }
  }
  return false;
}

std::optional<std::vector<TextBlock>> shard_blocks(const std::vector<std::string>& parts) {
  std::vector<TextBlock> blocks;
  for (const auto& p : parts)
    if (!part_blocks(p, blocks)) return std::nullopt;
  return blocks;
}

}  // namespace travaux::render
