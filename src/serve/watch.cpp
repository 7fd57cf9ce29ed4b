// Change detection for `travaux serve` (docs/incremental-builds.md, "serve").
#include "serve/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <string>
#include <vector>

namespace travaux::serve {

namespace fs = std::filesystem;

std::uint64_t tree_fingerprint(const fs::path& root) {
  // One stat(2) a file, and its path cut from the walk's own: fs::relative and the
  // directory_entry accessors stat every file again and every folder on its path, which at
  // 50,000 files made a poll take longer than the pause between two.
  std::vector<std::string> entries;
  std::error_code ec;
  const std::size_t prefix = root.native().size();
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    struct stat st {};
    const std::string& path = it->path().native();
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    std::string e = path.substr(std::min(prefix, path.size()));
    e += '\0';
    e += std::to_string(st.st_size);
    e += '\0';
    e += std::to_string(st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end());
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  for (const auto& e : entries) XXH64_update(state, e.data(), e.size() + 1);
  const std::uint64_t h = XXH64_digest(state);
  XXH64_freeState(state);
  return h;
}

namespace {

// Every way a file's bytes or a folder's entries change; IN_ATTRIB for `touch`.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                  IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

}  // namespace

TreeWatch::TreeWatch(const fs::path& root) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ >= 0) watch_tree(root);
}

TreeWatch::~TreeWatch() {
  if (fd_ >= 0) ::close(fd_);
}

void TreeWatch::watch_tree(const fs::path& dir) {
  std::vector<fs::path> folders{dir};
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink |
                                                     fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it.depth() > 64) it.disable_recursion_pending();  // a loop of symbolic links
    else if (it->is_directory(ec)) folders.push_back(it->path());
  }
  for (const auto& f : folders) {
    const int wd = inotify_add_watch(fd_, f.c_str(), kEvents);
    if (wd < 0) {
      // Most likely the user's watch limit (fs.inotify.max_user_watches): poll instead.
      ::close(fd_);
      fd_ = -1;
      folders_.clear();
      return;
    }
    folders_[wd] = f;
  }
}

bool TreeWatch::wait(int ms) {
  if (fd_ < 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, ms) <= 0) return false;
  alignas(inotify_event) char buffer[16384];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    any = true;
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_IGNORED) folders_.erase(e->wd);
      // A folder made or moved in: watch it and what it already holds.
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && e->len > 0) {
        auto it = folders_.find(e->wd);
        if (it != folders_.end()) watch_tree(it->second / e->name);
        if (fd_ < 0) return true;
      }
    }
  }
  return any;
}

}  // namespace travaux::serve
