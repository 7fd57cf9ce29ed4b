// The staging folder and the atomic swap (docs/architecture.md, "Atomic output";
// docs/hostile-input.md, "Faults").
#include "write/staging.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <vector>

namespace travaux::write {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStagingInfix = ".travaux-staging-";

/// renameat2(RENAME_EXCHANGE): swaps two paths atomically. Not every file system has it.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  constexpr unsigned kRenameExchange = 2;
  return syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange) == 0;
#else
  (void)a, (void)b;
  errno = ENOSYS;
  return false;
#endif
}

std::string random_suffix() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 12; ++i) s += kHex[rd() % 16];
  return s;
}

bool is_ours(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kMarkerFile, ec);
}

bool is_empty_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

/// Removes a folder travaux made, its marker last: a build killed while removing the old
/// site leaves a folder the next build still knows as its own (docs/hostile-input.md: killed builds left
/// staging folders without their marker, which were then never swept).
void remove_ours(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path());
  for (const auto& p : entries)
    if (p.filename() != kMarkerFile) fs::remove_all(p, ec);
  fs::remove(dir / kMarkerFile, ec);
  fs::remove(dir, ec);
}

/// Staging folders of builds that were killed: same parent, our infix, and our marker, or
/// empty (killed between creating the folder and writing the marker, or after removing it).
void remove_stale_staging(const fs::path& out) {
  std::error_code ec;
  const std::string prefix = out.filename().string() + std::string(kStagingInfix);
  std::vector<fs::path> stale;
  for (const auto& e : fs::directory_iterator(out.parent_path(), ec))
    if (e.path().filename().string().starts_with(prefix) && !e.is_symlink(ec) &&
        (is_ours(e.path()) || is_empty_dir(e.path())))
      stale.push_back(e.path());
  for (const auto& p : stale) remove_ours(p);
}

bool write_marker(const fs::path& path) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(kMarkerText.data(), static_cast<std::streamsize>(kMarkerText.size()));
  f.close();
  return static_cast<bool>(f);
}

}  // namespace

std::optional<StagingFolder> StagingFolder::create(const fs::path& out_arg, diag::Diagnostics& diags) {
  std::error_code ec;
  const fs::path out = fs::absolute(out_arg, ec).lexically_normal();
  fs::path target = out.has_filename() ? out : out.parent_path();
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
    diags.error({target.string(), 0, 0}, "the output path exists and is not a folder",
                "choose another --out or move that file away");
    return std::nullopt;
  }
  const bool existing = fs::exists(target, ec);
  if (existing && !is_empty_dir(target) && !is_ours(target)) {
    diags.error({target.string(), 0, 0},
                "refusing to replace this folder: it is not empty and was not created by travaux",
                "choose another --out, or empty the folder yourself if its contents can go");
    return std::nullopt;
  }
  fs::create_directories(target.parent_path(), ec);
  remove_stale_staging(target);
  fs::path staging =
      target.parent_path() / (target.filename().string() + std::string(kStagingInfix) + random_suffix());
  if (!fs::create_directory(staging, ec)) {
    diags.error({staging.string(), 0, 0}, "cannot create the staging folder: " + ec.message(),
                "check that the output folder's parent exists and is writable");
    return std::nullopt;
  }
  StagingFolder folder(std::move(target), std::move(staging), existing);
  // The marker goes in first, so a build killed from here on leaves a folder the next build sweeps.
  if (!write_marker(folder.staging_ / kMarkerFile)) {
    diags.error({(folder.staging_ / kMarkerFile).string(), 0, 0}, std::string("cannot write the output: ") + std::strerror(errno),
                "check that the output folder's disk has space and is writable");
    return std::nullopt;
  }
  return folder;
}

StagingFolder::StagingFolder(StagingFolder&& other) noexcept
    : target_(std::move(other.target_)), staging_(std::move(other.staging_)), existing_(other.existing_), done_(other.done_) {
  other.done_ = true;
}

StagingFolder::~StagingFolder() {
  if (!done_) remove_ours(staging_);
}

bool StagingFolder::swap_in(diag::Diagnostics& diags) {
  std::error_code ec;
  if (!existing_) {
    fs::rename(staging_, target_, ec);
  } else if (exchange(staging_, target_)) {
    remove_ours(staging_);  // now holds the old site
  } else {
    // No atomic exchange on this file system: two renames, with the old site kept until
    // the new one is in place.
    const fs::path old = target_.parent_path() / (target_.filename().string() + std::string(kStagingInfix) +
                                                  "old-" + random_suffix());
    fs::rename(target_, old, ec);
    if (!ec) fs::rename(staging_, target_, ec);
    if (!ec) remove_ours(old);
  }
  if (ec) {
    diags.error({target_.string(), 0, 0}, "cannot move the new site into place: " + ec.message());
    return false;
  }
  done_ = true;
  return true;
}

}  // namespace travaux::write
