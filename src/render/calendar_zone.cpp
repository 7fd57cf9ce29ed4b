// TZif reading for calendar.ics VTIMEZONE blocks (RFC 8536; CONTENT-MODEL.md, archive.toml
// `time_zone`; issue #5).
#include "render/calendar_zone.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace travaux::render {

namespace {

struct Reader {
  std::string_view bytes;
  std::size_t at = 0;
  bool ok = true;

  std::int64_t be(int width) {
    if (at + width > bytes.size()) {
      ok = false;
      return 0;
    }
    std::uint64_t v = 0;
    for (int i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at++]);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
  }
  void skip(std::size_t n) {
    if (at + n > bytes.size()) ok = false;
    at = std::min(at + n, bytes.size());
  }
};

struct Header {
  char version = 0;
  std::int64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

std::optional<Header> read_header(Reader& r) {
  if (r.bytes.substr(r.at, 4) != "TZif") return std::nullopt;
  Header h;
  h.version = r.at + 4 < r.bytes.size() ? r.bytes[r.at + 4] : 0;
  r.skip(20);
  h.isut = r.be(4), h.isstd = r.be(4), h.leap = r.be(4), h.time = r.be(4), h.type = r.be(4), h.chars = r.be(4);
  if (!r.ok || h.type <= 0 || h.time < 0 || h.chars < 0) return std::nullopt;
  return h;
}

}  // namespace

std::optional<Zone> parse_tzif(std::string_view bytes, std::string id) {
  Reader r{bytes};
  auto h = read_header(r);
  if (!h) return std::nullopt;
  int time_width = 4;
  if (h->version >= '2') {
    // Skip the 32-bit block; the 64-bit one that follows covers every year.
    r.skip(h->time * 5 + h->type * 6 + h->chars + h->leap * 8 + h->isstd + h->isut);
    h = read_header(r);
    if (!h) return std::nullopt;
    time_width = 8;
  }
  std::vector<std::int64_t> times(h->time);
  for (auto& t : times) t = r.be(time_width);
  std::vector<int> index(h->time);
  for (auto& i : index) i = static_cast<int>(r.be(1));
  struct Type {
    int offset;
    bool dst;
    int name_at;
  };
  std::vector<Type> types(h->type);
  for (auto& t : types) {
    t.offset = static_cast<int>(r.be(4));
    t.dst = r.be(1) != 0;
    t.name_at = static_cast<int>(r.be(1));
  }
  if (!r.ok || r.at + h->chars > bytes.size()) return std::nullopt;
  const std::string_view chars = bytes.substr(r.at, h->chars);
  auto name_of = [&](const Type& t) {
    if (t.name_at >= static_cast<int>(chars.size())) return std::string();
    std::string_view s = chars.substr(t.name_at);
    return std::string(s.substr(0, s.find('\0')));
  };
  Zone zone;
  zone.id = std::move(id);
  zone.first_offset = types[0].offset;
  zone.first_name = name_of(types[0]);
  int before = zone.first_offset;
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (index[i] >= static_cast<int>(types.size())) return std::nullopt;
    const Type& t = types[index[i]];
    zone.transitions.push_back({times[i], before, t.offset, t.dst, name_of(t)});
    before = t.offset;
  }
  return zone;
}

std::optional<Zone> read_system_zone(const std::string& id) {
  if (id.empty() || id.front() == '/' || id.find("..") != std::string::npos) return std::nullopt;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+'))
      return std::nullopt;
  const char* dir = std::getenv("TZDIR");
  std::ifstream file(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + id, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return parse_tzif(bytes.str(), id);
}

bool is_utc_zone(std::string_view id) {
  for (std::string_view u : {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "Z", "Etc/GMT", "GMT",
                             "Etc/Universal", "Universal"})
    if (id == u) return true;
  return false;
}

}  // namespace travaux::render
