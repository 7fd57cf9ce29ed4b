// Relative and absolute URLs (CONTENT-MODEL.md, "Output").
#include "render/urls.h"

#include "link/linked_archive.h"

namespace travaux::render {

std::string PageLocation::root() const {
  if (folder.empty()) return "";
  std::string r = "../";
  for (char c : folder)
    if (c == '/') r += "../";
  return r;
}

std::string PageLocation::url(std::string_view site_path) const {
  std::string_view anchor;
  if (auto hash = site_path.find('#'); hash != std::string_view::npos) {
    anchor = site_path.substr(hash);
    site_path = site_path.substr(0, hash);
  }
  std::string out = root();
  out += site_path;
  const bool is_folder = site_path.empty() || site_path.back() == '/';
  if (is_folder && !pretty) out += "index.html";
  if (out.empty()) out = "./";
  out += anchor;
  return out;
}

std::string relativize(std::string_view html, const PageLocation& page) {
  std::string out;
  out.reserve(html.size());
  relativize_into(out, html, page);
  return out;
}

void relativize_into(std::string& out, std::string_view html, const PageLocation& page) {
  const std::string_view scheme = link::kInternalScheme;
  std::size_t pos = 0;
  while (true) {
    std::size_t at = html.find(scheme, pos);
    if (at == std::string_view::npos) break;
    // Only inside an attribute value that starts with the scheme.
    bool in_attr = at >= 1 && html[at - 1] == '"';
    out.append(html.substr(pos, at - pos));
    if (!in_attr) {
      out.append(scheme);
      pos = at + scheme.size();
      continue;
    }
    std::size_t end = html.find('"', at);
    std::string_view target = html.substr(at + scheme.size(), end - at - scheme.size());
    // &amp; in an attribute is part of the escaped URL: relative paths never contain one
    // except in anchors, which url() keeps as they are.
    out.append(page.url(target));
    pos = end;
  }
  out.append(html.substr(pos));
}

std::string permalink(std::string_view base_url, std::string_view site_path) {
  std::string out(base_url);
  if (out.empty() || out.back() != '/') out += '/';
  out += site_path;
  return out;
}

}  // namespace travaux::render
