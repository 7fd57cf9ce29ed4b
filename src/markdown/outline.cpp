// Block outline and inline word streams for comparing drafts (CONTENT-MODEL.md, "Drafts":
// headings for sections, numbered paragraphs; docs/drafts-and-changes.md, "Limits pages have").
#include "markdown/outline.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <functional>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "markdown/heading_attribute.h"
#include "markdown/large_body.h"
#include "markdown/thread_safe_parse.h"

namespace travaux::markdown {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

/// Decodes the UTF-8 code point at `s[i]`, advancing `i`. Invalid bytes come back as-is.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(len);
  return cp;
}

enum class CharClass { space, word, punct };

constexpr CharClass classify(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F || cp == 0x3000)
    return CharClass::space;
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return CharClass::word;
    return CharClass::punct;
  }
  // Latin-1 punctuation, general punctuation (dashes, quotes), CJK punctuation.
  if ((cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 || cp == 0xF7 ||
      (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3001 && cp <= 0x303F))
    return CharClass::punct;
  return CharClass::word;
}

/// classify() of each ASCII byte, looked up: most of a draft's text is ASCII, and a draft's words
/// are split character by character (split_words).
constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> out{};
  for (char32_t c = 0; c < 128; ++c) out[c] = classify(c);
  return out;
}();

/// The class of the character at `s[i]`, advancing `i` past it.
CharClass next_class(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return kAsciiClass[c];
  }
  return classify(next_code_point(s, i));
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

/// Collects one block's atoms in a single iterative pass (cmark_iter): enter and exit events
/// push and pop marks, so nesting depth costs no stack.
class Walker {
 public:
  Walker(std::vector<Atom>& out, MarkArena& arena, TextArena& chars) : out_(out), arena_(arena), chars_(chars) {}

  void walk(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER) enter(n);
      else if (ev == CMARK_EVENT_EXIT) exit(n);
    }
    cmark_iter_free(it);
  }

 private:
  static bool is_strike(cmark_node* n) { return std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0; }

  void push(Mark m) {
    std::uint64_t h = mix(top_ ? top_->hash : 0x51ed270b27da3f7bULL, static_cast<std::uint64_t>(m.kind) + 1);
    h = mix(h, std::hash<std::string>{}(m.url));
    const bool in_link = m.kind == Mark::Kind::link || (top_ && top_->in_link);
    arena_.push_back({std::move(m), top_, top_ ? top_->depth + 1 : 1, in_link, h});
    top_ = &arena_.back();
  }
  void pop() {
    if (top_) top_ = top_->parent;
  }
  void text(const char* s, bool keep_spaces = false) {
    if (s) split_words(s, top_, chars_, out_, keep_spaces);
  }
  void space() {
    if (!out_.empty() && out_.back().kind() == Atom::Kind::word) out_.push_back(space_atom(top_));
  }
  /// A break between blocks; inside a tight list a "tight" one, shown without a gap. A loose
  /// break next to a tight one wins.
  void block_break() {
    while (!out_.empty() && out_.back().kind() == Atom::Kind::space) out_.pop_back();
    const bool tight = !tight_.empty() && tight_.back();
    if (out_.empty()) return;
    if (out_.back().kind() != Atom::Kind::brk) out_.push_back(break_atom(tight));
    else if (!tight) out_.back() = break_atom(false);
  }
  void code(cmark_node* n) {
    push({Mark::Kind::code, ""});
    text(cmark_node_get_literal(n));
    pop();
  }

  void enter(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: text(cmark_node_get_literal(n)); return;
      case CMARK_NODE_CODE: code(n); return;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: space(); return;
      case CMARK_NODE_EMPH: push({Mark::Kind::emph, ""}); return;
      case CMARK_NODE_STRONG: push({Mark::Kind::strong, ""}); return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        push({Mark::Kind::link, url ? url : ""});
        return;
      }
      case CMARK_NODE_IMAGE: return;  // its alt text follows as children
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK: return;  // raw HTML never reaches a page as text
      case CMARK_NODE_CODE_BLOCK:
        block_break();
        push({Mark::Kind::pre, ""});
        text(cmark_node_get_literal(n), true);
        pop();
        block_break();
        return;
      case CMARK_NODE_LIST:
        block_break();
        tight_.push_back(cmark_node_get_list_tight(n) != 0);
        return;
      default:
        if (is_strike(n)) push({Mark::Kind::strike, ""});
        else if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) block_break();
    }
  }
  void exit(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_LIST:
        if (!tight_.empty()) tight_.pop_back();
        block_break();
        return;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_LINK: pop(); return;
      default:
        if (is_strike(n)) pop();
        else if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) block_break();
    }
  }

  std::vector<Atom>& out_;
  MarkArena& arena_;
  TextArena& chars_;
  const MarkNode* top_ = nullptr;
  std::vector<bool> tight_;  // per enclosing list: is it tight?
};

