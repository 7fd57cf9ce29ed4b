// Diagnostic output formats (STYLE.md item 2: print the bad line with a caret, computing it
// only on failure).
#include "diag/report.h"


#include "diag/text_position.h"
#include "text/escape.h"

namespace travaux::diag {

namespace {

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

std::string location(const SourcePos& p) {
  std::string s = p.file;
  if (p.line > 0) s += ":" + std::to_string(p.line) + ":" + std::to_string(p.column > 0 ? p.column : 1);
  return s;
}

/// GitHub workflow commands need %, CR and LF escaped in messages, and also : and , in properties.
std::string github_escape(std::string s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string format_text(const Diagnostic& d) {
  using text::terminal_safe;
  std::string s = terminal_safe(location(d.pos)) + ": " + severity_name(d.severity) + ": " + terminal_safe(d.message);
  if (!d.hint.empty()) s += "\n  hint: " + terminal_safe(d.hint);
  return s;
}

void report(const Diagnostics& diags, Format format, std::ostream& out) {
  if (format == Format::json) {
    out << "[";
    bool first = true;
    for (const auto& d : diags.items()) {
      out << (first ? "\n" : ",\n") << "  {\"severity\": \"" << severity_name(d.severity) << "\", \"file\": "
          << text::json_string(d.pos.file) << ", \"line\": " << d.pos.line << ", \"column\": " << d.pos.column
          << ", \"message\": " << text::json_string(d.message) << ", \"hint\": " << text::json_string(d.hint)
          << "}";
      first = false;
    }
    out << (first ? "]\n" : "\n]\n");
    return;
  }
  for (const auto& d : diags.items()) {
    if (format == Format::github) {
      out << "::" << severity_name(d.severity) << " file=" << github_escape(d.pos.file, true);
      if (d.pos.line > 0) out << ",line=" << d.pos.line << ",col=" << std::max(1, d.pos.column);
      out << "::" << github_escape(text::terminal_safe(d.message + (d.hint.empty() ? "" : " (" + d.hint + ")")), false) << "\n";
      continue;
    }
    // Text goes to a terminal: messages quote front matter and source lines, which may hold
    // escape sequences or bidi overrides (docs/hostile-input.md, "Terminal output").
    using text::terminal_safe;
    out << terminal_safe(location(d.pos)) << ": " << severity_name(d.severity) << ": " << terminal_safe(d.message) << "\n";
    const std::string& line = d.line_text;
    if (const std::string shown = terminal_safe(line); shown != line) {
      out << "  " << shown << "\n";  // escapes shift the columns: no caret
    } else if (!line.empty()) {
      out << "  " << line << "\n  ";
      // The caret goes under the column, counting characters; tabs are kept so it lines up.
      const std::size_t caret_at = byte_offset_of_column(line, d.pos.column);
      for (std::size_t i = 0; i < caret_at; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        out << (c == '\t' ? '\t' : ' ');
      }
      out << "^\n";
    }
    if (!d.hint.empty()) out << "  hint: " << terminal_safe(d.hint) << "\n";
  }
}

}  // namespace travaux::diag
