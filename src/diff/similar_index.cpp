// Interned words and the inverted index behind paragraph matching (docs/drafts-and-changes.md,
// "How two versions are compared").
#include "diff/similar_index.h"

#include <algorithm>
#include <cctype>

namespace travaux::diff {

std::uint32_t WordIds::id(const std::string& w) {
  return ids_.try_emplace(w, static_cast<std::uint32_t>(ids_.size())).first->second;
}

std::vector<std::uint32_t> word_ids(const std::vector<markdown::Atom>& atoms, WordIds& ids) {
  std::vector<std::uint32_t> out;
  std::string lower;
  for (const auto& a : atoms) {
    const std::string_view text = a.text();
    if (a.kind() != markdown::Atom::Kind::word || text.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if (c < 0x80 && !std::isalnum(c)) continue;
    lower = text;
    for (char& ch : lower)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    out.push_back(ids.id(lower));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t shared_words(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  return 2.0 * static_cast<double>(shared_words(a, b)) / static_cast<double>(a.size() + b.size());
}

double contained(const std::vector<std::uint32_t>& part, const std::vector<std::uint32_t>& whole) {
  if (part.empty()) return 0.0;
  return static_cast<double>(shared_words(part, whole)) / static_cast<double>(part.size());
}

SimilarIndex::SimilarIndex(const std::vector<const std::vector<std::uint32_t>*>& bags) : score_(bags.size(), 0) {
  for (std::size_t i = 0; i < bags.size(); ++i) {
    const auto& bag = *bags[i];
    for (std::size_t k = 0; k < bag.size(); ++k) {
      if (k > 0 && bag[k] == bag[k - 1]) continue;
      auto& list = postings_[bag[k]];
      // A list past the limit is never read; stop growing it (memory stays linear).
      if (list.size() <= kMaxPosting) list.push_back(i);
    }
  }
}

std::vector<std::size_t> SimilarIndex::query(const std::vector<std::uint32_t>& bag, std::size_t limit) const {
  std::vector<std::pair<std::size_t, const std::vector<std::size_t>*>> rare;
  for (std::size_t k = 0; k < bag.size(); ++k) {
    if (k > 0 && bag[k] == bag[k - 1]) continue;
    auto it = postings_.find(bag[k]);
    if (it == postings_.end() || it->second.size() > kMaxPosting) continue;
    rare.emplace_back(it->second.size(), &it->second);
  }
  std::sort(rare.begin(), rare.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->front() < b.second->front();
  });
  if (rare.size() > kRareWords) rare.resize(kRareWords);
  for (const auto& [size, list] : rare)
    for (std::size_t i : *list)
      if (score_[i]++ == 0) touched_.push_back(i);
  // Only the best `limit` are wanted: a partial sort, not a sort of everything touched.
  const auto keep = touched_.begin() + static_cast<long>(std::min(limit, touched_.size()));
  std::partial_sort(touched_.begin(), keep, touched_.end(), [&](std::size_t a, std::size_t b) {
    return score_[a] != score_[b] ? score_[a] > score_[b] : a < b;
  });
  std::vector<std::size_t> out(touched_.begin(), keep);
  for (std::size_t i : touched_) score_[i] = 0;
  touched_.clear();
  return out;
}

}  // namespace travaux::diff
