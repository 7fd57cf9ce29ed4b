#pragma once
// The search page (CONTENT-MODEL.md, "Output": search/index.html; docs/search.md). Only this
// page loads the search script, which loads the index shards (render/search_index.h).

#include <string>

#include "render/view.h"

namespace travaux::render {

/// search/index.html: a labelled form (the query and filters travel as ?q=&kind=&text=&round=
/// &from=&to= so a search can be linked), a results list filled by assets/search.js, and a
/// <noscript> note.
std::string render_search_page(const RenderInput& in);

}  // namespace travaux::render
