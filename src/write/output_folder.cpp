// The output folder's guards: never inside, around or equal to the content, one build at a time
// (docs/hostile-input.md, "The output folder").
#include "write/output_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace travaux::write {

namespace fs = std::filesystem;

namespace {

/// The real path of `p`: symbolic links and ".." resolved for the part that exists, the rest
/// appended lexically. Ends without a trailing separator so that prefixes compare by component.
fs::path real_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  fs::path real = fs::weakly_canonical(abs, ec);
  if (ec) real = abs.lexically_normal();
  if (!real.has_filename() && real.has_parent_path() && real != real.root_path()) real = real.parent_path();
  return real;
}

/// True if `inner` is `outer` or lies below it, comparing whole components.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  for (; o != outer.end(); ++o)
    if (!o->empty()) return false;  // a trailing empty component is a trailing separator
  return true;
}

}  // namespace

std::optional<std::string> output_problem(const fs::path& content, const fs::path& out) {
  if (out.empty()) return "--out is empty: name the folder the site should be written to";
  const fs::path c = real_path(content), o = real_path(out);
  const std::string shown = "'" + out.string() + "'";
  if (c == o) return "--out " + shown + " is the content folder: building would replace the content with the site";
  if (is_within(c, o))
    return "--out " + shown + " contains the content folder '" + content.string() +
           "': building would replace the content with the site";
  if (is_within(o, c))
    return "--out " + shown + " is inside the content folder '" + content.string() +
           "': each build would read the previous site as content";
  return std::nullopt;
}

fs::path OutputLock::lock_file(const fs::path& out) {
  std::error_code ec;
  fs::path abs = fs::absolute(out, ec).lexically_normal();
  if (!abs.has_filename()) abs = abs.parent_path();
  return abs.parent_path() / (abs.filename().string() + ".travaux-lock");
}

std::optional<OutputLock> OutputLock::acquire(const fs::path& out, Wait wait,
                                              void (*on_wait)(const fs::path& lock_file), std::string* error) {
  const fs::path path = lock_file(out);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (error) *error = path.string() + ": error: cannot create the output's lock file: " + std::strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return OutputLock(fd);
  if (errno == EWOULDBLOCK && wait == Wait::yes) {
    if (on_wait) on_wait(path);
    int rc;
    while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (rc == 0) return OutputLock(fd);
  }
  if (error) *error = errno == EWOULDBLOCK ? "" : path.string() + ": error: cannot lock the output's lock file: " + std::strerror(errno);
  ::close(fd);
  return std::nullopt;
}

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace travaux::write
