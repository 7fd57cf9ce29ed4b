#pragma once
// Finds numbered mentions in plain text: "Objective 7", "Objectives 17 to 22", "paragraphs
// 53 and 54", "round 3", "the third round of intergovernmental negotiations", "first and
// second rounds" (CONTENT-MODEL.md, "Cross-references"). Pure text in, positions out: which
// document a number lands on is decided by mentions.cpp.

#include <optional>
#include <string_view>
#include <vector>

namespace travaux::link {

/// One number of a mention and the bytes its link covers. The first item's span starts at
/// the keyword ("Objectives 2"), later ones cover the number alone ("4").
struct MentionItem {
  std::size_t begin = 0;
  std::size_t end = 0;
  int number = 0;
  int range_from = 0;  // > 0: the item ends a range ("17 to 22" gives 22 with range_from 17)
};

struct NumberedMention {
  enum class Kind { objective, paragraph, round };
  Kind kind = Kind::objective;
  std::size_t begin = 0;  // the keyword (or ordinal)
  std::size_t end = 0;    // after the last item
  std::vector<MentionItem> items;
  /// Objectives and paragraphs: where the name after "of" starts ("paragraph 27 of <name>").
  std::optional<std::size_t> of_name;
};

/// Mentions that start in [from, to) of `text`. Every mention is read to its end even past
/// `to`; word boundaries are checked against the whole text.
std::vector<NumberedMention> scan_numbered_mentions(std::string_view text, std::size_t from, std::size_t to);

/// The word form of a mention kind, for messages: "Objective", "paragraph", "round".
std::string_view mention_noun(NumberedMention::Kind kind);

}  // namespace travaux::link
