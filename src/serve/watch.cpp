// Polling change detection for `travaux serve` (CONTENT-MODEL.md, "The command").
#include "serve/watch.h"

#include <algorithm>
#include <string>
#include <vector>

#include <xxhash.h>

namespace travaux::serve {

namespace fs = std::filesystem;

std::uint64_t tree_fingerprint(const fs::path& root) {
  std::vector<std::string> entries;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto size = it->file_size(ec);
    const auto mtime = it->last_write_time(ec).time_since_epoch().count();
    entries.push_back(fs::relative(it->path(), root, ec).string() + '\0' + std::to_string(size) + '\0' +
                      std::to_string(mtime));
  }
  std::sort(entries.begin(), entries.end());
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  for (const auto& e : entries) XXH64_update(state, e.data(), e.size() + 1);
  const std::uint64_t h = XXH64_digest(state);
  XXH64_freeState(state);
  return h;
}

}  // namespace travaux::serve
