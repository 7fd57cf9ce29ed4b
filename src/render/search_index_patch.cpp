// The search index patched (render/search_index_patch.h).
#include "render/search_index_patch.h"

#include <algorithm>

#include "render/search_encode.h"
#include "render/search_shard_read.h"
#include "text/escape.h"

namespace travaux::render {

namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/// RFC 4648 base64 with padding, as base64() writes it; nullopt when it is not.
std::optional<std::string> unbase64(std::string_view in) {
  if (in.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(in.size() / 4 * 3);
  for (std::size_t i = 0; i < in.size(); i += 4) {
    const bool last = i + 4 == in.size();
    const int pad = last ? (in[i + 3] == '=') + (in[i + 2] == '=') : 0;
    std::uint32_t n = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int v = k >= 4 - static_cast<std::size_t>(pad) ? 0 : base64_value(in[i + k]);
      if (v < 0) return std::nullopt;
      n = n << 6 | static_cast<std::uint32_t>(v);
    }
    out += static_cast<char>(n >> 16);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(n & 0xFF);
  }
  return out;
}

/// Whether any of `changed` (sorted) is in `docs` (sorted).
bool meets(const std::vector<std::uint32_t>& docs, const std::vector<std::uint32_t>& changed) {
  auto a = docs.begin();
  auto b = changed.begin();
  while (a != docs.end() && b != changed.end()) {
    if (*a == *b) return true;
    if (*a < *b) ++a;
    else ++b;
  }
  return false;
}

/// Whether the encoded set holds any of `changed`, without decoding a bitmap whole: each
/// document's bit is in one group of four base64 characters. Nullopt when malformed.
std::optional<bool> holds_any(std::string_view text, const std::vector<std::uint32_t>& changed, std::uint32_t universe) {
  if (text.size() < 4) return std::nullopt;
  const auto head = unbase64(text.substr(0, 4));
  if (!head) return std::nullopt;
  if ((*head)[0] == 'B') {
    if (text.size() != (1 + (static_cast<std::size_t>(universe) + 7) / 8 + 2) / 3 * 4) return std::nullopt;
    for (const std::uint32_t d : changed) {
      const std::size_t byte = 1 + d / 8;
      const auto group = unbase64(text.substr(byte / 3 * 4, 4));
      if (!group || byte % 3 >= group->size()) return std::nullopt;
      if (static_cast<unsigned char>((*group)[byte % 3]) & (1u << (d % 8))) return true;
    }
    return false;
  }
  const auto docs = decode_doc_set(text, universe);
  if (!docs) return std::nullopt;
  return meets(*docs, changed);
}

/// `docs` without `changed`, with `added` merged in (all sorted).
std::vector<std::uint32_t> replace_documents(const std::vector<std::uint32_t>& docs,
                                             const std::vector<std::uint32_t>& changed,
                                             const std::vector<std::uint32_t>& added) {
  std::vector<std::uint32_t> kept;
  std::set_difference(docs.begin(), docs.end(), changed.begin(), changed.end(), std::back_inserter(kept));
  std::vector<std::uint32_t> out;
  std::merge(kept.begin(), kept.end(), added.begin(), added.end(), std::back_inserter(out));
  return out;
}

}  // namespace

std::string shard_entry(std::string_view key, std::span<const std::uint32_t> all, std::span<const std::uint32_t> card,
                        std::uint32_t universe) {
  std::string value = encode_doc_set(all, universe);
  if (!card.empty()) value += " " + encode_doc_set(card, universe);
  return text::json_string(key) + ":" + text::json_string(value);
}

bool read_shard_entries(std::string_view script, std::vector<ShardEntry>& out) {
  constexpr std::string_view kOpening = "travauxSearchShard(", kClosing = "});\n";
  if (!script.starts_with(kOpening) || !script.ends_with(kClosing)) return false;
  std::size_t at = kOpening.size();
  std::string name;
  if (!read_json_string(script, at, name) || script.substr(at, 2) != ",{") return false;
  at += 2;
  const std::size_t end = script.size() - kClosing.size();
  for (bool first = true; at < end; first = false) {
    if (!first) {
      if (script.substr(at, 2) != ",\n") return false;
      at += 2;
    }
    const std::size_t begin = at;
    ShardEntry e;
    std::string value;
    if (!read_json_string(script, at, e.key) || at >= end || script[at] != ':') return false;
    ++at;
    if (!read_json_string(script, at, value)) return false;
    e.text.assign(script.substr(begin, at - begin));
    out.push_back(std::move(e));
  }
  return at == end;
}

