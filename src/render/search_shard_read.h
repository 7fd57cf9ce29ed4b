#pragma once
// Reads back the blocks of a document's search shard as the last build wrote them, so that an
// incremental build need not make the HTML of a document whose links it did not make again
// (docs/incremental-builds.md, "Links not made again").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_text.h"

namespace travaux::render {

/// The blocks of one document's shard, given the scripts of its parts in order (search/d/<n>.js,
/// d/<n>-1.js, ...: search_index.cpp); nullopt when one of them is not such a script.
std::optional<std::vector<TextBlock>> shard_blocks(const std::vector<std::string>& parts);

/// Decodes the JSON string starting at `in[at]` (its opening quote) into `out` and moves `at`
/// past its closing quote; false when it is not a well-formed JSON string.
bool read_json_string(std::string_view in, std::size_t& at, std::string& out);

}  // namespace travaux::render
