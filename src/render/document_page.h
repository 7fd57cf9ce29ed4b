#pragma once
// The page of one letter, draft, round, document or plain page (CONTENT-MODEL.md, "Output").

#include <string>

#include "render/view.h"

namespace travaux::render {

/// The full HTML of `doc`'s page at `<url_folder>/index.html`.
std::string render_document_page(const RenderInput& in, const model::Document& doc);

}  // namespace travaux::render
