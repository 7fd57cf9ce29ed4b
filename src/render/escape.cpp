// Forwards to text/escape.h, the one escaping module (docs/architecture.md, "text/").
#include "render/escape.h"

#include "text/escape.h"

namespace travaux::render {

std::string escape_xml(std::string_view text) { return ::travaux::text::escape_xml(text); }
std::string json_string(std::string_view text) { return ::travaux::text::json_string(text); }

std::string escape_bibtex(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '%': case '&': case '$': case '#': case '_':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '^': out += "\\^{}"; break;
      case '~': out += "\\~{}"; break;
      default: out += c < 0x20 ? ' ' : static_cast<char>(c);
    }
  }
  return out;
}

std::string bibtex_url(std::string_view url) {
  std::string out;
  for (unsigned char c : url) {
    if (c == '{' || c == '}' || c == '\\' || c <= 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string ris_value(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += c < 0x20 ? ' ' : static_cast<char>(c);
  const auto b = out.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

std::string csv_field(std::string_view text) {
  // Control characters other than tab, CR and LF never reach a data file: each becomes U+FFFD.
  std::string value;
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) value += "\xEF\xBF\xBD";
    else value += static_cast<char>(c);
  }
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r'))
    value.insert(0, 1, '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace travaux::render
