#pragma once
// Machine-readable outputs: feed.xml (Atom), sitemap.xml, archive.json (CONTENT-MODEL.md, "Output").

#include <string>

#include "render/view.h"

namespace travaux::render {

/// Atom feed of letters, drafts and documents, newest first, with folder-form permalinks.
std::string render_atom(const RenderInput& in);
/// Every page's permalink.
std::string render_sitemap(const RenderInput& in, const std::vector<std::string>& page_folders);
/// The archive as JSON: settings, people, and every document's metadata, links and summary.
std::string render_archive_json(const RenderInput& in);

}  // namespace travaux::render
