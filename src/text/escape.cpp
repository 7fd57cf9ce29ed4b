// Escaping for HTML, XML, JSON, iCalendar and the terminal (docs/architecture.md, "text/").
#include "text/escape.h"

#include <cstdio>

namespace travaux::text {

namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

bool is_c0_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

std::string hex_escape(const char* format, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

/// Decodes the UTF-8 sequence at `i` if it is one of the two- or three-byte code points
/// terminal_safe escapes (C1 controls, bidi controls); 0 otherwise. `len` gets its length.
char32_t hidden_code_point(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (i + 1 < s.size() && b(0) == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F) {
    len = 2;
    return b(1);  // U+0080-009F
  }
  if (i + 1 < s.size() && b(0) == 0xD8 && b(1) == 0x9C) {
    len = 2;
    return 0x061C;  // Arabic letter mark
  }
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0x8E || b(2) == 0x8F || (b(2) >= 0xAA && b(2) <= 0xAE))) {
    len = 3;
    return 0x2000 + (b(2) - 0x80);  // U+200E/F, U+202A-202E
  }
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) {
    len = 3;
    return 0x2066 + (b(2) - 0xA6);  // U+2066-2069
  }
  return 0;
}

}  // namespace

namespace {

bool needs_html_escape(char c) {
  return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || is_c0_control(static_cast<unsigned char>(c));
}

}  // namespace

std::string escape_html(std::string_view text, std::string_view apostrophe) {
  // Most values (titles, dates, URLs, labels) need nothing: one copy, no character-by-character append.
  std::size_t first = 0;
  while (first < text.size() && !needs_html_escape(text[first])) ++first;
  if (first == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  out.append(text, 0, first);
  append_escaped_html(out, text.substr(first), apostrophe);
  return out;
}

void append_escaped_html(std::string& out, std::string_view text, std::string_view apostrophe) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += apostrophe; break;
      default:
        if (is_c0_control(static_cast<unsigned char>(c))) out += kReplacementChar;
        else out += c;
    }
  }
}

std::string escape_xml(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (unsigned char c : text)
    if (!is_c0_control(c)) kept += static_cast<char>(c);
  return escape_html(kept);
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  // Bytes that need no escape are copied in runs: most text has none that do.
  auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != 0xE2; };
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (plain(c)) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;
      default:
        if (c < 0x20) {
          out += hex_escape("\\u%04x", c);
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          i += 2;
          run = i + 1;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text);
  return out;
}

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF is one newline
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) break;  // CONTROL is not allowed in TEXT
        out += c;
    }
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
      out += hex_escape("\\x%02x", c);
    } else if (std::size_t len = 0; char32_t cp = hidden_code_point(text, i, len)) {
      out += cp < 0x100 ? hex_escape("\\x%02x", static_cast<unsigned>(cp)) : hex_escape("\\u%04x", static_cast<unsigned>(cp));
      i += len - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

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

std::size_t utf8_boundary_at_or_before(std::string_view text, std::size_t at) {
  if (at >= text.size()) return text.size();
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace travaux::text
