// zstd frames, one per text, made and read with one context per thread (a context costs more
// to make than a page of text costs to compress).
#include "text/packed.h"

#include <stdexcept>

#include <xxhash.h>
#include <zstd.h>

namespace travaux::text {

namespace {

// Level 1: about 400 MB/s and a third of the size on Markdown and HTML; higher levels
// save little more on text this short and cost several times the time.
constexpr int kLevel = 1;

struct Contexts {
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
  ~Contexts() {
    ZSTD_freeCCtx(compress);
    ZSTD_freeDCtx(decompress);
  }
};

Contexts& contexts() {
  thread_local Contexts c;
  return c;
}

}  // namespace

std::uint64_t Packed::digest(std::string_view plain) { return XXH3_64bits(plain.data(), plain.size()); }

Packed Packed::pack(std::string_view plain) {
  Packed p;
  p.size_ = plain.size();
  p.digest_ = digest(plain);
  if (plain.empty()) return p;
  p.bytes_.resize(ZSTD_compressBound(plain.size()));
  const std::size_t n = ZSTD_compressCCtx(contexts().compress, p.bytes_.data(), p.bytes_.size(), plain.data(),
                                          plain.size(), kLevel);
  // Only running out of memory makes zstd fail on a buffer of compressBound bytes.
  if (ZSTD_isError(n)) throw std::bad_alloc();
  p.bytes_.resize(n);
  p.bytes_.shrink_to_fit();
  return p;
}

void Packed::unpack(std::string& out) const {
  out.resize(size_);
  if (size_ == 0) return;
  const std::size_t n = ZSTD_decompressDCtx(contexts().decompress, out.data(), out.size(), bytes_.data(), bytes_.size());
  // The frame was made by pack() in this process: anything else is a bug, not bad input.
  if (ZSTD_isError(n) || n != size_) throw std::logic_error("text::Packed: a frame did not unpack");
}

std::string Packed::unpack() const {
  std::string out;
  unpack(out);
  return out;
}

}  // namespace travaux::text
