#pragma once
// Where the build cache lives and how it is read and replaced (docs/incremental-builds.md,
// "Where the cache lives"): `<parent>/<name>.travaux-cache/` beside the output folder, like its
// lock file, never inside the content or the output.

#include <filesystem>
#include <optional>
#include <string>

#include "cache/manifest.h"

namespace travaux::cache {

/// `<parent>/<name>.travaux-cache` for the output folder `out`.
std::filesystem::path cache_folder(const std::filesystem::path& out);

/// The whole file, read at its size in one go; nullopt if it cannot be read or grew meanwhile.
std::optional<std::string> read_whole(const std::filesystem::path& path);

/// The manifest in `cache_folder(out)`; nullopt with `*why` set when there is none, it cannot
/// be read, or it is corrupt, truncated, or from another format or travaux build.
std::optional<Manifest> read_manifest(const std::filesystem::path& out, std::string* why);

/// Replaces the manifest atomically (a temporary file renamed over it). False if it cannot.
bool write_manifest(const std::filesystem::path& out, const Manifest& m);

/// The links file in `cache_folder(out)` when its bytes hash to `expected` (Manifest::links_hash),
/// else nullopt with `*why` set.
std::optional<Links> read_links(const std::filesystem::path& out, std::uint64_t expected, std::string* why);

/// Writes the links file beside the one in use, as soon as link has made the records, so that
/// they are not held through render; its hash (for Manifest::links_hash), nullopt if it cannot.
std::optional<std::uint64_t> stage_links(const std::filesystem::path& out, const Links& links);
/// Puts the staged links file in place of the one in use (before the manifest that names it).
bool commit_links(const std::filesystem::path& out);

/// Removes the manifest before the output folder is changed in place, so a build killed midway
/// is followed by a full build.
void discard_manifest(const std::filesystem::path& out);

}  // namespace travaux::cache
