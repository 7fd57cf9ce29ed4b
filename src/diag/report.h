#pragma once
// Printing diagnostics as text (with the source line and a caret), GitHub workflow
// annotations, or JSON (docs/cross-references.md, "travaux check"). Used by every command.

#include <ostream>
#include <string>

#include "diag/diagnostic.h"

namespace travaux::diag {

enum class Format { text, github, json };

/// Prints every diagnostic. In text format a diagnostic's `line_text` is shown with a caret
/// under its column; nothing is read from disk.
void report(const Diagnostics& diags, Format format, std::ostream& out);

/// "file:line:column: error: message" plus the hint on the next line (no source excerpt).
std::string format_text(const Diagnostic& d);

}  // namespace travaux::diag
