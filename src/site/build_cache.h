#pragma once
// The build cache as `build` uses it (docs/incremental-builds.md): decides before load whether
// anything changed; during render keeps only the pages that differ from the output folder's;
// afterwards writes those in place and records the new manifest.

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cache/manifest.h"
#include "cache/source_scan.h"
#include "diag/diagnostic.h"
#include "link/link.h"
#include "load/source_tree.h"
#include "model/archive.h"
#include "render/page_sink.h"
#include "render/page_reuse.h"

namespace travaux::site {

/// What render hands over during an in-place build, reduced to what must be written: a page
/// whose hash and file on disk match the manifest is dropped at once, so memory holds only the
/// pages that changed (docs/incremental-builds.md, "Writing in place").
class ChangedPagesSink final : public render::PageSink {
 public:
  struct Entry {
    std::uint64_t hash = 0;
    std::optional<cache::OutputStamp> unchanged;  // set: the file on disk is already right
    std::string bytes;                            // a changed page
    std::string source;                           // a copy's source (absolute)
    bool copy = false;
  };
  ChangedPagesSink(std::filesystem::path out, const cache::Manifest& previous, const cache::SourceScan& scan,
                   std::filesystem::path content);
  bool add(std::string path, std::string bytes) override;
  bool add_copy(std::string path, std::string source) override;
  void replace(std::string path, std::string bytes) override;
  void keep(std::string path) override;
  /// True when `path` is still the file the previous build wrote (its size and modification
  /// time as recorded): a page that can be kept without rendering it again.
  bool intact(const std::string& path) const;
  /// The bytes of `path` when intact(path), else nullopt.
  std::optional<std::string> read_intact(const std::string& path) const;

  std::size_t files() const { return files_.load(std::memory_order_relaxed); }
  /// Reports the paths that would leave the output folder; false if there were any.
  bool report_refused(diag::Diagnostics& diags) const;
  std::map<std::string, Entry>& entries() { return entries_; }

 private:
  Entry make(const std::string& path, std::uint64_t hash) const;
  /// The last build's stamp of `path`, nullptr if it wrote none.
  const cache::OutputStamp* recorded(const std::string& path) const;

  std::filesystem::path out_;
  const cache::Manifest& previous_;
  const cache::SourceScan& scan_;
  std::string content_prefix_;
  std::string out_prefix_;
  std::unordered_map<std::string_view, const cache::OutputStamp*> recorded_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // under mutex_
  std::set<std::string> refused_;         // under mutex_
  std::atomic<std::size_t> files_{0};
};

/// Passes every file on to the staging folder and notes its hash, for the manifest of a full
/// build.
class RecordingSink final : public render::PageSink {
 public:
  explicit RecordingSink(render::PageSink& inner) : inner_(inner) {}
  bool add(std::string path, std::string bytes) override;
  bool add_copy(std::string path, std::string source) override;
  void replace(std::string path, std::string bytes) override;

  std::map<std::string, std::uint64_t> files;   // path -> hash of the bytes
  std::map<std::string, std::string> copies;    // path -> source

 private:
  render::PageSink& inner_;
  std::mutex mutex_;
};

/// A hash of every scanned source that is not a document (archive.toml, the theme, static/,
/// _index.md): render::PageReuse::other_sources.
std::uint64_t other_sources_hash(const model::Archive& archive, const cache::SourceScan& scan);

/// A hash of what a document's links may read besides its own source and the anchors they
/// looked up (the link catalogue): every document's path and front matter, and
/// other_sources_hash. Link records stand only while it is unchanged (link::LinkReuse).
std::uint64_t link_catalogue_hash(const model::Archive& archive, const cache::SourceScan& scan);

/// The Markdown sources of `now` with the hash they had in `before`: those load need read
/// only the front matter of (docs/incremental-builds.md, "Bodies not read"). The home page
/// (_index.md) is never among them.
load::HeadsOnly unchanged_sources(const cache::SourceScan& before, const cache::SourceScan& now);

class BuildCache {
 public:
  /// Reads the cache beside `out` and stats the sources under `content`. Call before load, so
  /// that a file changed while the build runs is seen as changed by the next one.
  BuildCache(const std::filesystem::path& content, const std::filesystem::path& out);

  /// True when no source changed and `out` is the folder the cached build wrote: the build can
  /// stop here. Then documents(), files() and the warnings of that build are those to report.
  bool up_to_date();
  std::size_t documents() const { return previous_ ? previous_->documents : 0; }
  std::size_t files() const { return previous_ ? previous_->outputs.size() : 0; }
  void replay_warnings(diag::Diagnostics& diags) const;

  /// The sink of an in-place build, or nullptr when the cache does not describe `out` (then
  /// the build writes a staging folder and swaps it in).
  std::unique_ptr<ChangedPagesSink> changed_pages_sink();
  /// Writes the changed pages in place, removes outputs this build no longer has, and records
  /// the manifest. False when it could not (a folder where a file must go, a symbolic link on
  /// the way, a full disk): the cache is then discarded and the caller builds in full.
  bool write_in_place(ChangedPagesSink& sink, std::size_t documents, const diag::Diagnostics& diags);
  /// What render needs to keep the pages that did not change: the last build's texts and
  /// document pages when `sink` writes in place into its output (else none: every page is
  /// rendered and only recorded), and a hash of the sources that are not documents
  /// (docs/incremental-builds.md, "Pages not rendered again").
  render::PageReuse page_reuse(const model::Archive& archive, const ChangedPagesSink* sink) const;
  /// The texts and document pages render recorded, for the manifest written at the end of the build.
  void record_pages(const render::PageReuse& reuse);
  /// The Markdown sources load need read only the front matter of: those unchanged since the
  /// last build, with the hash they must still have when their body is read
  /// (docs/incremental-builds.md, "Bodies not read"). Empty without a usable cache.
  load::HeadsOnly heads_only() const;
  /// What link needs to reuse the last build's link results (docs/incremental-builds.md,
  /// "Links not made again"): its records when the link catalogue is unchanged.
  link::LinkReuse link_reuse(const model::Archive& archive);
  /// The records link made, for the manifest written at the end of the build.
  void record_links(link::LinkReuse& reuse);

  /// After a full build's staging folder was swapped in: records the manifest.
  void record_full_build(const RecordingSink& sink, std::size_t documents, const diag::Diagnostics& diags);

  /// Why the build was full, what was written: printed by `build --verbose`.
  std::vector<std::string> notes;
  /// For the summary line: "up to date", or "N changed, M removed" after an in-place write.
  std::string outcome;

 private:
  bool stamp_marker();
  void save(std::size_t documents, const diag::Diagnostics& diags);

  std::filesystem::path content_;
  std::filesystem::path out_;
  std::optional<cache::Manifest> previous_;  // valid for this content root and output folder
  cache::SourceScan scan_;
  cache::Manifest next_;
  cache::Links next_links_;  // its catalogue: the records are staged on disk (record_links)
  std::optional<std::uint64_t> staged_links_hash_;
};

}  // namespace travaux::site
