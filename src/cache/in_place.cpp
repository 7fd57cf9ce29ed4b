// Writing in place (docs/incremental-builds.md, "Writing in place").
#include "cache/in_place.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "cache/hash.h"

namespace travaux::cache {

namespace fs = std::filesystem;

std::optional<OutputStamp> stamp_output(const fs::path& file, std::uint64_t hash) {
  return stamp_output(file.native(), hash);
}

std::optional<OutputStamp> stamp_output(const std::string& file, std::uint64_t hash) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return OutputStamp{hash, static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

namespace {

/// True when no folder between `out` and `out/rel` is a symbolic link (or anything but a
/// folder): someone who planted `out/letters -> /etc` must not have pages written, or stale
/// ones removed, through it. A full build replaces the whole folder and is not exposed.
bool no_links_on_the_way(const fs::path& out, const std::string& rel) {
  fs::path dir = out;
  const fs::path parent = fs::path(rel).parent_path();
  for (const auto& part : parent) {
    dir /= part;
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) return errno == ENOENT;  // made by create_directories
    if (!S_ISDIR(st.st_mode)) return false;
  }
  return true;
}

}  // namespace

InPlaceWriter::InPlaceWriter(fs::path out, const std::map<std::string, OutputStamp>& previous)
    : out_(std::move(out)), previous_(previous) {}

template <class Fill>
bool InPlaceWriter::replace(const std::string& rel, std::uint64_t hash, Fill fill, std::string* error) {
  const fs::path target = out_ / rel;
  auto it = previous_.find(rel);
  if (it != previous_.end() && it->second.hash == hash) {
    // Unchanged, unless someone edited or removed the file since the last build.
    auto now = stamp_output(target, hash);
    if (now && *now == it->second) {
      std::lock_guard lock(mutex_);
      outputs_[rel] = *now;
      return true;
    }
  }
  std::error_code ec;
  if (!no_links_on_the_way(out_, rel)) {
    if (error) *error = target.string() + ": a folder on the way is a symbolic link or not a folder";
    return false;
  }
  fs::create_directories(target.parent_path(), ec);
  const fs::path tmp =
      target.parent_path() / ("." + target.filename().string() + ".travaux-new-" + std::to_string(::getpid()));
  if (ec || !fill(tmp)) {
    if (error) *error = target.string() + ": " + (ec ? ec.message() : std::string(std::strerror(errno)));
    fs::remove(tmp, ec);
    return false;
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    if (error) *error = target.string() + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  auto now = stamp_output(target, hash);
  if (!now) {
    if (error) *error = target.string() + ": written but not found";
    return false;
  }
  ++written_;
  std::lock_guard lock(mutex_);
  outputs_[rel] = *now;
  return true;
}

bool InPlaceWriter::put(const std::string& rel, std::string_view bytes, std::string* error) {
  return replace(rel, hash_bytes(bytes), [&](const fs::path& tmp) {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    return static_cast<bool>(f);
  }, error);
}

bool InPlaceWriter::put_copy(const std::string& rel, const fs::path& source, std::uint64_t source_hash,
                             std::string* error) {
  return replace(rel, source_hash, [&](const fs::path& tmp) {
    std::error_code ec;
    fs::copy_file(source, tmp, fs::copy_options::overwrite_existing, ec);
    if (ec) errno = ec.value();
    return !ec;
  }, error);
}

void InPlaceWriter::remove_stale() {
  std::error_code ec;
  std::set<fs::path> folders;
  for (const auto& [rel, _] : previous_) {
    if (outputs_.count(rel) || !no_links_on_the_way(out_, rel)) continue;
    const fs::path p = out_ / rel;
    if (fs::remove(p, ec)) ++removed_;
    for (fs::path dir = p.parent_path(); dir != out_ && dir.string().size() > out_.string().size();
         dir = dir.parent_path())
      folders.insert(dir);
  }
  // Deepest first, so a folder emptied by removing its subfolders goes too.
  for (auto it = folders.rbegin(); it != folders.rend(); ++it)
    if (fs::is_empty(*it, ec)) fs::remove(*it, ec);
}

}  // namespace travaux::cache
