#pragma once
// Text held compressed in memory (zstd), for the largest archives: every document's Markdown
// from load to the end of render and its HTML from link to the end of render are most of a
// build's memory (docs/architecture.md, "Texts held packed").

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace travaux::text {

class Packed {
 public:
  Packed() = default;
  /// `plain` compressed. Empty text stays empty.
  static Packed pack(std::string_view plain);

  bool empty() const { return size_ == 0; }
  /// The text's own size, unpacked.
  std::size_t size() const { return size_; }
  /// The compressed bytes held.
  std::size_t held() const { return bytes_.size(); }
  /// digest() of the text, taken when it was packed: a fingerprint needs no unpacking.
  std::uint64_t text_digest() const { return digest_; }
  /// XXH3-64 of `plain`.
  static std::uint64_t digest(std::string_view plain);

  /// The text, written into `out` (its capacity reused from one call to the next).
  void unpack(std::string& out) const;
  std::string unpack() const;

 private:
  std::string bytes_;  // one zstd frame
  std::size_t size_ = 0;
  std::uint64_t digest_ = digest({});
};

}  // namespace travaux::text
