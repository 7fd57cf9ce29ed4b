// The stage sequence (docs/architecture.md, "The pipeline").
#include "site/generate.h"

#include <chrono>
#include <fstream>
#include <set>
#include <string>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "site/build_cache.h"
#include "write/staging_sink.h"
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
    std::string unpacked;
    diags.attach_lines(doc.source_path, doc.markdown(unpacked), doc.body_line);
  };
  for (const auto& doc : archive.documents) attach(doc);
  if (archive.home) attach(*archive.home);
  if (files.count("archive.toml")) diags.attach_lines("archive.toml", archive.config.source_text);
}

/// A field of /proc/self/status in kB ("VmHWM:", the peak resident memory so far), 0 if unknown.
std::size_t status_kb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with(field)) return std::strtoull(line.c_str() + field.size(), nullptr, 10);
  return 0;
}

/// Times the stages of one run, notes the peak memory after each, and tells the progress
/// display which stage runs.
class StageClock {
 public:
  StageClock(Generated& out, diag::Progress* progress) : out_(out), progress_(progress) {}
  void begin(const char* stage) {
    if (progress_) progress_->begin(stage);
  }
  void done(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    out_.stage_seconds.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
    out_.stage_peak_kb.push_back(status_kb("VmHWM:"));
    out_.stage_resident_kb.push_back(status_kb("VmRSS:"));
    last_ = now;
  }

 private:
  Generated& out_;
  diag::Progress* progress_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// A file whose body was read after its front matter (Document::deferred_body) and no longer
/// held the bytes the build scanned was edited while the build ran: the pages made from it
/// may mix the two versions, so nothing is written and the next build reads it again.
void report_sources_changed(const model::Archive& archive, diag::Diagnostics& diags) {
  for (const auto& doc : archive.documents)
    if (doc.deferred_body && doc.deferred_body->changed)
      diags.error({doc.source_path, 0, 0}, "this file changed while the build was reading it",
                  "build again once it is saved");
}

/// `build --verbose`'s line on the bodies an incremental build never read.
void note_unread(const model::Archive& archive, std::vector<std::string>& notes) {
  std::size_t unread = 0;
  for (const auto& doc : archive.documents) unread += doc.deferred_body && !doc.deferred_body->asked;
  if (unread > 0)
    notes.push_back(std::to_string(unread) + " of " + std::to_string(archive.documents.size()) +
                    " documents' bodies not read: unchanged and not needed");
}

/// `build --verbose`'s lines on the pages an incremental build kept.
void note_kept(const render::PageReuse& reuse, std::size_t texts, std::size_t documents, std::vector<std::string>& notes) {
  if (reuse.index_patched) notes.push_back("search index patched: only the documents linked again read for it");
  if (reuse.listings_kept)
    notes.push_back("pages listing the archive unchanged: " + std::to_string(reuse.next_listings.pages.size()) +
                    " kept, not rendered");
  if (reuse.kept > 0)
    notes.push_back(std::to_string(reuse.kept) + " of " + std::to_string(texts) +
                    " texts unchanged: their pages kept, not rendered");
  if (reuse.kept_documents > 0)
    notes.push_back(std::to_string(reuse.kept_documents) + " of " + std::to_string(documents) +
                    " document pages unchanged: kept, not rendered");
}

}  // namespace

