#pragma once
// The readable text of a rendered body, cut into the blocks a search result can point at
// (docs/search.md, "Paragraph targets").

#include <string>
#include <string_view>
#include <vector>

namespace travaux::render {

/// One block of text (a paragraph, list item, heading, table cell) and the id of the place
/// a link to it should land: the nearest id at or before the block (`para-4`, `objective-7`),
/// "" before the first id.
struct TextBlock {
  std::string anchor;
  std::string text;  // tags dropped, entities decoded, whitespace collapsed
};

/// Every block of body HTML, in order. Inline tags (<em>, <a>, ...) do not split words;
/// any other tag ends a block. A heading's "#" self-link (`<a class="here">`) is not text.
std::vector<TextBlock> html_to_blocks(std::string_view html);

/// The readable text of body HTML: the blocks joined by a space.
std::string html_to_text(std::string_view html);

}  // namespace travaux::render
