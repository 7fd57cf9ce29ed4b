#pragma once
// The build cache as `build` uses it (docs/incremental-builds.md): decides before load whether
// anything changed, and after render writes only the files that did.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cache/manifest.h"
#include "cache/source_scan.h"
#include "diag/diagnostic.h"
#include "render/site_image.h"

namespace travaux::site {

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

  /// Writes the site into `out`, in place when the cache describes that folder, else through
  /// write::write_site (staging and swap), and records the new manifest. False after
  /// reporting an error into `diags`.
  bool write(const render::SiteImage& image, std::size_t documents, diag::Diagnostics& diags);

  /// Why the build was full, what was written: printed by `build --verbose`.
  std::vector<std::string> notes;
  /// For the summary line: "up to date", or "N changed, M removed" after an in-place write.
  std::string outcome;

 private:
  bool write_in_place(const render::SiteImage& image);
  bool stamp_full_build(const render::SiteImage& image);

  std::filesystem::path content_;
  std::filesystem::path out_;
  std::optional<cache::Manifest> previous_;  // valid for this content root and output folder
  cache::SourceScan scan_;
  cache::Manifest next_;
};

}  // namespace travaux::site
