#pragma once
// The compact encodings of the search shards (docs/search.md, "Shard format"): sets of
// document numbers as base64 text that the script decodes with atob().

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// Standard base64 with '=' padding (RFC 4648 section 4), what atob() reads.
std::string base64(std::string_view bytes);

/// Appends `value` as a LEB128 varint: 7 bits a byte, low bits first, high bit = more.
void append_varint(std::string& out, std::uint64_t value);

/// A sorted set of document numbers below `universe`, as base64 of whichever is smaller:
/// "L" then the first number and each gap as varints, or "B" then a bitmap of
/// ceil(universe / 8) bytes (bit i of byte j is document 8j + i). The bitmap bounds a term
/// that is in every document to universe / 8 bytes.
std::string encode_doc_set(std::span<const std::uint32_t> sorted_docs, std::uint32_t universe);

}  // namespace travaux::render
