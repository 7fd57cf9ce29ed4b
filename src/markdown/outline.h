#pragma once
// The block structure of a Markdown body, for comparing draft versions (issue 4): headings,
// numbered paragraphs and other blocks, each with its source lines and its inline content as
// a stream of words that remember the markup around them. No cmark type appears here.

#include <string>
#include <string_view>
#include <vector>

namespace travaux::markdown {

/// Inline markup a word sits inside. Marks nest in the order given by Atom::marks.
struct Mark {
  enum class Kind { emph, strong, strike, link, code };
  Kind kind = Kind::emph;
  std::string url;  // link destination as written (links only)

  bool operator==(const Mark&) const = default;
};

/// One unit of inline text: a word, a punctuation character, one space, or a block break
/// (between the paragraphs of a multi-paragraph list item). Words are compared with their
/// marks, so a word that gains emphasis counts as changed.
struct Atom {
  enum class Kind { word, space, brk };
  Kind kind = Kind::word;
  std::string text;         // the characters (" " for space, "" for brk)
  std::vector<Mark> marks;  // outermost first

  bool operator==(const Atom&) const = default;
};

/// A top-level block of the body.
struct Block {
  enum class Kind { heading, numbered, other };
  Kind kind = Kind::other;
  int level = 0;        // heading level
  int number = 0;       // numbered paragraph: its number as written ("12." -> 12)
  int first_line = 0;   // file lines the block spans
  int last_line = 0;
  std::string source;   // the Markdown source of those lines
  std::string text;     // plain text
  std::vector<Atom> atoms;
};

/// Splits `text` (a body starting on file line `first_line`) into top-level blocks. An
/// ordered list gives one numbered block per item; headings give heading blocks; any other
/// block (paragraph, bullet list, quote, table, code) is one `other` block.
std::vector<Block> outline(std::string_view text, int first_line);

/// Splits plain text into word, punctuation and space atoms (runs of white space become one
/// space). Letters and digits of any script stay together; quotes and dashes stand alone.
void split_words(std::string_view text, const std::vector<Mark>& marks, std::vector<Atom>& out);

}  // namespace travaux::markdown