/// The body's lines, indexed once: each block's source is cut out in constant time (scanning
/// from the top for every block made a body of many short paragraphs quadratic).
class Lines {
 public:
  Lines(std::string_view text, int first_line) : text_(text), first_line_(first_line) {
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      starts_.push_back(i + 1);
  }
  /// Byte offset where file line `line` starts (the end of the text past the last line).
  std::size_t start(int line) const {
    const long i = static_cast<long>(line) - first_line_;
    if (i <= 0) return 0;
    if (static_cast<std::size_t>(i) >= starts_.size()) return text_.size();
    return starts_[static_cast<std::size_t>(i)];
  }
  std::string_view span(int first, int last) const {
    const std::size_t b = start(first), e = start(last + 1);
    return text_.substr(b, e > b ? e - b : 0);
  }

 private:
  std::string_view text_;
  int first_line_;
  std::vector<std::size_t> starts_;
};

/// `scratch` is one walker buffer reused for every block: each block's atoms are then copied
/// at their exact size, with no spare capacity kept for the whole build.
Block make_block(cmark_node* n, Block::Kind kind, const Lines& lines, int first_line, MarkArena& arena,
                 TextArena& chars, std::vector<Atom>& scratch) {
  Block b;
  b.kind = kind;
  b.first_line = cmark_node_get_start_line(n) + first_line - 1;
  b.last_line = cmark_node_get_end_line(n) + first_line - 1;
  if (b.last_line < b.first_line) b.last_line = b.first_line;
  scratch.clear();
  Walker(scratch, arena, chars).walk(n);
  b.source = lines.span(b.first_line, b.last_line);
  // cmark counts the blank lines after a list item as part of it.
  while (b.last_line > b.first_line && b.source.size() >= 2 && b.source.ends_with("\n\n")) {
    b.source.remove_suffix(1);
    --b.last_line;
  }
  while (!scratch.empty() && scratch.back().kind() != Atom::Kind::word) scratch.pop_back();
  b.atoms.assign(scratch.begin(), scratch.end());
  if (kind == Block::Kind::heading) b.text = plain_text(b.atoms);
  return b;
}

/// An atom that lives in static storage: its header, then its characters.
struct StaticToken {
  std::uint32_t header;
  char text[8];
};
static_assert(offsetof(StaticToken, text) == 4);

constexpr std::uint32_t header(Atom::Kind kind, std::size_t size) {
  return static_cast<std::uint32_t>(size) << 2 | static_cast<std::uint32_t>(kind);
}

constexpr StaticToken kSpace{header(Atom::Kind::space, 1), " "};
constexpr StaticToken kLooseBreak{header(Atom::Kind::brk, 0), ""};
constexpr StaticToken kTightBreak{header(Atom::Kind::brk, 5), "tight"};

constexpr std::size_t kFirstChunk = 1024;
constexpr std::size_t kLastChunk = 64 * 1024;

}  // namespace

Atom TextArena::atom(Atom::Kind kind, std::string_view text, const MarkNode* marks) {
  if (text.size() > Atom::kMaxSize) text = text.substr(0, Atom::kMaxSize);
  const std::size_t need = 4 + text.size();
  char* at = nullptr;
  if (need <= left_) {
    at = free_;
    free_ += need;
    left_ -= need;
  } else {
    // Chunks double with the text held, from 1 KB to 64 KB, so a short draft wastes little
    // and a long one allocates rarely. A word longer than that has a chunk of its own.
    const std::size_t size = std::clamp(capacity_, kFirstChunk, kLastChunk);
    const bool own = need > size;
    chunks_.emplace_back(new char[own ? need : size]);
    capacity_ += own ? need : size;
    at = chunks_.back().get();
    if (!own) {
      free_ = at + need;
      left_ = size - need;
    }
  }
  const std::uint32_t h = header(kind, text.size());
  std::memcpy(at, &h, sizeof h);
  if (!text.empty()) std::memcpy(at + 4, text.data(), text.size());
  return {at, marks};
}

