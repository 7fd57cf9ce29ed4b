#pragma once
// Content hashes for the build cache (docs/incremental-builds.md): xxHash's XXH3, 64 bits.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace travaux::cache {

/// XXH3-64 of `bytes`.
std::uint64_t hash_bytes(std::string_view bytes);

/// XXH3-64 of a file's bytes, read in blocks; nullopt if it cannot be read.
std::optional<std::uint64_t> hash_file(const std::filesystem::path& path);

/// This binary's identity: the version string and the linker's build id (a hash of the
/// executable; failing that, a hash of its bytes), so a rebuilt travaux (another default theme,
/// another renderer) never trusts an older cache.
const std::string& build_id();

}  // namespace travaux::cache
