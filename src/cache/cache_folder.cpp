// The cache folder (docs/incremental-builds.md, "Where the cache lives").
#include "cache/cache_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "cache/hash.h"

namespace travaux::cache {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifestFile = "manifest";
constexpr const char* kLinksFile = "links";
constexpr const char* kLinksStaged = "links.new";  // one build at a time: the output folder's lock

}  // namespace

std::optional<std::string> read_whole(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) bytes.resize(size);
  std::size_t done = 0;
  bool ok = !ec;
  while (ok && done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  char extra;
  ok = ok && ::read(fd, &extra, 1) == 0;  // not grown since
  ::close(fd);
  if (!ok) return std::nullopt;
  return bytes;
}

namespace {

/// Replaces `name` in the cache folder atomically (a temporary file renamed over it).
bool replace_file(const fs::path& out, const char* name, const std::string& bytes) {
  const fs::path dir = cache_folder(out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path tmp = dir / (std::string(name) + ".tmp-" + std::to_string(::getpid()));
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, dir / name, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

}  // namespace

fs::path cache_folder(const fs::path& out) {
  std::error_code ec;
  fs::path abs = fs::absolute(out, ec).lexically_normal();
  if (!abs.has_filename()) abs = abs.parent_path();
  return abs.parent_path() / (abs.filename().string() + ".travaux-cache");
}

std::optional<Manifest> read_manifest(const fs::path& out, std::string* why) {
  const fs::path path = cache_folder(out) / kManifestFile;
  const auto bytes = read_whole(path);
  if (!bytes) {
    if (why) *why = "no cache (" + path.string() + ")";
    return std::nullopt;
  }
  std::string reason;
  auto m = decode(*bytes, &reason);
  if (!m) {
    if (why) *why = "cache ignored: " + path.string() + ": " + reason;
    return std::nullopt;
  }
  if (m->build_id != build_id()) {
    if (why) *why = "cache ignored: written by " + m->build_id + ", this is " + build_id();
    return std::nullopt;
  }
  return m;
}

bool write_manifest(const fs::path& out, const Manifest& m) { return replace_file(out, kManifestFile, encode(m)); }

std::optional<Links> read_links(const fs::path& out, std::uint64_t expected, std::string* why) {
  const fs::path path = cache_folder(out) / kLinksFile;
  const auto bytes = read_whole(path);
  if (!bytes || expected == 0 || hash_bytes(*bytes) != expected) {
    if (why) *why = "links not reused: " + path.string() + " is missing or not the one the manifest names";
    return std::nullopt;
  }
  std::string reason;
  auto links = decode_links(*bytes, &reason);
  if (!links && why) *why = "links not reused: " + path.string() + ": " + reason;
  return links;
}

std::optional<std::uint64_t> stage_links(const fs::path& out, const Links& links) {
  const std::string bytes = encode(links);
  if (!replace_file(out, kLinksStaged, bytes)) return std::nullopt;
  return hash_bytes(bytes);
}

bool commit_links(const fs::path& out) {
  std::error_code ec;
  fs::rename(cache_folder(out) / kLinksStaged, cache_folder(out) / kLinksFile, ec);
  return !ec;
}

void discard_manifest(const fs::path& out) {
  std::error_code ec;
  fs::remove(cache_folder(out) / kManifestFile, ec);
}

}  // namespace travaux::cache
