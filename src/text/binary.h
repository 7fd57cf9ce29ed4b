#pragma once
// Length-prefixed little-endian fields: the build cache's encoding (docs/incremental-builds.md,
// "The manifest"), shared by the stages whose results it keeps. No library is needed for so little.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::text {

static_assert(std::endian::native == std::endian::little, "the cache encoding assumes a little-endian machine");

class Writer {
 public:
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u64(s.size());
    out.append(s);
  }
  std::string out;

 private:
  void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool u32(std::uint32_t& v) { return raw(&v, sizeof v); }
  bool u64(std::uint64_t& v) { return raw(&v, sizeof v); }
  bool i64(std::int64_t& v) { return raw(&v, sizeof v); }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || n > in_.size() - pos_) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  bool raw(void* p, std::size_t n) {
    if (in_.size() - pos_ < n) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

inline void put_strings(Writer& w, const std::vector<std::string>& v) {
  w.u64(v.size());
  for (const auto& s : v) w.str(s);
}

inline bool get_strings(Reader& r, std::vector<std::string>& v) {
  std::uint64_t n = 0;
  if (!r.u64(n)) return false;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string s;
    if (!r.str(s)) return false;
    v.push_back(std::move(s));
  }
  return true;
}

}  // namespace travaux::text
