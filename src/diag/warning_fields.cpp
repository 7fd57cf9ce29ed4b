// A warning in the build cache's encoding (diag/warning_fields.h).
#include "diag/warning_fields.h"

namespace travaux::diag {

void put_warning(text::Writer& w, const Diagnostic& d) {
  w.str(d.pos.file);
  w.i64(d.pos.line);
  w.i64(d.pos.column);
  w.str(d.message);
  w.str(d.hint);
  w.str(d.line_text);
}

bool get_warning(text::Reader& r, Diagnostic& d) {
  d.severity = Severity::warning;
  std::int64_t line = 0, column = 0;
  const bool ok = r.str(d.pos.file) && r.i64(line) && r.i64(column) && r.str(d.message) && r.str(d.hint) &&
                  r.str(d.line_text);
  d.pos.line = static_cast<int>(line);
  d.pos.column = static_cast<int>(column);
  return ok;
}

}  // namespace travaux::diag
