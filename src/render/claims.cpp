// Claims on output paths in a fixed order (docs/architecture.md, "Streaming output").
#include "render/claims.h"

#include <algorithm>
#include <map>

namespace travaux::render {

void OutputClaims::hand_over(std::unique_lock<std::mutex>& lock, Entry& e, const std::string& path, std::string bytes,
                             bool fresh) {
  e.busy = true;
  lock.unlock();
  if (fresh) sink_.add(path, std::move(bytes));
  else sink_.replace(path, std::move(bytes));
  lock.lock();
  while (e.pending) {
    std::string better = std::move(*e.pending);
    e.pending.reset();
    lock.unlock();
    sink_.replace(path, std::move(better));
    lock.lock();
  }
  e.busy = false;
}

void OutputClaims::file(ClaimRank rank, std::string path, std::string bytes) {
  std::unique_lock lock(mutex_);
  auto [it, fresh] = entries_.try_emplace(path);
  Entry& e = it->second;
  if (fresh) {
    e.first = e.written = rank;
    hand_over(lock, e, it->first, std::move(bytes), true);
    return;
  }
  later_.emplace_back(path, rank);
  if (!(rank < e.written)) return;  // loses: its bytes are dropped here
  e.written = rank;
  if (e.busy) e.pending = std::move(bytes);
  else hand_over(lock, e, it->first, std::move(bytes), false);
}

bool OutputClaims::claim_unwritten(ClaimRank rank, const std::string& path) {
  std::unique_lock lock(mutex_);
  auto [it, fresh] = entries_.try_emplace(path);
  if (!fresh) {
    later_.emplace_back(path, rank);
    if (rank < it->second.written) it->second.written = rank;
    return false;
  }
  it->second.first = it->second.written = rank;
  return true;
}

void OutputClaims::copy(ClaimRank rank, std::string path, std::string source) {
  // Copies are claimed first, before any page is rendered, so a copy never needs to
  // overwrite a page; a later copy of a taken path only loses.
  if (claim_unwritten(rank, path)) sink_.add_copy(std::move(path), std::move(source));
}

void OutputClaims::keep(ClaimRank rank, std::string path) {
  // A text's pages are kept only when the last build wrote every one of them without a rival
  // and nothing that decides other paths changed (render/page_reuse.h), so no claim can
  // outrank them here: as for a copy, a taken path only loses.
  if (claim_unwritten(rank, path)) sink_.keep(std::move(path));
}

std::vector<OutputClaims::Loser> OutputClaims::losers() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, std::vector<ClaimRank>> contested;
  for (const auto& [path, rank] : later_) contested[path].push_back(rank);
  std::vector<Loser> out;
  for (auto& [path, ranks] : contested) {
    ranks.push_back(entries_.at(path).first);
    const ClaimRank winner = *std::min_element(ranks.begin(), ranks.end());
    for (const ClaimRank& r : ranks)
      if (r != winner) out.push_back({r, winner, path});
  }
  std::sort(out.begin(), out.end(), [](const Loser& a, const Loser& b) {
    return std::tie(a.rank, a.path) < std::tie(b.rank, b.path);
  });
  return out;
}

}  // namespace travaux::render
