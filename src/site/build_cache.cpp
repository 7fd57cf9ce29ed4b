// The build cache in the pipeline (docs/incremental-builds.md).
#include "site/build_cache.h"

#include <sys/stat.h>


#include <tbb/parallel_for.h>

#include "cache/cache_folder.h"
#include "cache/hash.h"
#include "cache/in_place.h"
#include "write/staging_sink.h"
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

/// A copy's content hash: from the source scan when the file is under the content folder.
std::optional<std::uint64_t> copy_hash(const std::string& source, const std::string& content_prefix,
                                       const cache::SourceScan& scan) {
  if (source.starts_with(content_prefix)) {
    auto it = scan.files.find(source.substr(content_prefix.size()));
    if (it != scan.files.end() && it->second.mtime_ns >= 0) return it->second.hash;
  }
  return cache::hash_file(source);
}

}  // namespace

// --- ChangedPagesSink ---

ChangedPagesSink::ChangedPagesSink(fs::path out, const cache::Manifest& previous, const cache::SourceScan& scan,
                                   fs::path content)
    : out_(std::move(out)), previous_(previous), scan_(scan), content_prefix_(content.string() + "/"),
      out_prefix_(out_.string() + "/") {
  // Looked up once for every page render keeps or makes: a hash table, not the manifest's tree.
  recorded_.reserve(previous_.outputs.size());
  for (const auto& [path, stamp] : previous_.outputs) recorded_.emplace(path, &stamp);
}

const cache::OutputStamp* ChangedPagesSink::recorded(const std::string& path) const {
  auto it = recorded_.find(path);
  return it == recorded_.end() ? nullptr : it->second;
}

ChangedPagesSink::Entry ChangedPagesSink::make(const std::string& path, std::uint64_t hash) const {
  Entry e;
  e.hash = hash;
  const cache::OutputStamp* was = recorded(path);
  if (was && was->hash == hash) {
    // Unchanged, unless someone edited or removed the file since the last build.
    auto now = cache::stamp_output(out_prefix_ + path, hash);
    if (now && *now == *was) e.unchanged = now;
  }
  return e;
}