std::optional<Generated> generate(const std::filesystem::path& content, Until until, diag::Diagnostics& diags,
                                  const std::filesystem::path& out, diag::Progress* progress, MemoryCache* memory) {
  Generated generated;
  StageClock clock(generated, progress);
  // The build cache (docs/incremental-builds.md): nothing read when nothing changed.
  std::optional<BuildCache> cache;
  if (until == Until::write) {
    clock.begin("scan");
    cache.emplace(content, out);
    generated.cache_notes = cache->notes;
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
  // serve's sources, stat()ed and hashed (only those whose stamps changed) before load reads
  // them, as a build's cache does.
  std::optional<cache::SourceScan> scan;
  if (memory && until == Until::render) {
    cache::Manifest seen;
    seen.sources = memory->scan.files;
    seen.scan_started_ns = memory->scan.started_ns;
    scan = cache::scan_sources(content, &seen);
  }
  clock.begin("load");
  // A build with a cache, and a serve rebuild, read only the front matter of the files
  // unchanged since the last build; their bodies are read if a later stage asks
  // (docs/incremental-builds.md, "Bodies not read").
  const load::HeadsOnly heads = cache                    ? cache->heads_only()
                                : scan && memory->site ? unchanged_sources(memory->scan, *scan)
                                                         : load::HeadsOnly{};
  // serve: a file still holding the bytes the last good rebuild parsed is not read at all.
  load::KnownHeads next_heads;
  const bool known = scan && memory->site;
  std::size_t not_read = 0;
  if (known)
    for (const auto& [path, hash] : heads)
      if (auto k = memory->heads.find(path); k != memory->heads.end() && k->second.hash == hash) ++not_read;
  model::Archive archive = load::load_archive(content, diags, load::kPackAbove, heads.empty() ? nullptr : &heads,
                                              known ? &memory->heads : nullptr, scan ? &next_heads : nullptr);
  clock.done("load");
  if (not_read > 0)
    generated.cache_notes.push_back(std::to_string(not_read) +
                                    " files unchanged since the last rebuild: not read, their front matter as parsed then");
  auto finish = [&]() -> std::optional<Generated> {
    attach_source_lines(archive, diags);
    return std::nullopt;
  };
  if (diags.has_errors()) return finish();
  clock.begin("link");
  // A build with a cache links again only the documents an edit reaches
  // (docs/incremental-builds.md, "Links not made again").
  std::optional<link::LinkReuse> link_reuse;
  std::uint64_t link_catalogue = 0;
  if (cache) {
    link_reuse = cache->link_reuse(archive);
  } else if (scan) {
    // serve: the last good build's records, copied (link takes the bytes of those it reuses,
    // and a rebuild that fails must leave them as they were).
    link_reuse.emplace();
    link_catalogue = link_catalogue_hash(archive, *scan);
    if (memory->site && memory->link_catalogue == link_catalogue) link_reuse->previous = memory->links;
  }
  link::LinkedArchive linked = link::link_archive(archive, diags, link_reuse ? &*link_reuse : nullptr);
  if (link_reuse && link_reuse->reused > 0)
    (cache ? cache->notes : generated.cache_notes)
        .push_back(std::to_string(link_reuse->reused) + " of " + std::to_string(archive.documents.size()) +
                   " documents unchanged with all they link to: not linked again");
  if (cache && link_reuse) cache->record_links(*link_reuse);
  clock.done("link");
  if (diags.has_errors()) return finish();
  auto theme = render::Theme::load(archive, diags);
  if (!theme || diags.has_errors()) return finish();
  generated.documents = archive.documents.size();

  if (until == Until::render) {
    render::PageReuse reuse;
    if (scan) {
      reuse.other_sources = other_sources_hash(archive, *scan);
      if (memory->site) {
        const render::SiteImage* site = memory->site;
        reuse.previous = memory->texts;
        reuse.previous_documents = memory->document_pages;
        reuse.previous_shards = memory->search_shards;
        reuse.previous_index = memory->search_index;
        reuse.previous_listings = memory->listings;
        reuse.intact = [site](const std::string& path) { return site->files.count(path) > 0; };
        reuse.read_intact = [site](const std::string& path) -> std::optional<std::string> {
          auto it = site->files.find(path);
          if (it == site->files.end()) return std::nullopt;
          return it->second;
        };
      }
    }
    render::ImageSink sink(generated.site);
    render::render_site(archive, linked, *theme, sink, diags, progress, scan ? &reuse : nullptr);
    clock.done("render");
    if (scan) {
      note_kept(reuse, linked.drafts.texts().size(), archive.documents.size(), generated.cache_notes);
      note_unread(archive, generated.cache_notes);
    }
    generated.files = generated.site.files.size() + generated.site.copies.size() + generated.site.kept.size();
    report_sources_changed(archive, diags);
    // Paths that would leave the output root are refused by check as well as by build.
    if (diags.has_errors() || !write::paths_are_contained(generated.site, diags)) return finish();
    attach_source_lines(archive, diags);
    if (scan && scan->ok) {  // this site is the one the caller will serve
      memory->texts = std::move(reuse.next);
      memory->document_pages = std::move(reuse.next_documents);
      memory->search_shards = std::move(reuse.next_shards);
      memory->search_index = reuse.next_index;
      memory->listings = std::move(reuse.next_listings);
      memory->heads = std::move(next_heads);
      memory->link_catalogue = link_catalogue;
      memory->links = std::move(link_reuse->next);
      memory->scan = std::move(*scan);
    }
    return generated;
  }

  // With a cache that describes the output folder, only the pages that changed are kept, then
  // written in place (docs/incremental-builds.md, "Writing in place"); if that fails the
  // build goes on in full below, its render's diagnostics already reported.
  diag::Diagnostics again;
  diag::Diagnostics* render_diags = &diags;
  if (auto changed = cache->changed_pages_sink()) {
    render::PageReuse reuse = cache->page_reuse(archive, changed.get());
    render::render_site(archive, linked, *theme, *changed, diags, progress, &reuse);
    clock.done("render");
    cache->record_pages(reuse);
    note_kept(reuse, linked.drafts.texts().size(), archive.documents.size(), cache->notes);
    note_unread(archive, cache->notes);
    generated.files = changed->files();
    report_sources_changed(archive, diags);
    if (!changed->report_refused(diags) || diags.has_errors()) return finish();
    attach_source_lines(archive, diags);
    clock.begin("write");
    const bool written = cache->write_in_place(*changed, generated.documents, diags);
    generated.cache_notes = cache->notes;
    generated.outcome = cache->outcome;
    clock.done("write");
    if (written) return generated;
    render_diags = &again;
    clock.begin("render");
  }

  // A build streams every page into the staging folder as it is rendered (docs/architecture.md,
  // "Streaming output"). The folder is made, and a folder travaux may not replace refused,
  // before anything is rendered; on any error the sink's destructor removes it.
  auto sink = write::StagingSink::open(out, diags);
  if (!sink) return finish();
  RecordingSink recording(*sink);
  render::PageReuse reuse = cache->page_reuse(archive, nullptr);
  render::render_site(archive, linked, *theme, recording, *render_diags, progress, &reuse);
  cache->record_pages(reuse);
  if (render_diags != &diags && again.has_errors()) diags.merge(again);
  report_sources_changed(archive, diags);
  clock.done("render");
  generated.files = sink->files();
  if (diags.has_errors()) return finish();
  attach_source_lines(archive, diags);
  clock.begin("write");
  if (!sink->commit(diags)) return std::nullopt;
  cache->record_full_build(recording, generated.documents, diags);
  generated.cache_notes = cache->notes;
  clock.done("write");
  return generated;
}

void take_kept(render::SiteImage& site, render::SiteImage& previous) {
  for (auto& path : site.kept) {
    auto node = previous.files.extract(path);
    if (!node.empty()) site.files.insert(std::move(node));
  }
  site.kept.clear();
}

}  // namespace travaux::site
