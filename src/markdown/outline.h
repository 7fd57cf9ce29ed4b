#pragma once
// The block structure of a Markdown body, for comparing draft versions (docs/drafts-and-changes.md,
// "How two versions are compared"): headings, numbered paragraphs and other blocks, each with its
// source lines and its inline content as a stream of words that remember the markup around them.
// No cmark type appears here.

#include <cstdint>
#include <cstring>
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
  bool in_link = false;              // this mark or one that encloses it is a link
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
///
/// 16 bytes, as drafts hold one per word and one per space: `token` points at a 4-byte header
/// (length << 2 | kind) followed by the characters, in the outline's TextArena for words and
/// in static storage for spaces and breaks. Equal atoms compare equal whichever arena or copy
/// of the characters they point into.
struct Atom {
  enum class Kind : std::uint8_t { word, space, brk };
  static constexpr std::size_t kMaxSize = (std::size_t{1} << 30) - 1;  // a longer word is cut

  const char* token = nullptr;      // see above; never nullptr once made
  const MarkNode* marks = nullptr;  // innermost mark, nullptr for none

  Kind kind() const { return static_cast<Kind>(header() & 3u); }
  /// The characters: " " for a space (the white space as written inside a code block), "" for
  /// a break between paragraphs, "tight" for one between the items of a tight list.
  std::string_view text() const { return {token + 4, header() >> 2}; }

  bool operator==(const Atom& o) const { return same_token(token, o.token) && same_marks(marks, o.marks); }

 private:
  std::uint32_t header() const {
    std::uint32_t h;
    std::memcpy(&h, token, sizeof h);
    return h;
  }
  static bool same_token(const char* a, const char* b) {
    if (a == b) return true;
    std::uint32_t ha, hb;
    std::memcpy(&ha, a, sizeof ha);
    std::memcpy(&hb, b, sizeof hb);
    return ha == hb && std::memcmp(a + 4, b + 4, ha >> 2) == 0;
  }
};

/// Where the characters of one outline's words live, each behind its Atom header: chunks
/// that never move, so atoms point into them for as long as the arena lives (as MarkNodes
/// live in the MarkArena). One std::string per atom cost 32 bytes of it and a heap block for
/// any word over 15 bytes.
class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  /// An atom of `kind` with `text` (at most Atom::kMaxSize bytes) and `marks`.
  Atom atom(Atom::Kind kind, std::string_view text, const MarkNode* marks);
  /// Bytes held (chunks allocated), for measurements.
  std::size_t capacity() const { return capacity_; }

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;
  std::size_t capacity_ = 0;
};

/// The atoms that need no arena: one space, a loose break, a tight one.
Atom space_atom(const MarkNode* marks);
Atom break_atom(bool tight);

/// A block's plain text: its atoms' characters, a break as "\n".
std::string plain_text(const std::vector<Atom>& atoms);

/// A top-level block of the body.
struct Block {
  enum class Kind { heading, numbered, other };
  Kind kind = Kind::other;
  int level = 0;          // heading level
  int number = 0;         // numbered paragraph: its number as written ("12." -> 12)
  int first_line = 0;     // file lines the block spans
  int last_line = 0;
  std::string id;         // heading: the explicit id of `## Title {#id}`, or ""
  std::string_view source;  // the Markdown source of those lines, inside the outlined text
  std::string text;       // a heading's plain text, without its `{#id}` ("" for other blocks)
  std::vector<Atom> atoms;
};

/// The blocks of a body and the marks and characters their atoms point to. `source` views
/// point into the text given to outline(), which must outlive them.
struct Outline {
  std::vector<Block> blocks;
  std::shared_ptr<MarkArena> marks;
  std::shared_ptr<TextArena> chars;
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
void split_words(std::string_view text, const MarkNode* marks, TextArena& chars, std::vector<Atom>& out,
                 bool keep_spaces = false);

/// True for a word atom made of letters or digits, false for a punctuation mark, a space or a
/// break: what "words" counts where a share of a text is measured (docs/drafts-and-changes.md,
/// "Provenance").
bool is_word(const Atom& atom);

}  // namespace travaux::markdown