bool ChangedPagesSink::add(std::string path, std::string bytes) {
  if (!write::path_is_contained(path)) {
    std::lock_guard lock(mutex_);
    refused_.insert(path);
    return true;
  }
  Entry e = make(path, cache::hash_bytes(bytes));
  if (!e.unchanged) e.bytes = std::move(bytes);
  std::lock_guard lock(mutex_);
  if (!entries_.emplace(std::move(path), std::move(e)).second) return false;
  files_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

bool ChangedPagesSink::add_copy(std::string path, std::string source) {
  if (!write::path_is_contained(path)) {
    std::lock_guard lock(mutex_);
    refused_.insert(path);
    return true;
  }
  const auto hash = copy_hash(source, content_prefix_, scan_);
  // Unreadable: never taken for unchanged; the write reports it.
  Entry e = hash ? make(path, *hash) : Entry{};
  e.copy = true;
  e.source = std::move(source);
  std::lock_guard lock(mutex_);
  if (!entries_.emplace(std::move(path), std::move(e)).second) return false;
  files_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void ChangedPagesSink::replace(std::string path, std::string bytes) {
  if (!write::path_is_contained(path)) return;
  Entry e = make(path, cache::hash_bytes(bytes));
  if (!e.unchanged) e.bytes = std::move(bytes);
  std::lock_guard lock(mutex_);
  entries_[std::move(path)] = std::move(e);
}

void ChangedPagesSink::keep(std::string path) {
  // intact() said so before render chose to keep it; should the file have changed since, the
  // recorded stamp no longer matches and the next build renders the page again.
  const cache::OutputStamp* was = recorded(path);
  if (!was) return;  // render keeps only paths intact() knows
  Entry e;
  e.hash = was->hash;
  e.unchanged = *was;
  std::lock_guard lock(mutex_);
  if (entries_.emplace(std::move(path), std::move(e)).second) files_.fetch_add(1, std::memory_order_relaxed);
}

bool ChangedPagesSink::intact(const std::string& path) const {
  const cache::OutputStamp* was = recorded(path);
  if (!was) return false;
  auto now = cache::stamp_output(out_prefix_ + path, was->hash);
  return now && *now == *was;
}

std::optional<std::string> ChangedPagesSink::read_intact(const std::string& path) const {
  if (!intact(path)) return std::nullopt;
  auto bytes = cache::read_whole(out_prefix_ + path);
  if (!bytes) return std::nullopt;
  // Read whole: the size the last build recorded.
  if (bytes->size() != recorded(path)->size) return std::nullopt;
  return bytes;
}

bool ChangedPagesSink::report_refused(diag::Diagnostics& diags) const {
  for (const auto& rel : refused_)
    diags.error({rel, 0, 0}, "refusing to write '" + rel + "': it would leave the output folder");
  return refused_.empty();
}

// --- RecordingSink ---

bool RecordingSink::add(std::string path, std::string bytes) {
  const std::uint64_t hash = cache::hash_bytes(bytes);
  std::string key = path;
  if (!inner_.add(std::move(path), std::move(bytes))) return false;
  std::lock_guard lock(mutex_);
  files[std::move(key)] = hash;
  return true;
}

bool RecordingSink::add_copy(std::string path, std::string source) {
  std::string key = path, from = source;
  if (!inner_.add_copy(std::move(path), std::move(source))) return false;
  std::lock_guard lock(mutex_);
  copies[std::move(key)] = std::move(from);
  return true;
}

void RecordingSink::replace(std::string path, std::string bytes) {
  const std::uint64_t hash = cache::hash_bytes(bytes);
  std::string key = path;
  inner_.replace(std::move(path), std::move(bytes));
  std::lock_guard lock(mutex_);
  files[std::move(key)] = hash;
}

// --- BuildCache ---

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

std::unique_ptr<ChangedPagesSink> BuildCache::changed_pages_sink() {
  if (!previous_ || !scan_.ok) return nullptr;
  return std::make_unique<ChangedPagesSink>(out_, *previous_, scan_, content_);
}

bool BuildCache::stamp_marker() {
  const auto marker = marker_stamp(out_);
  if (!marker) return false;
  next_.marker_inode = marker->first;
  next_.marker_mtime_ns = marker->second;
  return true;
}

void BuildCache::save(std::size_t documents, const diag::Diagnostics& diags) {
  next_.documents = documents;
  // The links file first: a manifest names only a links file already in place.
  next_.links_hash = staged_links_hash_ && cache::commit_links(out_) ? *staged_links_hash_ : 0;
  for (const auto& d : diags.items())
    if (d.severity == diag::Severity::warning) next_.warnings.push_back(d);
  if (!scan_.ok || !cache::write_manifest(out_, next_))
    notes.push_back("cache not written to " + cache::cache_folder(out_).string());
}

bool BuildCache::write_in_place(ChangedPagesSink& sink, std::size_t documents, const diag::Diagnostics& diags) {
  // From here the folder no longer matches the manifest: a build killed midway, or one that
  // fails below, must be followed by a full one.
  cache::discard_manifest(out_);
  cache::InPlaceWriter writer(out_, previous_->outputs);
  std::vector<std::pair<const std::string, ChangedPagesSink::Entry>*> changed;
  for (auto& entry : sink.entries()) {
    if (entry.second.unchanged) writer.keep(entry.first, *entry.second.unchanged);
    else changed.push_back(&entry);
  }
  std::atomic<bool> ok{true};
  std::mutex error_mutex;
  std::string error;
  tbb::parallel_for(std::size_t{0}, changed.size(), [&](std::size_t i) {
    if (!ok) return;
    auto& [rel, e] = *changed[i];
    std::string why;
    const bool done = e.copy ? writer.put_copy(rel, e.source, e.hash, &why) : writer.put(rel, e.bytes, &why);
    if (!done) {
      ok = false;
      std::lock_guard lock(error_mutex);
      error = why;
    }
  });
  if (!ok || !stamp_marker()) {
    notes.push_back("writing in place failed (" + error + "); building in full instead");
    return false;
  }
  writer.remove_stale();
  next_.outputs = writer.outputs();
  outcome = std::to_string(writer.written()) + " changed, " + std::to_string(writer.removed()) + " removed";
  notes.push_back("incremental write: " + outcome + " of " + std::to_string(next_.outputs.size()) + " files");
  save(documents, diags);
  return true;
}

std::uint64_t other_sources_hash(const model::Archive& archive, const cache::SourceScan& scan) {
  std::set<std::string_view> documents;
  for (const auto& doc : archive.documents) documents.insert(doc.source_path);
  std::string others;
  for (const auto& [path, stamp] : scan.files)
    if (!documents.count(path)) {
      others += path;
      others += '\0';
      others.append(reinterpret_cast<const char*>(&stamp.hash), sizeof stamp.hash);
    }
  return cache::hash_bytes(others);
}

render::PageReuse BuildCache::page_reuse(const model::Archive& archive, const ChangedPagesSink* sink) const {
  render::PageReuse reuse;
  reuse.other_sources = other_sources_hash(archive, scan_);
  if (!sink || !previous_) return reuse;
  for (const auto& [id, t] : previous_->texts) {
    render::TextUnit& unit = reuse.previous[id];
    unit.fingerprint = t.fingerprint;
    for (const auto& [kind, path] : t.pages) unit.pages.emplace_back(static_cast<render::TextPageKind>(kind), path);
    for (const auto& [title, url, versions] : t.index_items) unit.index_items.push_back({title, url, versions});
  }
  reuse.previous_documents = previous_->document_pages;
  reuse.previous_shards = previous_->search_shards;
  reuse.previous_index = {previous_->search_index[0], previous_->search_index[1], previous_->search_index[2]};
  reuse.previous_listings.fingerprint = previous_->listings_fingerprint;
  for (const auto& [kind, path] : previous_->listings)
    reuse.previous_listings.pages.emplace_back(static_cast<render::ListingPage>(kind), path);
  reuse.intact = [sink](const std::string& path) { return sink->intact(path); };
  reuse.read_intact = [sink](const std::string& path) { return sink->read_intact(path); };
  return reuse;
}

void BuildCache::record_pages(const render::PageReuse& reuse) {
  next_.texts.clear();
  for (const auto& [id, unit] : reuse.next) {
    cache::TextRecord& t = next_.texts[id];
    t.fingerprint = unit.fingerprint;
    for (const auto& [kind, path] : unit.pages) t.pages.emplace_back(static_cast<std::uint32_t>(kind), path);
    for (const auto& item : unit.index_items) t.index_items.push_back({item.title, item.url, item.versions});
  }
  next_.document_pages = reuse.next_documents;
  next_.search_shards = reuse.next_shards;
  next_.search_index = {reuse.next_index.universe, reuse.next_index.terms, reuse.next_index.pairs};
  next_.listings_fingerprint = reuse.next_listings.fingerprint;
  next_.listings.clear();
  for (const auto& [kind, path] : reuse.next_listings.pages) next_.listings.emplace_back(static_cast<std::uint32_t>(kind), path);
}

load::HeadsOnly BuildCache::heads_only() const {
  load::HeadsOnly heads;
  if (!previous_ || !scan_.ok) return heads;
  for (const auto& [path, stamp] : scan_.files) {
    // The home page's body is read by link as it stands (LinkedArchive::home): always read.
    if (!path.ends_with(".md") || path == "_index.md") continue;
    auto it = previous_->sources.find(path);
    if (it != previous_->sources.end() && it->second.hash == stamp.hash) heads.emplace(path, stamp.hash);
  }
  return heads;
}

std::uint64_t link_catalogue_hash(const model::Archive& archive, const cache::SourceScan& scan) {
  // What a document's links may read besides its own source and the anchors they looked up:
  // every document's path and front matter (ids, titles, aliases, dates, chains, rounds), and
  // every source that is not a document (archive.toml, static/ among them).
  std::string catalogue;
  const std::uint64_t others = other_sources_hash(archive, scan);
  catalogue.append(reinterpret_cast<const char*>(&others), sizeof others);
  for (const auto& doc : archive.documents) {
    for (const std::string* field : {&doc.source_path, &doc.front_matter}) {
      const std::uint64_t size = field->size();
      catalogue.append(reinterpret_cast<const char*>(&size), sizeof size);
      catalogue += *field;
    }
  }
  return cache::hash_bytes(catalogue);
}

load::HeadsOnly unchanged_sources(const cache::SourceScan& before, const cache::SourceScan& now) {
  load::HeadsOnly heads;
  if (!now.ok) return heads;
  for (const auto& [path, stamp] : now.files) {
    // The home page's body is read by link as it stands (LinkedArchive::home): always read.
    if (!path.ends_with(".md") || path == "_index.md") continue;
    auto it = before.files.find(path);
    if (it != before.files.end() && it->second.hash == stamp.hash) heads.emplace(path, stamp.hash);
  }
  return heads;
}

link::LinkReuse BuildCache::link_reuse(const model::Archive& archive) {
  next_links_.catalogue = link_catalogue_hash(archive, scan_);
  link::LinkReuse reuse;
  if (!previous_) return reuse;
  std::string why;
  auto links = cache::read_links(out_, previous_->links_hash, &why);
  if (!links) notes.push_back(why);
  else if (links->catalogue != next_links_.catalogue) notes.push_back("links not reused: the link catalogue changed");
  else reuse.previous = std::move(links->records);
  return reuse;
}

void BuildCache::record_links(link::LinkReuse& reuse) {
  cache::Links links{next_links_.catalogue, std::move(reuse.next)};
  staged_links_hash_ = links.records.empty() ? std::nullopt : cache::stage_links(out_, links);
}

void BuildCache::record_full_build(const RecordingSink& sink, std::size_t documents, const diag::Diagnostics& diags) {
  std::vector<const std::pair<const std::string, std::uint64_t>*> files;
  files.reserve(sink.files.size());
  for (const auto& f : sink.files) files.push_back(&f);
  std::vector<std::optional<cache::OutputStamp>> stamps(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(),
                    [&](std::size_t i) { stamps[i] = cache::stamp_output(out_ / files[i]->first, files[i]->second); });
  next_.outputs.clear();
  bool ok = true;
  for (std::size_t i = 0; ok && i < files.size(); ++i) {
    ok = stamps[i].has_value();
    if (ok) next_.outputs.emplace(files[i]->first, *stamps[i]);
  }
  const std::string prefix = content_.string() + "/";
  for (const auto& [rel, source] : sink.copies) {
    if (!ok) break;
    const auto hash = copy_hash(source, prefix, scan_);
    const auto stamp = hash ? cache::stamp_output(out_ / rel, *hash) : std::nullopt;
    ok = stamp.has_value();
    if (ok) next_.outputs.emplace(rel, *stamp);
  }
  if (!ok || !stamp_marker()) {
    notes.push_back("cache not written: the output folder could not be read back");
    return;
  }
  notes.push_back("full build: cache written to " + cache::cache_folder(out_).string());
  save(documents, diags);
}

}  // namespace travaux::site
