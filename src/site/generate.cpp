// The stage sequence (docs/architecture.md, "The pipeline").
#include "site/generate.h"

#include <chrono>
#include <set>
#include <string>

#include "compare/compare_texts.h"
#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "site/build_cache.h"
#include "write/write_site.h"

namespace travaux::site {

namespace {

/// Gives diagnostics reported after load the source line they point at, from the text load
/// kept: the front matter and body of each document, and archive.toml.
void attach_source_lines(const model::Archive& archive, diag::Diagnostics& diags) {
  std::set<std::string> files;
  for (const auto& d : diags.items())
    if (d.pos.line > 0 && d.line_text.empty()) files.insert(d.pos.file);
  if (files.empty()) return;
  auto attach = [&](const model::Document& doc) {
    if (!files.count(doc.source_path)) return;
    diags.attach_lines(doc.source_path, doc.front_matter, doc.front_matter_line);
    diags.attach_lines(doc.source_path, doc.body, doc.body_line);
  };
  for (const auto& doc : archive.documents) attach(doc);
  if (archive.home) attach(*archive.home);
  if (files.count("archive.toml")) diags.attach_lines("archive.toml", archive.config.source_text);
}

/// Times the stages of one run.
class StageClock {
 public:
  explicit StageClock(std::vector<std::pair<std::string, double>>& out) : out_(out) {}
  void done(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    out_.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  std::vector<std::pair<std::string, double>>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

std::optional<Generated> generate(const std::filesystem::path& content, Until until, diag::Diagnostics& diags,
                                  const std::filesystem::path& out) {
  Generated generated;
  StageClock clock(generated.stage_seconds);
  // The build cache (docs/incremental-builds.md): nothing read when nothing changed.
  std::optional<BuildCache> cache;
  if (until == Until::write) {
    cache.emplace(content, out);
    if (cache->up_to_date()) {
      cache->replay_warnings(diags);
      generated.documents = cache->documents();
      generated.files = cache->files();
      generated.outcome = cache->outcome;
      generated.cache_notes = cache->notes;
      return generated;
    }
    clock.done("scan");
  }
  model::Archive archive = load::load_archive(content, diags);
  clock.done("load");
  auto finish = [&]() -> std::optional<Generated> {
    attach_source_lines(archive, diags);
    return std::nullopt;
  };
  if (diags.has_errors()) return finish();
  link::LinkedArchive linked = link::link_archive(archive, diags);
  clock.done("link");
  if (diags.has_errors()) return finish();
  auto theme = render::Theme::load(archive, diags);
  if (!theme || diags.has_errors()) return finish();
  generated.documents = archive.documents.size();
  const compare::ComparedArchive compared = compare::compare_texts(archive, linked);
  clock.done("compare");
  generated.site = render::render_site(archive, linked, compared, *theme, diags);
  clock.done("render");
  generated.files = generated.site.files.size() + generated.site.copies.size();
  // Paths that would leave the output root are refused by check as well as by build.
  if (diags.has_errors() || !write::paths_are_contained(generated.site, diags)) return finish();
  attach_source_lines(archive, diags);
  if (until == Until::write) {
    if (!cache->write(generated.site, generated.documents, diags)) return std::nullopt;
    generated.outcome = cache->outcome;
    generated.cache_notes = cache->notes;
    generated.site = {};
    clock.done("write");
  }
  return generated;
}

}  // namespace travaux::site
