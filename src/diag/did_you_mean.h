#pragma once
// Spelling suggestions for unknown ids and keys, after ninja's State::SpellcheckNode.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::diag {

/// Levenshtein distance between two byte strings.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most a third of the word's length, and at least 1 allowed).
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace travaux::diag