std::optional<std::vector<std::uint32_t>> decode_doc_set(std::string_view text, std::uint32_t universe) {
  const auto bytes = unbase64(text);
  if (!bytes || bytes->empty()) return std::nullopt;
  std::vector<std::uint32_t> docs;
  if ((*bytes)[0] == 'B') {
    if (bytes->size() != 1 + (static_cast<std::size_t>(universe) + 7) / 8) return std::nullopt;
    for (std::size_t j = 1; j < bytes->size(); ++j)
      for (int bit = 0; bit < 8; ++bit)
        if (static_cast<unsigned char>((*bytes)[j]) & (1u << bit)) docs.push_back(static_cast<std::uint32_t>((j - 1) * 8 + bit));
  } else if ((*bytes)[0] == 'L') {
    std::uint64_t previous = 0;
    for (std::size_t i = 1; i < bytes->size();) {
      std::uint64_t v = 0;
      int shift = 0;
      for (;; shift += 7) {
        if (i >= bytes->size() || shift > 35) return std::nullopt;
        const auto b = static_cast<unsigned char>((*bytes)[i++]);
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
      }
      const std::uint64_t d = docs.empty() ? v : previous + v;
      if (d >= universe || (!docs.empty() && v == 0)) return std::nullopt;
      docs.push_back(static_cast<std::uint32_t>(d));
      previous = d;
    }
  } else {
    return std::nullopt;
  }
  return docs;
}

std::optional<std::vector<ShardEntry>> patch_entries(std::vector<ShardEntry> entries,
                                                     const std::vector<std::uint32_t>& changed,
                                                     const std::map<std::string, KeyDocuments>& added,
                                                     std::uint32_t universe) {
  static const std::vector<std::uint32_t> kNone;
  std::vector<ShardEntry> out;
  out.reserve(entries.size() + added.size());
  auto next_added = added.begin();
  // A key of `added` that the last index did not hold: its documents are all changed ones.
  auto put_new = [&](const std::string& key, const KeyDocuments& docs) {
    out.push_back({key, shard_entry(key, docs.all, docs.card, universe)});
  };
  for (auto& e : entries) {
    while (next_added != added.end() && next_added->first < e.key) {
      put_new(next_added->first, next_added->second);
      ++next_added;
    }
    const KeyDocuments* add = next_added != added.end() && next_added->first == e.key ? &next_added->second : nullptr;
    if (add) ++next_added;
    // The value: after the key's closing quote and the colon. Most entries hold no escape,
    // and then it is read where it lies (most entries are only checked, never decoded).
    std::string_view value;
    std::string unescaped;
    if (const std::string_view text = e.text; text.find('\\') == std::string_view::npos) {
      const std::size_t quote = text.size() > 1 && text.front() == '"' ? text.find('"', 1) : std::string_view::npos;
      if (quote == std::string_view::npos || text.compare(quote, 3, "\":\"") != 0 || text.size() < quote + 4 ||
          text.back() != '"')
        return std::nullopt;
      value = text.substr(quote + 3, text.size() - quote - 4);
    } else {
      std::size_t at = 0;
      std::string key;
      if (!read_json_string(e.text, at, key) || at >= e.text.size() || e.text[at] != ':') return std::nullopt;
      ++at;
      if (!read_json_string(e.text, at, unescaped)) return std::nullopt;
      value = unescaped;
    }
    const std::size_t space = value.find(' ');
    const std::string_view all_text = value.substr(0, space);
    if (!add) {
      // The card's documents are among all of them: only those need looking at.
      const auto holds = holds_any(all_text, changed, universe);
      if (!holds) return std::nullopt;
      if (!*holds) {
        out.push_back(std::move(e));
        continue;
      }
    }
    auto all = decode_doc_set(all_text, universe);
    std::optional<std::vector<std::uint32_t>> card = std::vector<std::uint32_t>{};
    if (space != std::string_view::npos) card = decode_doc_set(value.substr(space + 1), universe);
    if (!all || !card) return std::nullopt;
    const auto new_all = replace_documents(*all, changed, add ? add->all : kNone);
    if (new_all.empty()) continue;
    const auto new_card = replace_documents(*card, changed, add ? add->card : kNone);
    out.push_back({e.key, shard_entry(e.key, new_all, new_card, universe)});
  }
  for (; next_added != added.end(); ++next_added) put_new(next_added->first, next_added->second);
  return out;
}

}  // namespace travaux::render
