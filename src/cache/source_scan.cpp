// The source scan (docs/incremental-builds.md, "Deciding that nothing changed").
#include "cache/source_scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <utility>
#include <vector>

#include <tbb/parallel_for.h>

#include "cache/hash.h"

namespace travaux::cache {

namespace fs = std::filesystem;

namespace {

/// File systems keep modification times in ticks as coarse as 2 s (FAT; ext4 without nanosecond
/// stamps: 1 s), so a file written this close before a scan may change again within the same
/// tick without its stamp changing: it is hashed again rather than trusted.
constexpr std::int64_t kRacyMarginNs = 2'000'000'000;

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

struct Walk {
  std::map<std::string, FileStamp>& files;
  std::set<std::pair<dev_t, ino_t>> open_dirs;  // the folders being walked: a link back to one is a loop

  void dir(const fs::path& path, const std::string& rel, bool in_static) {
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      if (name.empty() || (name[0] == '.' && !in_static)) continue;
      const std::string child = rel.empty() ? name : rel + "/" + name;
      const fs::path p = path / name;
      struct stat st {};
      if (::stat(p.c_str(), &st) != 0) {
        // A dangling link: load reports it. Recorded so that fixing it counts as a change.
        files[child] = FileStamp{0, -1, 0, 0};
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!open_dirs.insert({st.st_dev, st.st_ino}).second) continue;
        dir(p, child, in_static || (rel.empty() && name == "static"));
        open_dirs.erase({st.st_dev, st.st_ino});
      } else if (S_ISREG(st.st_mode)) {
        files[child] = FileStamp{static_cast<std::uint64_t>(st.st_size), mtime_ns(st),
                                 static_cast<std::uint64_t>(st.st_ino), 0};
      }
    }
  }
};

}  // namespace

SourceScan scan_sources(const fs::path& content_root, const Manifest* previous) {
  SourceScan scan;
  scan.started_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  std::error_code ec;
  const fs::path root = fs::canonical(content_root, ec);
  struct stat st {};
  if (ec || ::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return scan;
  Walk walk{scan.files, {{st.st_dev, st.st_ino}}};
  walk.dir(root, "", false);
  std::vector<std::pair<const std::string, FileStamp>*> to_hash;
  for (auto& entry : scan.files) {
    FileStamp& now = entry.second;
    if (now.mtime_ns < 0) continue;
    if (previous) {
      auto it = previous->sources.find(entry.first);
      if (it != previous->sources.end() && it->second.size == now.size && it->second.mtime_ns == now.mtime_ns &&
          it->second.inode == now.inode && now.mtime_ns < previous->scan_started_ns - kRacyMarginNs) {
        now.hash = it->second.hash;
        continue;
      }
    }
    to_hash.push_back(&entry);
  }
  tbb::parallel_for(std::size_t{0}, to_hash.size(), [&](std::size_t i) {
    auto& [rel, stamp] = *to_hash[i];
    const auto h = hash_file(root / rel);
    // Unreadable: a stamp no later scan matches, so the file always counts as changed.
    if (h) stamp.hash = *h;
    else stamp.mtime_ns = -1;
  });
  scan.ok = true;
  return scan;
}

bool same_sources(const std::map<std::string, FileStamp>& a, const std::map<std::string, FileStamp>& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
    if (i->first != j->first || i->second.hash != j->second.hash || i->second.mtime_ns < 0 || j->second.mtime_ns < 0)
      return false;
  return true;
}

}  // namespace travaux::cache
