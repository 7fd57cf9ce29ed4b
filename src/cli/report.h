#pragma once
// Printing diagnostics as text (with the source line and a caret), GitHub workflow
// annotations, or JSON (issue #3, `travaux check --format`).

#include <filesystem>
#include <ostream>
#include <string>

#include "diag/diagnostic.h"

namespace travaux::cli {

enum class Format { text, github, json };

/// Prints every diagnostic. `content_root` is used to show the offending line in text format.
void report(const diag::Diagnostics& diags, Format format, const std::filesystem::path& content_root,
            std::ostream& out);

/// "file:line:column: error: message" plus the hint on the next line (no source excerpt).
std::string format_text(const diag::Diagnostic& d);

}  // namespace travaux::cli
