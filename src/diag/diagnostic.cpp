// The Diagnostics sink (STYLE.md, "Errors carry file:line:column").
#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace travaux::diag {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  add({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
  add({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  (d.severity == Severity::error ? errors_ : warnings_)++;
  items_.push_back(std::move(d));
}

void Diagnostics::merge(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos, a.message) < std::tie(b.pos, b.message);
  });
}

}  // namespace travaux::diag
