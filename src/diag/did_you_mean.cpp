// Nearest-candidate suggestions for diagnostics (STYLE.md, "Suggest the nearest id").
#include "diag/did_you_mean.h"

#include <algorithm>
#include <numeric>

namespace travaux::diag {

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  const int allowed = std::max<int>(1, static_cast<int>(word.size()) / 3);
  std::optional<std::string> best;
  int best_distance = allowed + 1;
  for (const auto& c : candidates) {
    int d = edit_distance(word, c);
    // Ties go to the alphabetically first candidate, so the hint is stable.
    if (d < best_distance || (d == best_distance && best && c < *best)) {
      best = c;
      best_distance = d;
    }
  }
  if (best_distance > allowed) return std::nullopt;
  return best;
}

}  // namespace travaux::diag
