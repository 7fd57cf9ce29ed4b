// The build cache's encoding of a document's link result (docs/incremental-builds.md, "Links
// not made again").
#include "link/link_record.h"

#include <xxhash.h>

#include "diag/warning_fields.h"
#include "text/binary.h"

namespace travaux::link {

std::uint64_t anchor_set_hash(const std::vector<std::string>& sorted) {
  std::string all;
  for (const auto& a : sorted) {
    all += a;
    all += '\0';  // no anchor holds one
  }
  return XXH3_64bits(all.data(), all.size());
}

std::string encode_record(const LinkRecord& r) {
  text::Writer w;
  w.u64(r.source);
  text::put_strings(w, r.own_anchors);
  w.u64(r.anchor_reads.size());
  for (const auto& [path, hash] : r.anchor_reads) {
    w.str(path);
    w.u64(hash);
  }
  w.str(r.summary);
  text::put_strings(w, r.anchors);
  w.u64(r.references.size());
  for (const auto& ref : r.references) {
    w.str(ref.from_id);
    w.str(ref.to_id);
    w.str(ref.anchor);
    w.str(ref.context);
    w.str(ref.pos.file);
    w.i64(ref.pos.line);
    w.i64(ref.pos.column);
    w.u32(static_cast<std::uint32_t>(ref.via));
  }
  w.u64(r.warnings.size());
  for (const auto& d : r.warnings) diag::put_warning(w, d);
  return std::move(w.out);
}

std::optional<std::uint64_t> record_source(std::string_view bytes) {
  text::Reader r(bytes);
  std::uint64_t source = 0;
  if (!r.u64(source)) return std::nullopt;
  return source;
}

std::optional<LinkRecord> decode_record(std::string_view bytes) {
  text::Reader r(bytes);
  LinkRecord rec;
  std::uint64_t count = 0;
  bool ok = r.u64(rec.source) && text::get_strings(r, rec.own_anchors) && r.u64(count);
  for (std::uint64_t k = 0; ok && k < count; ++k) {
    std::pair<std::string, std::uint64_t> read;
    ok = r.str(read.first) && r.u64(read.second);
    if (ok) rec.anchor_reads.push_back(std::move(read));
  }
  ok = ok && r.str(rec.summary) && text::get_strings(r, rec.anchors) && r.u64(count);
  for (std::uint64_t k = 0; ok && k < count; ++k) {
    Reference ref;
    std::int64_t line = 0, column = 0;
    std::uint32_t via = 0;
    ok = r.str(ref.from_id) && r.str(ref.to_id) && r.str(ref.anchor) && r.str(ref.context) && r.str(ref.pos.file) &&
         r.i64(line) && r.i64(column) && r.u32(via) && via <= static_cast<std::uint32_t>(Reference::Via::front_matter);
    ref.pos.line = static_cast<int>(line);
    ref.pos.column = static_cast<int>(column);
    ref.via = static_cast<Reference::Via>(via);
    if (ok) rec.references.push_back(std::move(ref));
  }
  ok = ok && r.u64(count);
  for (std::uint64_t k = 0; ok && k < count; ++k) {
    diag::Diagnostic d;
    ok = diag::get_warning(r, d);
    if (ok) rec.warnings.push_back(std::move(d));
  }
  if (!ok || !r.done()) return std::nullopt;
  return rec;
}

}  // namespace travaux::link
