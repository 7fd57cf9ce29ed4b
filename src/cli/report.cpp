// Diagnostic output formats (STYLE.md item 2: print the bad line with a caret, computing it
// only on failure).
#include "cli/report.h"

#include <fstream>
#include <sstream>

#include "diag/text_position.h"
#include "render/escape.h"
#include "text/escape.h"

namespace travaux::cli {

namespace {

const char* severity_name(diag::Severity s) { return s == diag::Severity::error ? "error" : "warning"; }

std::string location(const diag::SourcePos& p) {
  std::string s = p.file;
  if (p.line > 0) s += ":" + std::to_string(p.line) + ":" + std::to_string(p.column > 0 ? p.column : 1);
  return s;
}

std::string source_line(const std::filesystem::path& root, const diag::SourcePos& p) {
  if (p.line <= 0) return {};
  std::ifstream in(root / p.file, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return std::string(diag::line_at(text, p.line));
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

std::string format_text(const diag::Diagnostic& d) {
  using text::terminal_safe;
  std::string s = terminal_safe(location(d.pos)) + ": " + severity_name(d.severity) + ": " + terminal_safe(d.message);
  if (!d.hint.empty()) s += "\n  hint: " + terminal_safe(d.hint);
  return s;
}

void report(const diag::Diagnostics& diags, Format format, const std::filesystem::path& content_root,
            std::ostream& out) {
  if (format == Format::json) {
    out << "[";
    bool first = true;
    for (const auto& d : diags.items()) {
      out << (first ? "\n" : ",\n") << "  {\"severity\": \"" << severity_name(d.severity) << "\", \"file\": "
          << render::json_string(d.pos.file) << ", \"line\": " << d.pos.line << ", \"column\": " << d.pos.column
          << ", \"message\": " << render::json_string(d.message) << ", \"hint\": " << render::json_string(d.hint)
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
    const std::string line = source_line(content_root, d.pos);
    if (const std::string shown = terminal_safe(line); shown != line) {
      out << "  " << shown << "\n";  // escapes shift the columns: no caret
    } else if (!line.empty()) {
      out << "  " << line << "\n  ";
      // The caret goes under the column, counting characters; tabs are kept so it lines up.
      const std::size_t caret_at = diag::byte_offset_of_column(line, d.pos.column);
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

}  // namespace travaux::cli
