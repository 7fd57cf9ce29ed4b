// Heading anchors: slugs, objective-N and explicit `{#id}` attributes (CONTENT-MODEL.md,
// "Cross-references").
#include "markdown/anchor.h"

#include <regex>

namespace travaux::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Characters an explicit id may hold: what HTML ids and URL fragments carry without escaping
/// trouble. Anything else means the braces are not an attribute block but text.
bool is_id_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.' || c >= 0x80;
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::optional<HeadingAttribute> trailing_heading_attribute(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '}') return std::nullopt;
  const std::size_t open = text.rfind('{', end - 1);
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view inner = text.substr(open + 1, end - 1 - open - 1);
  if (inner.starts_with(':')) inner.remove_prefix(1);  // kramdown's IAL: {: #id}
  std::string id;
  // Whitespace-separated tokens: #id, .class, key=value (Pandoc); only the id matters here.
  std::size_t i = 0;
  while (i < inner.size()) {
    while (i < inner.size() && is_space(inner[i])) ++i;
    std::size_t j = i;
    while (j < inner.size() && !is_space(inner[j])) ++j;
    const std::string_view token = inner.substr(i, j - i);
    i = j;
    if (token.empty()) continue;
    if (token.starts_with('#')) {
      const std::string_view name = token.substr(1);
      if (name.empty()) return std::nullopt;
      for (unsigned char c : name)
        if (!is_id_char(c)) return std::nullopt;
      id = std::string(name);
    } else if (!token.starts_with('.') && token.find('=') == std::string_view::npos) {
      return std::nullopt;  // "{see below}" is text, not attributes
    }
  }
  if (id.empty()) return std::nullopt;
  std::size_t title = open;
  while (title > 0 && is_space(text[title - 1])) --title;
  return HeadingAttribute{std::move(id), title};
}

std::string heading_anchor(std::string_view heading_text, std::string_view explicit_id) {
  if (!explicit_id.empty()) return std::string(explicit_id);
  static const std::regex kObjective(R"(^\s*objective\s+(\d+)\b)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(heading_text.begin(), heading_text.end(), m, kObjective)) {
    // Strip leading zeros without stoi, which throws past INT_MAX.
    std::string digits = m[1].str();
    const std::size_t nz = digits.find_first_not_of('0');
    return "objective-" + (nz == std::string::npos ? std::string("0") : digits.substr(nz));
  }
  return slugify(heading_text);
}

std::string unique_anchor(std::string id, std::set<std::string>& taken) {
  if (id.empty()) id = "section";
  std::string candidate = id;
  for (int n = 2; !taken.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
  return candidate;
}

std::string heading_id(std::string_view heading_text, std::string_view explicit_id, std::set<std::string>& taken) {
  return unique_anchor(heading_anchor(heading_text, explicit_id), taken);
}

}  // namespace travaux::markdown
