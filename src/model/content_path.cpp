// Front-matter paths resolved like Markdown link targets (CONTENT-MODEL.md, "Front matter").
#include "model/content_path.h"

#include <vector>

namespace travaux::model {

namespace {

void push_segments(std::string_view path, std::vector<std::string_view>& parts, bool& escaped) {
  while (!path.empty()) {
    auto s = path.find('/');
    std::string_view seg = path.substr(0, s);
    path = s == std::string_view::npos ? std::string_view{} : path.substr(s + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (parts.empty()) escaped = true;
      else parts.pop_back();
    } else {
      parts.push_back(seg);
    }
  }
}

}  // namespace

std::optional<std::string> join_content_path(std::string_view from_path, std::string_view rel) {
  std::vector<std::string_view> parts;
  bool escaped = false;
  if (!rel.starts_with('/')) {
    auto slash = from_path.rfind('/');
    push_segments(slash == std::string_view::npos ? std::string_view{} : from_path.substr(0, slash), parts,
                  escaped);
  }
  push_segments(rel, parts, escaped);
  if (escaped) return std::nullopt;
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

bool is_attachment_file(std::string_view value) {
  return !value.ends_with(".md") && value.find_first_of("/.") != std::string_view::npos;
}

std::optional<std::string> attachment_static_path(std::string_view from_path, std::string_view value) {
  // `static/...` keeps its historical meaning (from the content root) whatever the document's
  // folder; every other path is relative to the document, as a Markdown link would be.
  auto joined = value.starts_with("static/") ? join_content_path("", value) : join_content_path(from_path, value);
  if (!joined || !joined->starts_with("static/") || joined->size() == 7) return std::nullopt;
  return joined->substr(7);
}

}  // namespace travaux::model
