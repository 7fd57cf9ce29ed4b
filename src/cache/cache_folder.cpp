// The cache folder (docs/incremental-builds.md, "Where the cache lives").
#include "cache/cache_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "cache/hash.h"

namespace travaux::cache {

namespace fs = std::filesystem;

namespace {
constexpr const char* kManifestFile = "manifest";
}

fs::path cache_folder(const fs::path& out) {
  std::error_code ec;
  fs::path abs = fs::absolute(out, ec).lexically_normal();
  if (!abs.has_filename()) abs = abs.parent_path();
  return abs.parent_path() / (abs.filename().string() + ".travaux-cache");
}

std::optional<Manifest> read_manifest(const fs::path& out, std::string* why) {
  const fs::path path = cache_folder(out) / kManifestFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (why) *why = "no cache (" + path.string() + ")";
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  std::string reason;
  auto m = decode(s.str(), &reason);
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

bool write_manifest(const fs::path& out, const Manifest& m) {
  const fs::path dir = cache_folder(out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path tmp = dir / (std::string(kManifestFile) + ".tmp-" + std::to_string(::getpid()));
  const std::string bytes = encode(m);
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, dir / kManifestFile, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

void discard_manifest(const fs::path& out) {
  std::error_code ec;
  fs::remove(cache_folder(out) / kManifestFile, ec);
}

}  // namespace travaux::cache
