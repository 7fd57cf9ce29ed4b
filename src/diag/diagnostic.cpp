// The Diagnostics sink (STYLE.md, "Errors carry file:line:column").
#include "diag/diagnostic.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

namespace travaux::diag {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  add({Severity::error, std::move(pos), std::move(message), std::move(hint), {}});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
  add({Severity::warning, std::move(pos), std::move(message), std::move(hint), {}});
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

void Diagnostics::attach_lines(std::string_view file, std::string_view text, int first_line) {
  // (line within `text`, item) for the items that need it, walked in one pass over `text`.
  std::vector<std::pair<int, std::size_t>> wanted;
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const Diagnostic& d = items_[i];
    if (d.pos.file == file && d.pos.line >= first_line && d.line_text.empty())
      wanted.emplace_back(d.pos.line - first_line + 1, i);
  }
  if (wanted.empty()) return;
  std::sort(wanted.begin(), wanted.end());
  int line = 1;
  std::size_t start = 0;
  for (const auto& [want, item] : wanted) {
    while (line < want && start <= text.size()) {
      const std::size_t nl = text.find('\n', start);
      start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
      ++line;
    }
    if (start > text.size()) break;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    items_[item].line_text = std::string(l);
  }
}

}  // namespace travaux::diag
