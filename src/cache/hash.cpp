// Hashing for the build cache (docs/incremental-builds.md, "What the cache trusts").
#include "cache/hash.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <utility>
#include <ctime>
#include <string>
#include <vector>

#include <xxhash.h>

namespace travaux::cache {

std::uint64_t hash_bytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::optional<std::uint64_t> hash_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  std::vector<char> block(1 << 18);
  bool ok = true;
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0) {
      ok = false;
      break;
    }
    if (n == 0) break;
    XXH3_64bits_update(state, block.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  if (!ok) return std::nullopt;
  return h;
}

namespace {

std::string hex_of(const unsigned char* bytes, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t k = 0; k < n; ++k) {
    out += kHex[bytes[k] >> 4];
    out += kHex[bytes[k] & 15];
  }
  return out;
}

/// The GNU build id the linker wrote into a loaded object (a hash of its contents), or "".
std::string object_build_id(const dl_phdr_info& info) {
  for (int i = 0; i < info.dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info.dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info.dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
          desc + note->n_descsz <= end)
        return hex_of(reinterpret_cast<const unsigned char*>(desc), note->n_descsz);
      p = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return "";
}

/// The shared libraries whose upgrade may change what a page holds: cmark-gfm (the HTML of every
/// body), ICU (slugs, and the time zone data of calendar.ics) and the C++ runtime. All are linked
/// at start, not opened later (oneTBB opens its allocator when its first threads start), so the
/// list does not depend on when it is read.
bool shapes_output(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.starts_with("libcmark-gfm") || name.starts_with("libicu") || name.starts_with("libstdc++");
}

/// The executable's build id (-Wl,--build-id in CMakeLists.txt), and one hash of the build ids of
/// the libraries that shape the output, so an upgraded library does not leave a stale cache
/// trusted. Read from memory: it costs nothing, unlike hashing a 60 MB binary.
std::pair<std::string, std::string> loaded_build_ids() {
  std::pair<std::string, std::string> ids;
  std::string libraries;
  struct Out {
    std::pair<std::string, std::string>* ids;
    std::string* libraries;
  } out{&ids, &libraries};
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) -> int {
        auto& o = *static_cast<Out*>(data);
        const std::string name = info->dlpi_name ? info->dlpi_name : "";
        if (name.empty() && o.ids->first.empty()) {
          o.ids->first = object_build_id(*info);  // the first object is the executable
          if (o.ids->first.empty()) o.ids->first = "-";
        } else if (shapes_output(name)) {
          const std::string id = object_build_id(*info);
          *o.libraries += name + "=" + (id.empty() ? name : id) + "\n";
        }
        return 0;
      },
      &out);
  if (ids.first == "-") ids.first.clear();
  const std::uint64_t h = hash_bytes(libraries);
  ids.second = hex_of(reinterpret_cast<const unsigned char*>(&h), sizeof h);
  return ids;
}

}  // namespace

const std::string& build_id() {
  static const std::string id = [] {
    const std::string version = std::string("travaux ") + TRAVAUX_VERSION;
    // The default theme and every renderer are compiled into the executable: its identity, not
    // only the version string, decides whether a cache may be trusted.
    const auto [executable, libraries] = loaded_build_ids();
    if (!executable.empty()) return version + " build " + executable + " libraries " + libraries;
    const auto h = hash_file("/proc/self/exe");
    // Unreadable (no /proc): an id no later run shares, so the cache is never trusted.
    if (!h) return version + " build unknown-" + std::to_string(::getpid()) + "-" + std::to_string(::time(nullptr));
    char hex[24];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(*h));
    return version + " build exe-" + hex + " libraries " + libraries;
  }();
  return id;
}

}  // namespace travaux::cache
