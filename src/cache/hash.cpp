// Hashing for the build cache (docs/incremental-builds.md, "What the cache trusts").
#include "cache/hash.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
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

/// The GNU build id the linker wrote into the executable (a hash of its contents, -Wl,--build-id
/// in CMakeLists.txt): read from memory, so it costs nothing, unlike hashing a 60 MB binary.
std::string linker_build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) -> int {
        auto& out = *static_cast<std::string*>(data);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + ((note->n_namesz + 3) & ~3u);
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
                desc + note->n_descsz <= end) {
              static constexpr char kHex[] = "0123456789abcdef";
              for (std::size_t k = 0; k < note->n_descsz; ++k) {
                const auto b = static_cast<unsigned char>(desc[k]);
                out += kHex[b >> 4];
                out += kHex[b & 15];
              }
              return 1;
            }
            p = desc + ((note->n_descsz + 3) & ~3u);
          }
        }
        return 1;  // only the first object, the executable itself
      },
      &id);
  return id;
}

}  // namespace

const std::string& build_id() {
  static const std::string id = [] {
    const std::string version = std::string("travaux ") + TRAVAUX_VERSION;
    // The default theme and every renderer are compiled into the executable: its identity, not
    // only the version string, decides whether a cache may be trusted.
    const std::string linker = linker_build_id();
    if (!linker.empty()) return version + " build " + linker;
    const auto h = hash_file("/proc/self/exe");
    // Unreadable (no /proc): an id no later run shares, so the cache is never trusted.
    if (!h) return version + " build unknown-" + std::to_string(::getpid()) + "-" + std::to_string(::time(nullptr));
    char hex[24];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(*h));
    return version + " build exe-" + hex;
  }();
  return id;
}

}  // namespace travaux::cache
