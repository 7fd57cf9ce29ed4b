// Shard encodings for the search index (docs/search.md, "Shard format").
#include "render/search_encode.h"

namespace travaux::render {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void append_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

std::string encode_doc_set(std::span<const std::uint32_t> sorted_docs, std::uint32_t universe) {
  std::string list = "L";
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < sorted_docs.size(); ++i) {
    append_varint(list, i == 0 ? sorted_docs[i] : sorted_docs[i] - previous);
    previous = sorted_docs[i];
  }
  const std::size_t bitmap_size = 1 + (static_cast<std::size_t>(universe) + 7) / 8;
  if (list.size() <= bitmap_size) return base64(list);
  std::string bitmap(bitmap_size, '\0');
  bitmap[0] = 'B';
  for (const std::uint32_t d : sorted_docs) bitmap[1 + d / 8] = static_cast<char>(bitmap[1 + d / 8] | (1 << (d % 8)));
  return base64(bitmap);
}

}  // namespace travaux::render
