// Pages written into the staging folder as they are rendered (docs/architecture.md,
// "Streaming output"; docs/hostile-input.md, "Faults").
#include "write/staging_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace travaux::write {

namespace fs = std::filesystem;

namespace {

/// Writes `bytes` to `path` (created or truncated); errno is left set on failure.
bool write_file(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = n < 0 ? errno : ENOSPC;
      ::close(fd);
      errno = saved;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // close() reports the errors of a delayed write (NFS, some full disks).
  return ::close(fd) == 0;
}

}  // namespace

bool path_is_contained(std::string_view rel) {
  if (rel.empty()) return false;
  const fs::path p{std::string(rel)};
  if (p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return true;
}

std::unique_ptr<StagingSink> StagingSink::open(const fs::path& out, diag::Diagnostics& diags) {
  auto folder = StagingFolder::create(out, diags);
  if (!folder) return nullptr;
  return std::unique_ptr<StagingSink>(new StagingSink(std::move(*folder)));
}

void StagingSink::record_failure(const fs::path& at, const std::string& what) {
  std::lock_guard lock(mutex_);
  if (!failure_) failure_.emplace(at.string(), what);
  failed_.store(true, std::memory_order_relaxed);
}

bool StagingSink::prepare(const std::string& path, bool copy, bool* taken) {
  *taken = false;
  std::lock_guard lock(mutex_);
  if (!path_is_contained(path)) {
    (copy ? outside_copies_ : outside_files_).insert(path);
    return false;
  }
  if (!taken_.insert(path).second) {
    *taken = true;
    return false;
  }
  if (failed_.load(std::memory_order_relaxed)) return false;
  // Folders are created under the lock, once each, so no thread writes into a folder another
  // is still creating.
  const std::size_t slash = path.rfind('/');
  if (slash != std::string::npos) {
    std::string folder = path.substr(0, slash);
    if (!folders_.count(folder)) {
      std::error_code ec;
      const fs::path at = folder_.path() / folder;
      fs::create_directories(at, ec);
      if (ec) {
        if (!failure_) failure_.emplace(at.string(), ec.message());
        failed_.store(true, std::memory_order_relaxed);
        return false;
      }
      folders_.insert(std::move(folder));
    }
  }
  return true;
}

bool StagingSink::add(std::string path, std::string bytes) {
  bool taken = false;
  if (!prepare(path, false, &taken)) return !taken;
  const fs::path at = folder_.path() / path;
  if (!write_file(at, bytes)) record_failure(at, std::strerror(errno));
  files_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

bool StagingSink::add_copy(std::string path, std::string source) {
  bool taken = false;
  if (!prepare(path, true, &taken)) return !taken;
  const fs::path at = folder_.path() / path;
  std::error_code ec;
  fs::copy_file(source, at, fs::copy_options::overwrite_existing, ec);
  if (ec) record_failure(at, ec.message());
  files_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void StagingSink::replace(std::string path, std::string bytes) {
  if (failed_.load(std::memory_order_relaxed) || !path_is_contained(path)) return;
  const fs::path at = folder_.path() / path;
  if (!write_file(at, bytes)) record_failure(at, std::strerror(errno));
}

bool StagingSink::commit(diag::Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  bool ok = true;
  for (const auto* refused : {&outside_files_, &outside_copies_})
    for (const auto& rel : *refused) {
      diags.error({rel, 0, 0}, "refusing to write '" + rel + "': it would leave the output folder");
      ok = false;
    }
  if (!ok) return false;
  if (failure_) {
    diags.error({failure_->first, 0, 0}, "cannot write the output: " + failure_->second,
                "check that the output folder's disk has space and is writable");
    return false;
  }
  return folder_.swap_in(diags);
}

}  // namespace travaux::write
