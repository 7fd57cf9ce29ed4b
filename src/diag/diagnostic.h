#pragma once
// Diagnostics: every content problem carries a file:line:column (STYLE.md, "Errors carry ...").

#include <ostream>
#include <string>
#include <vector>

namespace travaux::diag {

/// A position in a source file. `file` is relative to the content root, line and column
/// are 1-based and count characters (code points), not bytes. Line 0 means "the whole file".
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;

  friend auto operator<=>(const SourcePos&, const SourcePos&) = default;
  /// "file:line:column", for messages and test failures.
  friend std::ostream& operator<<(std::ostream& out, const SourcePos& p) {
    return out << p.file << ":" << p.line << ":" << p.column;
  }
};

enum class Severity { error, warning };

/// One problem found in the content. `message` says what is wrong, `hint` what to change.
struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;
  std::string hint;
  /// The text of line `pos.line`, filled by the stage that holds the file's text (attach_lines),
  /// so the report prints it with a caret without reading the file again.
  std::string line_text;
};

/// The sink every stage reports into. Stages that run documents in parallel give each
/// document its own sink and merge them in document order, so output stays deterministic.
class Diagnostics {
 public:
  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});
  void add(Diagnostic d);
  void merge(const Diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  int warning_count() const { return warnings_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Orders by file, line, column, then message, so reports never depend on thread timing.
  void sort();

  /// Fills `line_text` of every diagnostic about `file` whose line lies in `text`, where the
  /// first line of `text` is line `first_line` of the file. Linear in `text`, and done only
  /// for files that have a diagnostic.
  void attach_lines(std::string_view file, std::string_view text, int first_line = 1);

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace travaux::diag