Atom space_atom(const MarkNode* marks) { return {reinterpret_cast<const char*>(&kSpace), marks}; }

Atom break_atom(bool tight) {
  return {reinterpret_cast<const char*>(tight ? &kTightBreak : &kLooseBreak), nullptr};
}

std::string plain_text(const std::vector<Atom>& atoms) {
  std::string out;
  for (const Atom& a : atoms)
    if (a.kind() == Atom::Kind::brk) out += '\n';
    else out += a.text();
  return out;
}

bool same_marks(const MarkNode* a, const MarkNode* b) {
  if (a == b) return true;
  if (!a || !b) return false;
  return a->depth == b->depth && a->hash == b->hash && a->mark == b->mark;
}

std::vector<Mark> mark_list(const MarkNode* innermost) {
  std::vector<Mark> out;
  for (const MarkNode* m = innermost; m; m = m->parent) out.push_back(m->mark);
  return {out.rbegin(), out.rend()};
}

bool is_block_attribute_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return text.starts_with("{:") && text.ends_with("}") && text.find('\n') == std::string_view::npos;
}

void split_words(std::string_view text, const MarkNode* marks, TextArena& chars, std::vector<Atom>& out,
                 bool keep_spaces) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const CharClass cls = next_class(text, i);
    if (cls == CharClass::punct) {
      out.push_back(chars.atom(Atom::Kind::word, text.substr(start, i - start), marks));
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && end - start < Atom::kMaxSize - 4) {
      std::size_t j = end;
      if (next_class(text, j) != cls) break;
      end = j;
    }
    i = end;
    if (cls == CharClass::space) {
      if (keep_spaces) out.push_back(chars.atom(Atom::Kind::space, text.substr(start, end - start), marks));
      else if (!out.empty() && out.back().kind() == Atom::Kind::word) out.push_back(space_atom(marks));
    } else {
      out.push_back(chars.atom(Atom::Kind::word, text.substr(start, end - start), marks));
    }
  }
}

bool is_word(const Atom& atom) {
  const std::string_view text = atom.text();
  if (atom.kind() != Atom::Kind::word || text.empty()) return false;
  std::size_t i = 0;
  return classify(next_code_point(text, i)) == CharClass::word;
}

Outline outline(std::string_view text, int first_line) {
  const LargeBodyTurn turn(text.size());  // until the tree is freed, below
  prepare_parsing();  // extensions registered, the thread-safety guard armed
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = nullptr;
  {
    ParseLock lock;
    root = cmark_parser_finish(parser);
  }

  Outline out;
  out.marks = std::make_shared<MarkArena>();
  out.chars = std::make_shared<TextArena>();
  MarkArena& marks = *out.marks;
  TextArena& chars = *out.chars;
  std::vector<Atom> scratch;
  const Lines lines(text, first_line);
  for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
      std::string id = take_heading_id(n);
      Block b = make_block(n, Block::Kind::heading, lines, first_line, marks, chars, scratch);
      b.level = cmark_node_get_heading_level(n);
      b.id = std::move(id);
      out.blocks.push_back(std::move(b));
    } else if (type == CMARK_NODE_LIST && cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
      int number = cmark_node_get_list_start(n);
      for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
        Block b = make_block(item, Block::Kind::numbered, lines, first_line, marks, chars, scratch);
        b.number = number++;
        out.blocks.push_back(std::move(b));
      }
    } else if (type == CMARK_NODE_PARAGRAPH && is_block_attribute_line(lines.span(
                                                    cmark_node_get_start_line(n) + first_line - 1,
                                                    cmark_node_get_end_line(n) + first_line - 1))) {
      continue;  // a kramdown attribute line: not text
    } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE ||
               type == CMARK_NODE_CODE_BLOCK || std::strcmp(cmark_node_get_type_string(n), "table") == 0) {
      out.blocks.push_back(make_block(n, Block::Kind::other, lines, first_line, marks, chars, scratch));
    }
  }
  cmark_node_free(root);
  cmark_parser_free(parser);
  return out;
}

}  // namespace travaux::markdown
