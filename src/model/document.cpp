// Kind names and folders (CONTENT-MODEL.md, "The content tree").
#include "model/document.h"

#include <xxhash.h>

#include <algorithm>
#include <array>

namespace travaux::model {

namespace {
struct KindInfo {
  Kind kind;
  std::string_view name, folder, title;
};
constexpr std::array<KindInfo, 5> kKinds = {{
    {Kind::letter, "letter", "letters", "Letters"},
    {Kind::draft, "draft", "drafts", "Drafts"},
    {Kind::round, "round", "rounds", "Rounds"},
    {Kind::document, "document", "documents", "Documents"},
    {Kind::page, "page", "", "Pages"},
}};
const KindInfo& info(Kind k) { return kKinds[static_cast<std::size_t>(k)]; }
}  // namespace

std::string_view kind_name(Kind kind) { return info(kind).name; }
std::string_view kind_folder(Kind kind) { return info(kind).folder; }
std::string_view kind_title(Kind kind) { return info(kind).title; }

std::optional<Kind> kind_from_name(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::string session_kind_label(std::string_view kind) {
  std::string label(kind);
  std::replace(label.begin(), label.end(), '-', ' ');
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::uint64_t Document::digest() const {
  if (source_hash != 0) return source_hash;
  std::string scratch;
  const std::uint64_t body_digest = packed_body.empty() ? text::Packed::digest(markdown(scratch)) : packed_body.text_digest();
  std::string key = front_matter;
  key.append(reinterpret_cast<const char*>(&body_digest), sizeof body_digest);
  return XXH3_64bits(key.data(), key.size());
}

std::string_view Document::markdown(std::string& scratch) const {
  if (deferred_body) {
    DeferredBody& d = *deferred_body;
    std::call_once(d.once, [&d] {
      d.asked = true;
      auto read = d.read();
      if (!read) d.changed = true;
      else if (d.pack) d.packed = text::Packed::pack(*read);
      else d.body = std::move(*read);
    });
    if (d.packed.empty()) return d.body;
    d.packed.unpack(scratch);
    return scratch;
  }
  if (packed_body.empty()) return body;
  packed_body.unpack(scratch);
  return scratch;
}

diag::SourcePos Document::pos_of(const std::string& key) const {
  auto it = key_pos.find(key);
  if (it != key_pos.end()) return it->second;
  return {source_path, 1, 1};
}

diag::SourcePos Document::pos_of(const std::string& key, std::size_t index) const {
  auto it = value_pos.find(key);
  if (it != value_pos.end() && index < it->second.size()) return it->second[index];
  return pos_of(key);
}

}  // namespace travaux::model
