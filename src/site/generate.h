#pragma once
// The pipeline, one function for every command (docs/architecture.md): load -> link -> render
// -> write. `check` and `serve` run it up to render, in memory; `build` to write. So check
// fails whenever build would, with the same diagnostics, short of the disk's own faults.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/progress.h"
#include "cache/source_scan.h"
#include "load/source_tree.h"
#include "render/page_reuse.h"
#include "render/site_image.h"

namespace travaux::site {

/// The last stage to run.
enum class Until {
  render,  // everything in memory, nothing written: check, serve, tests
  write,   // render, then write into the output folder: build
};

struct Generated {
  render::SiteImage site;  // empty after Until::write: the pages went to disk as they were made
  std::size_t documents = 0;
  std::size_t files = 0;  // pages and copies in the site
  /// How long each stage took, in order ("load", 0.12): `build --verbose` prints them.
  std::vector<std::pair<std::string, double>> stage_seconds;
  /// The process's peak memory (kB, VmHWM) at the end of each stage, beside stage_seconds.
  std::vector<std::size_t> stage_peak_kb;
  /// With Until::write: "up to date" when nothing changed (nothing read or written), "N changed,
  /// M removed" after an in-place write, empty after a full build (docs/incremental-builds.md).
  std::string outcome;
  std::vector<std::string> cache_notes;  // why the build was full, what it wrote: --verbose
  /// The memory still held (kB, VmRSS) at the end of each stage: what the stage's output keeps.
  std::vector<std::size_t> stage_resident_kb;
};

/// What `serve` keeps from one build in memory to the next, so that a rebuild after an edit
/// renders only the pages the edit reaches (docs/incremental-builds.md, "serve").
struct MemoryCache {
  /// The last good build's site, as served: generate() only checks which pages it holds.
  const render::SiteImage* site = nullptr;
  /// What that build's pages read (render::PageReuse), and the sources it scanned.
  std::map<std::string, render::TextUnit> texts;
  std::map<std::string, std::uint64_t> document_pages;
  cache::SourceScan scan;
  /// Its link records and the link catalogue they stand on (link::LinkReuse), its search
  /// shards and index, and its listing pages (render::PageReuse), as a build's cache records
  /// them on disk.
  load::KnownHeads heads;  // what load made of the files it read only the front matter of
  std::uint64_t link_catalogue = 0;
  std::map<std::string, std::string, std::less<>> links;
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> search_shards;
  render::SearchIndexRecord search_index;
  render::ListingRecord listings;
};

/// Runs the stages on the archive at `content`, stopping after the first stage that reports
/// an error (nullopt). With Until::write each page goes into a staging folder beside `out` as
/// soon as it is rendered, and the folder is swapped in at the end (docs/architecture.md,
/// "Streaming output"); the caller holds the output's lock (write::OutputLock) and has checked
/// it with write::output_problem. Every diagnostic about a source file carries that file's
/// line for the report. `progress`, if given, follows the stages (cli/progress.h).
///
/// With `memory` (Until::render only), the pages whose fingerprints equal those recorded in
/// it are not rendered but listed in the returned site's `kept`, for take_kept to move from
/// memory->site; after a build without errors, memory records this build's, for when the
/// returned site is the one served.
std::optional<Generated> generate(const std::filesystem::path& content, Until until, diag::Diagnostics& diags,
                                  const std::filesystem::path& out = {}, diag::Progress* progress = nullptr,
                                  MemoryCache* memory = nullptr);

/// Moves the pages `site` kept (SiteImage::kept) from `previous`, the site it was built
/// against, so that `site` is whole; `previous` loses them.
void take_kept(render::SiteImage& site, render::SiteImage& previous);

}  // namespace travaux::site
