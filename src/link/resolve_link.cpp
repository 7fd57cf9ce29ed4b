// Explicit link resolution and checking (CONTENT-MODEL.md, "Cross-references": links to
// source files and @ids; "Edge rules": draft = true targets, schemes).
#include "link/resolve_link.h"

#include <algorithm>

#include "diag/did_you_mean.h"
#include "model/content_path.h"
#include "text/escape.h"

namespace travaux::link {

namespace {

/// Schemes that can run script or read the reader's disk when followed (docs/hostile-input.md,
/// "Links"): the ones cmark-gfm itself strips from safe output. Every other scheme (irc:, mailto:,
/// tel:, ftp:, urn:, doi: ...) is an ordinary external link.
constexpr std::string_view kScriptCapableSchemes[] = {"javascript", "vbscript", "file", "data"};
/// Raster images cannot carry script; `data:` is allowed for those alone, as cmark-gfm does.
constexpr std::string_view kSafeDataImages[] = {"data:image/png", "data:image/gif", "data:image/jpeg",
                                                "data:image/webp"};

bool script_capable(const std::string& scheme, std::string_view url) {
  if (std::find(std::begin(kScriptCapableSchemes), std::end(kScriptCapableSchemes), scheme) ==
      std::end(kScriptCapableSchemes))
    return false;
  if (scheme != "data") return true;
  std::string head(url.substr(0, 16));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view safe : kSafeDataImages)
    if (head.starts_with(safe) && (url.size() > safe.size() && (url[safe.size()] == ';' || url[safe.size()] == ',')))
      return false;
  return true;
}

/// The scheme of `url` ("https"), or "" for a relative reference.
std::string scheme_of(std::string_view url) {
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i > 0 ? std::string(url.substr(0, i)) : "";
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') ||
                                                                            c == '+' || c == '-' || c == '.'));
    if (!ok) return "";
  }
  return "";
}

std::string lower(std::string_view s) { return text::ascii_lower(s); }

/// %20 and friends back to bytes, as GitHub does for links to files with spaces.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> all_ids(const model::Archive& a) {
  std::vector<std::string> ids;
  for (const auto& d : a.documents) ids.push_back(d.id);
  return ids;
}

diag::SourcePos at(const model::Document& from, const markdown::Link& link) {
  return {from.source_path, link.pos.line, link.pos.column};
}

/// A link to `target`, with `anchor` checked. Records the reference.
std::string to_document(const LinkContext& ctx, const model::Document& from, const model::Document& target,
                        const std::string& anchor, const markdown::Link& link, std::vector<Reference>& refs,
                        diag::Diagnostics& diags) {
  std::string url = std::string(kInternalScheme) + LinkContext::page_path(target);
  if (!anchor.empty()) {
    if (!ctx.has_anchor(target, anchor)) {
      std::vector<std::string> known(ctx.anchors_of(target).begin(), ctx.anchors_of(target).end());
      auto near = diag::did_you_mean(anchor, known);
      diags.error(at(from, link), "'" + target.id + "' has no anchor '#" + anchor + "'",
                  near ? "did you mean '#" + *near + "'?" : "link to a heading or numbered paragraph it has");
      return "";
    }
    // A draft whose text is not held has no such element on its page: link the page itself.
    if (ctx.anchors_of(target).count(anchor)) url += "#" + anchor;
  }
  if (&target != &from)
    refs.push_back({from.id, target.id, anchor, sentence_around(link.context, link.context_offset),
                    at(from, link), Reference::Via::link});
  return url;
}

}  // namespace

