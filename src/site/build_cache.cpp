// The build cache in the pipeline (docs/incremental-builds.md).
#include "site/build_cache.h"

#include <sys/stat.h>

#include <atomic>
#include <mutex>

#include <tbb/parallel_for.h>

#include "cache/cache_folder.h"
#include "cache/hash.h"
#include "cache/in_place.h"
#include "write/write_site.h"

namespace travaux::site {

namespace fs = std::filesystem;

namespace {

std::optional<std::pair<std::uint64_t, std::int64_t>> marker_stamp(const fs::path& out) {
  struct stat st {};
  if (::lstat((out / write::kMarkerFile).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return std::pair{static_cast<std::uint64_t>(st.st_ino),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace

BuildCache::BuildCache(const fs::path& content, const fs::path& out) {
  std::error_code ec;
  content_ = fs::canonical(content, ec);
  out_ = fs::absolute(out, ec).lexically_normal();
  if (!out_.has_filename()) out_ = out_.parent_path();
  std::string why;
  previous_ = cache::read_manifest(out_, &why);
  if (!previous_) notes.push_back(why);
  if (previous_ && (previous_->content_root != content_.string() || previous_->output_root != out_.string())) {
    notes.push_back("cache ignored: it was written for another content or output folder");
    previous_.reset();
  }
  if (previous_) {
    const auto marker = marker_stamp(out_);
    if (!marker || marker->first != previous_->marker_inode || marker->second != previous_->marker_mtime_ns) {
      notes.push_back("cache ignored: the output folder is not the one the cached build wrote");
      previous_.reset();
    }
  }
  scan_ = cache::scan_sources(content_, previous_ ? &*previous_ : nullptr);
  next_.build_id = cache::build_id();
  next_.content_root = content_.string();
  next_.output_root = out_.string();
  next_.scan_started_ns = scan_.started_ns;
  next_.sources = scan_.files;
}

bool BuildCache::up_to_date() {
  if (!previous_ || !scan_.ok || !cache::same_sources(previous_->sources, scan_.files)) return false;
  // Same content; a file only touched gets its new stamp recorded, so it is not hashed again.
  if (previous_->sources != scan_.files) {
    cache::Manifest refreshed = *previous_;
    refreshed.sources = scan_.files;
    refreshed.scan_started_ns = scan_.started_ns;
    cache::write_manifest(out_, refreshed);
  }
  outcome = "up to date";
  notes.push_back("nothing changed in " + std::to_string(scan_.files.size()) + " source files: nothing read or written");
  return true;
}

void BuildCache::replay_warnings(diag::Diagnostics& diags) const {
  if (previous_)
    for (const auto& d : previous_->warnings) diags.add(d);
}

bool BuildCache::write(const render::SiteImage& image, std::size_t documents, diag::Diagnostics& diags) {
  next_.documents = documents;
  for (const auto& d : diags.items())
    if (d.severity == diag::Severity::warning) next_.warnings.push_back(d);
  bool in_place = false;
  if (previous_ && scan_.ok) {
    // From here the folder no longer matches the manifest: a build killed midway must be
    // followed by a full one.
    cache::discard_manifest(out_);
    in_place = write_in_place(image);
    if (!in_place) notes.push_back("writing in place failed; writing the whole site instead");
  }
  if (!in_place) {
    if (!write::write_site(image, out_, diags)) return false;
    if (!stamp_full_build(image)) {
      notes.push_back("cache not written: the output folder could not be read back");
      return true;
    }
  }
  if (!scan_.ok || !cache::write_manifest(out_, next_))
    notes.push_back("cache not written to " + cache::cache_folder(out_).string());
  return true;
}

bool BuildCache::write_in_place(const render::SiteImage& image) {
  cache::InPlaceWriter writer(out_, previous_->outputs);
  std::vector<const std::pair<const std::string, std::string>*> files;
  files.reserve(image.files.size());
  for (const auto& f : image.files) files.push_back(&f);
  std::atomic<bool> ok{true};
  std::string error;
  std::mutex error_mutex;
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) {
    std::string e;
    if (ok && !writer.put(files[i]->first, files[i]->second, &e)) {
      ok = false;
      std::lock_guard lock(error_mutex);
      error = e;
    }
  });
  for (const auto& [rel, source] : image.copies) {
    if (!ok) break;
    const std::string prefix = content_.string() + "/";
    auto src = source.starts_with(prefix) ? scan_.files.find(source.substr(prefix.size())) : scan_.files.end();
    const auto hash = src != scan_.files.end() ? std::optional(src->second.hash) : cache::hash_file(source);
    std::string e;
    if (!hash || !writer.put_copy(rel, source, *hash, &e)) {
      ok = false;
      error = hash ? e : source + ": cannot be read";
    }
  }
  if (!ok) {
    notes.push_back("in-place write: " + error);
    return false;
  }
  writer.remove_stale();
  next_.outputs = writer.outputs();
  const auto marker = marker_stamp(out_);
  if (!marker) return false;
  next_.marker_inode = marker->first;
  next_.marker_mtime_ns = marker->second;
  outcome = std::to_string(writer.written()) + " changed, " + std::to_string(writer.removed()) + " removed";
  notes.push_back("incremental write: " + outcome + " of " + std::to_string(next_.outputs.size()) + " files");
  return true;
}

bool BuildCache::stamp_full_build(const render::SiteImage& image) {
  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& f : image.files) files.push_back(&f);
  std::vector<std::optional<cache::OutputStamp>> stamps(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) {
    stamps[i] = cache::stamp_output(out_ / files[i]->first, cache::hash_bytes(files[i]->second));
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!stamps[i]) return false;
    next_.outputs.emplace(files[i]->first, *stamps[i]);
  }
  const std::string prefix = content_.string() + "/";
  for (const auto& [rel, source] : image.copies) {
    auto src = source.starts_with(prefix) ? scan_.files.find(source.substr(prefix.size())) : scan_.files.end();
    const auto hash = src != scan_.files.end() ? std::optional(src->second.hash) : cache::hash_file(source);
    const auto stamp = hash ? cache::stamp_output(out_ / rel, *hash) : std::nullopt;
    if (!stamp) return false;
    next_.outputs.emplace(rel, *stamp);
  }
  const auto marker = marker_stamp(out_);
  if (!marker) return false;
  next_.marker_inode = marker->first;
  next_.marker_mtime_ns = marker->second;
  notes.push_back("full build: cache written to " + cache::cache_folder(out_).string());
  return true;
}

}  // namespace travaux::site
