#pragma once
// Internal to markdown/: takes a heading's trailing `{#id}` out of the cmark tree, so neither
// the page nor the outline shows the braces (CONTENT-MODEL.md, "Cross-references").

#include <string>

#include <cmark-gfm.h>

namespace travaux::markdown {

/// If `heading` ends with an attribute block naming an id, removes the block (and the spaces
/// before it) from the heading's trailing text nodes and returns the id; else returns "".
/// A block that ends inside other inline markup is left as text.
std::string take_heading_id(cmark_node* heading);

}  // namespace travaux::markdown
