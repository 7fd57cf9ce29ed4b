#pragma once
// The block structure of a Markdown body, for comparing draft versions (docs/drafts-and-changes.md,
// "How two versions are compared"): headings, numbered paragraphs and other blocks, each with its
// source lines and its inline content as a stream of words that remember the markup around them.
// No cmark type appears here.

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::markdown {

/// Inline markup a word sits inside.
struct Mark {
  enum class Kind { emph, strong, strike, link, code, pre };  // pre: a code block, lines kept
  Kind kind = Kind::emph;
  std::string url;  // link destination as written (links only)

  bool operator==(const Mark&) const = default;
};

/// One level of a stack of marks, linked to the level that encloses it. A stack is created
/// once per inline element, and every word inside shares it: copying the stack into each
/// word made deeply nested emphasis quadratic in time and memory.
struct MarkNode {
  Mark mark;
  const MarkNode* parent = nullptr;  // the enclosing mark, nullptr at the outermost level
  std::uint32_t depth = 1;           // number of marks in the stack ending here
  std::uint64_t hash = 0;            // of the whole stack: equal stacks, equal hashes
};

/// Where the MarkNodes of one outline live; atoms point into it.
using MarkArena = std::deque<MarkNode>;

/// The same marks, outermost to innermost (compared by depth, hash and innermost mark, so
/// stacks from two different drafts compare in constant time).
bool same_marks(const MarkNode* a, const MarkNode* b);

/// The marks of a stack, outermost first.
std::vector<Mark> mark_list(const MarkNode* innermost);

/// One unit of inline text: a word, a punctuation character, one space, or a block break
/// (between the paragraphs of a multi-paragraph list item). Words are compared with their
/// marks, so a word that gains emphasis counts as changed.
struct Atom {
  enum class Kind { word, space, brk };
  Kind kind = Kind::word;
  /// The characters: " " for a space (the white space as written inside a code block), "" for
  /// a break between paragraphs, "tight" for one between the items of a tight list.
  std::string text;
  const MarkNode* marks = nullptr;   // innermost mark, nullptr for none

  bool operator==(const Atom& o) const { return kind == o.kind && text == o.text && same_marks(marks, o.marks); }
};

/// A top-level block of the body.
struct Block {
  enum class Kind { heading, numbered, other };
  Kind kind = Kind::other;
  int level = 0;          // heading level
  int number = 0;         // numbered paragraph: its number as written ("12." -> 12)
  int first_line = 0;     // file lines the block spans
  int last_line = 0;
  std::string id;         // heading: the explicit id of `## Title {#id}`, or ""
  std::string source;     // the Markdown source of those lines
  std::string text;       // plain text (a heading's without its `{#id}`)
  std::vector<Atom> atoms;
};

/// The blocks of a body and the marks their atoms point to.
struct Outline {
  std::vector<Block> blocks;
  std::shared_ptr<MarkArena> marks;
};

/// True for a kramdown block attribute line, `{: #id title="..."}`, which styles the block
/// before it and is never shown.
bool is_block_attribute_line(std::string_view text);

/// Splits `text` (a body starting on file line `first_line`) into top-level blocks. An
/// ordered list gives one numbered block per item; headings give heading blocks; any other
/// block (paragraph, bullet list, quote, table, code) is one `other` block. Walks the tree
/// with cmark's iterator, never by recursion, and in time linear in the body.
Outline outline(std::string_view text, int first_line);

/// Splits plain text into word, punctuation and space atoms (runs of white space become one
/// space, unless `keep_spaces`, as in code blocks whose lines and alignment matter). Letters and
/// digits of any script stay together; quotes and dashes stand alone.
void split_words(std::string_view text, const MarkNode* marks, std::vector<Atom>& out, bool keep_spaces = false);

/// True for a word atom made of letters or digits, false for a punctuation mark, a space or a
/// break: what "words" counts where a share of a text is measured (docs/drafts-and-changes.md,
/// "Provenance").
bool is_word(const Atom& atom);

}  // namespace travaux::markdown
