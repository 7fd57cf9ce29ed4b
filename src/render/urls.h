#pragma once
// URLs (CONTENT-MODEL.md, "Output"): every internal link is relative and names the file, so
// the site works from any sub-path and from file://; pretty_urls drops the index.html.

#include <string>
#include <string_view>

namespace travaux::render {

/// Where a page is and how links from it are written.
struct PageLocation {
  std::string folder;  // site path of the page's folder: "" (home), "letters/x", "drafts/x/changes"
  bool pretty = false;

  /// "../../" for "letters/x"; "" for the home page.
  std::string root() const;
  /// Relative URL from this page to `site_path` in folder form ("letters/y/", "" for home,
  /// "pdf/a.pdf" for a file), keeping any "#anchor".
  std::string url(std::string_view site_path) const;
  /// The output file of this page: "letters/x/index.html".
  std::string file() const { return folder.empty() ? "index.html" : folder + "/index.html"; }
};

/// Replaces every `href="travaux:...` / `src="travaux:...` in body HTML with the relative URL.
std::string relativize(std::string_view html, const PageLocation& page);
/// The same, appended to `out`.
void relativize_into(std::string& out, std::string_view html, const PageLocation& page);

/// Absolute permalink in folder form under base_url ("https://x.org/gcm/letters/y/").
std::string permalink(std::string_view base_url, std::string_view site_path);

}  // namespace travaux::render