std::string resolve_link(const LinkContext& ctx, const model::Document& from,
                         const std::set<std::string>& own_anchors, const markdown::Link& link,
                         std::vector<Reference>& refs, diag::Diagnostics& diags) {
  const std::string& url = link.url;
  if (url.empty()) return url;
  if (url[0] == '#') {
    std::string anchor = percent_decode(url.substr(1));
    if (!anchor.empty() && !own_anchors.count(anchor) && !url.starts_with("#fn")) {
      std::vector<std::string> known(own_anchors.begin(), own_anchors.end());
      auto near = diag::did_you_mean(anchor, known);
      diags.error(at(from, link), "this page has no anchor '" + url + "'",
                  near ? "did you mean '#" + *near + "'?" : "link to a heading or numbered paragraph of this page");
      return "";
    }
    return url;
  }
  if (url[0] == '@') {
    std::string_view rest(url);
    rest.remove_prefix(1);
    auto hash = rest.find('#');
    std::string id(rest.substr(0, hash));
    std::string anchor = hash == std::string_view::npos ? "" : std::string(rest.substr(hash + 1));
    if (const model::Document* target = ctx.archive.find(id))
      return to_document(ctx, from, *target, anchor, link, refs, diags);
    if (ctx.archive.unpublished.count(id)) {
      diags.error(at(from, link), "'@" + id + "' links to " + ctx.archive.unpublished.find(id)->second +
                  ", which has draft = true and is not published",
                  "publish it (remove draft = true) or remove the link");
      return "";
    }
    auto near = diag::did_you_mean(id, all_ids(ctx.archive));
    diags.error(at(from, link), "unknown document '@" + id + "'",
                near ? "did you mean '@" + *near + "'?" : "use the id of a document in the archive (its file name without .md)");
    return "";
  }
  const std::string scheme = lower(scheme_of(url));
  if (!scheme.empty()) {
    if (!script_capable(scheme, url)) return url;
    diags.error(at(from, link), "link with the script-capable scheme '" + scheme + ":'",
                "use an http(s):// or mailto: address, a relative path or an @id; " + scheme +
                    ": links could run code or open files on the reader's machine");
    return "";
  }
  if (url.starts_with("//")) return url;  // protocol-relative: external

  // A relative path, resolved against the linking file's folder as GitHub does.
  auto hash = url.find('#');
  std::string path_part = percent_decode(url.substr(0, hash));
  std::string anchor = hash == std::string::npos ? "" : percent_decode(url.substr(hash + 1));
  if (auto q = path_part.find('?'); q != std::string::npos) path_part.erase(q);
  auto joined = model::join_content_path(from.source_path, path_part);
  if (!joined) {
    diags.error(at(from, link), "link '" + url + "' leads outside the content folder",
                "link to a file inside the archive");
    return "";
  }
  if (auto it = ctx.by_path.find(*joined); it != ctx.by_path.end())
    return to_document(ctx, from, *it->second, anchor, link, refs, diags);
  if (*joined == "_index.md") return std::string(kInternalScheme);
  if (joined->starts_with("static/") && ctx.static_paths.count(joined->substr(7)))
    return std::string(kInternalScheme) + joined->substr(7) + (anchor.empty() ? "" : "#" + anchor);
  for (const auto& [id, path] : ctx.archive.unpublished) {
    if (path == *joined) {
      diags.error(at(from, link), "link to " + path + ", which has draft = true and is not published",
                  "publish it (remove draft = true) or remove the link");
      return "";
    }
  }
  std::vector<std::string> paths;
  for (const auto& [p, d] : ctx.by_path) paths.push_back(p);
  auto near = diag::did_you_mean(*joined, paths);
  diags.error(at(from, link), "link to '" + url + "': no such file in the archive (looked for " + *joined + ")",
              near ? "did you mean '" + *near + "'?"
                   : "link to a .md file of the archive, an @id, or a file under static/");
  return "";
}

const model::Document* resolve_front_matter_ref(const LinkContext& ctx, const model::Document& from,
                                                const std::string& key, const std::string& value,
                                                diag::Diagnostics& diags) {
  const model::Document* target = ctx.archive.find(value);
  if (target == nullptr && value.ends_with(".md"))
    if (auto joined = model::join_content_path(from.source_path, value))
      if (auto it = ctx.by_path.find(*joined); it != ctx.by_path.end()) target = it->second;
  if (target) return target;
  std::string hint = "use the id of a document in the archive";
  if (ctx.archive.unpublished.count(value)) hint = "'" + value + "' has draft = true and is not published";
  else if (auto near = diag::did_you_mean(value, all_ids(ctx.archive))) hint = "did you mean '" + *near + "'?";
  diags.error(from.pos_of(key), "'" + key + "' names unknown document '" + value + "'", hint);
  return nullptr;
}

}  // namespace travaux::link
