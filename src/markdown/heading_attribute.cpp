// Explicit heading ids out of the cmark tree (CONTENT-MODEL.md, "Cross-references": a heading
// may name its anchor with a trailing attribute and shows no braces).
#include "markdown/heading_attribute.h"

#include <vector>

#include "markdown/anchor.h"

namespace travaux::markdown {

std::string take_heading_id(cmark_node* heading) {
  // The attribute block sits in the trailing run of text nodes (cmark splits text at '_' and
  // other delimiter characters, so it may span several).
  std::vector<cmark_node*> tail;
  for (cmark_node* c = cmark_node_last_child(heading); c && cmark_node_get_type(c) == CMARK_NODE_TEXT;
       c = cmark_node_previous(c))
    tail.insert(tail.begin(), c);
  if (tail.empty()) return {};
  std::string text;
  for (cmark_node* c : tail) {
    const char* s = cmark_node_get_literal(c);
    text += s ? s : "";
  }
  const auto attribute = trailing_heading_attribute(text);
  if (!attribute) return {};
  // Cut the text back to the title, node by node from the end.
  std::size_t remove = text.size() - attribute->title_size;
  for (auto it = tail.rbegin(); it != tail.rend() && remove > 0; ++it) {
    const char* s = cmark_node_get_literal(*it);
    std::string literal = s ? s : "";
    if (literal.size() <= remove) {
      remove -= literal.size();
      cmark_node_free(*it);
    } else {
      literal.resize(literal.size() - remove);
      remove = 0;
      cmark_node_set_literal(*it, literal.c_str());
    }
  }
  return attribute->id;
}

}  // namespace travaux::markdown
