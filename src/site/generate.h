#pragma once
// The pipeline, one function for every command (docs/architecture.md): load -> link -> render
// -> write. `check` and `serve` run it up to render, in memory; `build` to write. So check
// fails whenever build would, with the same diagnostics, short of the disk's own faults.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/progress.h"
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
};

/// Runs the stages on the archive at `content`, stopping after the first stage that reports
/// an error (nullopt). With Until::write each page goes into a staging folder beside `out` as
/// soon as it is rendered, and the folder is swapped in at the end (docs/architecture.md,
/// "Streaming output"); the caller holds the output's lock (write::OutputLock) and has checked
/// it with write::output_problem. Every diagnostic about a source file carries that file's
/// line for the report. `progress`, if given, follows the stages (cli/progress.h).
std::optional<Generated> generate(const std::filesystem::path& content, Until until, diag::Diagnostics& diags,
                                  const std::filesystem::path& out = {}, diag::Progress* progress = nullptr);

}  // namespace travaux::site
