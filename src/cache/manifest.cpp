// Encoding of the build cache's manifest (docs/incremental-builds.md, "The manifest").
#include "cache/manifest.h"

#include <bit>
#include <cstring>

#include "diag/warning_fields.h"
#include "text/binary.h"
#include "cache/hash.h"

namespace travaux::cache {

namespace {

using diag::get_warning;
using diag::put_warning;
using text::Reader;
using text::Writer;

constexpr std::string_view kMagic = "travaux-cache\n";
constexpr std::string_view kLinksMagic = "travaux-links\n";

}  // namespace

std::string encode(const Manifest& m) {
  Writer w;
  w.out.append(kMagic);
  w.u32(Manifest::kFormat);
  w.str(m.build_id);
  w.str(m.content_root);
  w.str(m.output_root);
  w.i64(m.scan_started_ns);
  w.u64(m.marker_inode);
  w.i64(m.marker_mtime_ns);
  w.u64(m.documents);
  w.u64(m.sources.size());
  for (const auto& [path, s] : m.sources) {
    w.str(path);
    w.u64(s.size);
    w.i64(s.mtime_ns);
    w.u64(s.inode);
    w.u64(s.hash);
  }
  w.u64(m.outputs.size());
  for (const auto& [path, o] : m.outputs) {
    w.str(path);
    w.u64(o.hash);
    w.u64(o.size);
    w.i64(o.mtime_ns);
  }
  w.u64(m.warnings.size());
  for (const auto& d : m.warnings) put_warning(w, d);
  w.u64(m.texts.size());
  for (const auto& [id, t] : m.texts) {
    w.str(id);
    w.u64(t.fingerprint);
    w.u64(t.pages.size());
    for (const auto& [kind, path] : t.pages) {
      w.u32(kind);
      w.str(path);
    }
    w.u64(t.index_items.size());
    for (const auto& item : t.index_items)
      for (const auto& field : item) w.str(field);
  }
  w.u64(m.document_pages.size());
  for (const auto& [path, fingerprint] : m.document_pages) {
    w.str(path);
    w.u64(fingerprint);
  }
  w.u64(m.links_hash);
  w.u64(m.search_shards.size());
  for (const auto& [path, shard] : m.search_shards) {
    w.str(path);
    w.u32(shard.first);
    w.u32(shard.second);
  }
  for (const std::uint32_t v : m.search_index) w.u32(v);
  w.u64(m.listings_fingerprint);
  w.u64(m.listings.size());
  for (const auto& [kind, path] : m.listings) {
    w.u32(kind);
    w.str(path);
  }
  w.u64(hash_bytes(w.out));
  return std::move(w.out);
}

std::optional<Manifest> decode(std::string_view bytes, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<Manifest> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!bytes.starts_with(kMagic)) return fail("not a travaux cache file");
  if (bytes.size() < kMagic.size() + 4 + 8) return fail("truncated");
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader r(body.substr(kMagic.size()));
  std::uint32_t format = 0;
  r.u32(format);
  if (format != Manifest::kFormat) return fail("written in another cache format");
  if (hash_bytes(body) != stored) return fail("checksum mismatch (corrupt or truncated)");
  Manifest m;
  std::uint64_t n = 0;
  bool ok = r.str(m.build_id) && r.str(m.content_root) && r.str(m.output_root) && r.i64(m.scan_started_ns) &&
            r.u64(m.marker_inode) && r.i64(m.marker_mtime_ns) && r.u64(m.documents) && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string path;
    FileStamp s;
    ok = r.str(path) && r.u64(s.size) && r.i64(s.mtime_ns) && r.u64(s.inode) && r.u64(s.hash);
    if (ok) m.sources.emplace(std::move(path), s);
  }
  ok = ok && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string path;
    OutputStamp o;
    ok = r.str(path) && r.u64(o.hash) && r.u64(o.size) && r.i64(o.mtime_ns);
    if (ok) m.outputs.emplace(std::move(path), o);
  }
  ok = ok && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    diag::Diagnostic d;
    ok = get_warning(r, d);
    if (ok) m.warnings.push_back(std::move(d));
  }
  ok = ok && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string id;
    TextRecord t;
    std::uint64_t count = 0;
    ok = r.str(id) && r.u64(t.fingerprint) && r.u64(count);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
      std::pair<std::uint32_t, std::string> page;
      ok = r.u32(page.first) && r.str(page.second);
      if (ok) t.pages.push_back(std::move(page));
    }
    ok = ok && r.u64(count);
    for (std::uint64_t k = 0; ok && k < count; ++k) {
      std::array<std::string, 3> item;
      ok = r.str(item[0]) && r.str(item[1]) && r.str(item[2]);
      if (ok) t.index_items.push_back(std::move(item));
    }
    if (ok) m.texts.emplace(std::move(id), std::move(t));
  }
  ok = ok && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string path;
    std::uint64_t fingerprint = 0;
    ok = r.str(path) && r.u64(fingerprint);
    if (ok) m.document_pages.emplace(std::move(path), fingerprint);
  }
  ok = ok && r.u64(m.links_hash);
  ok = ok && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string path;
    std::pair<std::uint32_t, std::uint32_t> shard;
    ok = r.str(path) && r.u32(shard.first) && r.u32(shard.second);
    if (ok) m.search_shards.emplace(std::move(path), shard);
  }
  for (std::uint32_t& v : m.search_index) ok = ok && r.u32(v);
  ok = ok && r.u64(m.listings_fingerprint) && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::pair<std::uint32_t, std::string> page;
    ok = r.u32(page.first) && r.str(page.second) && page.first < Manifest::kListingKinds;
    if (ok) m.listings.push_back(std::move(page));
  }
  if (!ok || !r.done()) return fail("malformed");
  return m;
}

std::string encode(const Links& links) {
  Writer w;
  std::size_t size = kLinksMagic.size() + 4 + 16;
  for (const auto& [path, record] : links.records) size += 16 + path.size() + record.size();
  w.out.reserve(size);
  w.out.append(kLinksMagic);
  w.u32(Manifest::kFormat);
  w.u64(links.catalogue);
  w.u64(links.records.size());
  for (const auto& [path, record] : links.records) {
    w.str(path);
    w.str(record);
  }
  return std::move(w.out);
}

std::optional<Links> decode_links(std::string_view bytes, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<Links> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!bytes.starts_with(kLinksMagic)) return fail("not a travaux links file");
  Reader r(bytes.substr(kLinksMagic.size()));
  std::uint32_t format = 0;
  if (!r.u32(format) || format != Manifest::kFormat) return fail("written in another cache format");
  Links links;
  std::uint64_t n = 0;
  bool ok = r.u64(links.catalogue) && r.u64(n);
  for (std::uint64_t i = 0; ok && i < n; ++i) {
    std::string path, record;
    ok = r.str(path) && r.str(record);
    if (ok) links.records.emplace_hint(links.records.end(), std::move(path), std::move(record));
  }
  if (!ok || !r.done()) return fail("malformed");
  return links;
}

}  // namespace travaux::cache
