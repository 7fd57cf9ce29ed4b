// The load stage (CONTENT-MODEL.md, "The content tree", "Edge rules": unique ids and round
// numbers, draft = true skipped).
#include "load/load.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "load/archive_config.h"
#include "load/check_chains.h"
#include "load/front_matter.h"
#include "load/parse_document.h"
#include "load/read_theme.h"
#include "load/slugs.h"

namespace travaux::load {

namespace {

/// Every folder a plain page sits in becomes part of its URL, so it must be URL-safe.
void check_page_folders(const model::Document& doc, diag::Diagnostics& diags) {
  if (doc.kind != model::Kind::page) return;
  std::string_view folders(doc.url_folder);
  folders = folders.substr(0, folders.rfind('/') == std::string_view::npos ? 0 : folders.rfind('/'));
  while (!folders.empty()) {
    auto slash = folders.find('/');
    std::string_view seg = folders.substr(0, slash);
    if (!is_valid_id(seg)) {
      diags.error({doc.source_path, 1, 1}, "folder name '" + std::string(seg) + "' cannot be part of a URL",
                  "rename the folder to lowercase letters, digits and '-'");
      return;
    }
    folders = slash == std::string_view::npos ? std::string_view{} : folders.substr(slash + 1);
  }
}

void check_unique(const std::vector<model::Document>& docs, diag::Diagnostics& diags) {
  std::map<std::string, const model::Document*> ids;
  std::map<std::int64_t, const model::Document*> numbers;
  for (const auto& d : docs) {
    auto [it, fresh] = ids.emplace(d.id, &d);
    if (!fresh)
      diags.error(d.pos_of("id"), "duplicate id '" + d.id + "', already used by " + it->second->source_path,
                  "ids are unique across the archive: rename one file or set id = \"...\"");
    if (d.kind == model::Kind::round && d.number) {
      auto [nit, nfresh] = numbers.emplace(*d.number, &d);
      if (!nfresh)
        diags.error(d.pos_of("number"), "round number " + std::to_string(*d.number) +
                    " is already used by " + nit->second->source_path, "give each round its own number");
    }
  }
}

/// The body of a file load read only the front matter of (SourceFile::head_only): read when
/// first asked for, and only if the file still holds the bytes the build cache scanned.
std::shared_ptr<model::Document::DeferredBody> defer_body(std::filesystem::path file, const SourceFile& source,
                                                          bool pack) {
  auto deferred = std::make_shared<model::Document::DeferredBody>();
  deferred->file_size = source.size;
  deferred->pack = pack;
  deferred->read = [file = std::move(file), path = source.path, hash = source.hash]() -> std::optional<std::string> {
    auto raw = read_file(file);
    if (!raw || XXH3_64bits(raw->data(), raw->size()) != hash) return std::nullopt;
    diag::Diagnostics none;  // the file's bytes are those a build read without a fault
    auto text = normalize_text(std::move(*raw), path, none);
    if (!text) return std::nullopt;
    auto fm = split_front_matter(*text, path, none);
    if (!fm) return std::nullopt;
    return std::string(fm->body);
  };
  return deferred;
}

}  // namespace

model::Archive build_archive(SourceTree tree, diag::Diagnostics& diags, std::size_t pack_above,
                             const KnownHeads* known, KnownHeads* next_known) {
  model::Archive archive;
  archive.content_root = tree.root.string();
  archive.static_files = std::move(tree.static_files);
  if (tree.archive_toml) {
    archive.config = parse_archive_config(tree.archive_toml->path, std::move(tree.archive_toml->text), diags);
  } else {
    diags.error({"archive.toml", 0, 0}, "archive.toml is missing",
                "create archive.toml in the content folder with at least title = \"...\"");
  }

  // Parse in parallel, one sink per file, merged in path order for a stable report.
  const std::size_t n = tree.markdown.size();
  std::size_t markdown_bytes = 0;
  for (const auto& f : tree.markdown) markdown_bytes += f.size;
  archive.packed = markdown_bytes >= pack_above;
  std::vector<std::optional<ParsedDocument>> parsed(n);
  std::vector<diag::Diagnostics> sinks(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    SourceFile& file = tree.markdown[i];
    const std::uint64_t hash = file.head_only ? file.hash : XXH3_64bits(file.text.data(), file.text.size());
    if (file.known) {
      const KnownHead& k = known->at(file.path);
      parsed[i] = ParsedDocument{k.doc, k.work_in_progress};
      sinks[i] = k.diags;
    } else {
      parsed[i] = parse_document(file.path, std::move(file.text), sinks[i]);
    }
    if (parsed[i]) parsed[i]->doc.source_hash = hash;
    if (parsed[i] && file.head_only) {
      parsed[i]->doc.deferred_body = defer_body(tree.root / file.path, file, archive.packed);
      return;
    }
    // Packed at once, so the whole archive's plain text is never held. The home page's
    // body is one file, kept as it is.
    if (archive.packed && parsed[i] && tree.markdown[i].path != "_index.md") {
      model::Document& doc = parsed[i]->doc;
      doc.packed_body = text::Packed::pack(doc.body);
      std::string().swap(doc.body);
    }
  });
  if (next_known) {
    next_known->clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (!parsed[i] || !tree.markdown[i].head_only) continue;
      KnownHead& k = (*next_known)[tree.markdown[i].path];
      k.hash = tree.markdown[i].hash;
      k.size = tree.markdown[i].size;
      k.doc = parsed[i]->doc;
      k.doc.deferred_body.reset();  // each load reads the body afresh, if asked
      k.work_in_progress = parsed[i]->work_in_progress;
      k.diags = sinks[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    diags.merge(sinks[i]);
    if (!parsed[i]) continue;
    if (tree.markdown[i].path == "_index.md") {
      archive.home = std::move(parsed[i]->doc);
      continue;
    }
    if (parsed[i]->work_in_progress) {
      archive.unpublished.emplace(parsed[i]->doc.id, parsed[i]->doc.source_path);
      continue;
    }
    check_page_folders(parsed[i]->doc, diags);
    archive.documents.push_back(std::move(parsed[i]->doc));
  }
  std::sort(archive.documents.begin(), archive.documents.end(), [](const auto& a, const auto& b) {
    return std::tie(a.kind, a.date, a.id, a.source_path) < std::tie(b.kind, b.date, b.id, b.source_path);
  });
  check_unique(archive.documents, diags);
  archive.index();
  assign_archive_slugs(archive, diags);
  check_chains(archive, diags);
  return archive;
}

model::Archive load_archive(const std::filesystem::path& content_root, diag::Diagnostics& diags,
                            std::size_t pack_above, const HeadsOnly* heads_only, const KnownHeads* known,
                            KnownHeads* next_known) {
  SourceTree tree = read_source_tree(content_root, diags, heads_only, known);
  if (tree.root.empty()) return {};  // no content folder: already reported
  model::Archive archive = build_archive(std::move(tree), diags, pack_above, known, next_known);
  read_theme(content_root, archive, diags);
  return archive;
}

}  // namespace travaux::load
