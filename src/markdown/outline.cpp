// Block outline and inline word streams for comparing drafts (issue 4; CONTENT-MODEL.md,
// "Drafts": headings for sections, numbered paragraphs).
#include "markdown/outline.h"

#include <cstring>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

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

CharClass classify(char32_t cp) {
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

void ensure_registered() { prepare_parsing(); }

struct Walker {
  std::vector<Atom>& out;
  std::vector<Mark> marks;

  void text(const char* s) {
    if (s) split_words(s, marks, out);
  }
  void space() {
    if (!out.empty() && out.back().kind == Atom::Kind::word) out.push_back({Atom::Kind::space, " ", marks});
  }
  void block_break() {
    while (!out.empty() && out.back().kind == Atom::Kind::space) out.pop_back();
    if (!out.empty() && out.back().kind != Atom::Kind::brk) out.push_back({Atom::Kind::brk, "", {}});
  }
  void with_mark(cmark_node* n, Mark m) {
    marks.push_back(std::move(m));
    children(n);
    marks.pop_back();
  }
  void children(cmark_node* n) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) node(c);
  }
  void node(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: text(cmark_node_get_literal(n)); return;
      case CMARK_NODE_CODE: {
        marks.push_back({Mark::Kind::code, ""});
        text(cmark_node_get_literal(n));
        marks.pop_back();
        return;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: space(); return;
      case CMARK_NODE_EMPH: with_mark(n, {Mark::Kind::emph, ""}); return;
      case CMARK_NODE_STRONG: with_mark(n, {Mark::Kind::strong, ""}); return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        with_mark(n, {Mark::Kind::link, url ? url : ""});
        return;
      }
      case CMARK_NODE_IMAGE: children(n); return;  // its alt text
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK: return;  // raw HTML never reaches a page as text
      case CMARK_NODE_CODE_BLOCK:
        block_break();
        marks.push_back({Mark::Kind::code, ""});
        text(cmark_node_get_literal(n));
        marks.pop_back();
        block_break();
        return;
      default:
        if (std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0) {
          with_mark(n, {Mark::Kind::strike, ""});
          return;
        }
        if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
          block_break();
          children(n);
          block_break();
          return;
        }
        children(n);
    }
  }
};

void finish(Block& b, std::string_view text, int first_line) {
  std::size_t begin = 0;
  for (int l = 1; l < b.first_line - first_line + 1 && begin < text.size(); ++l) {
    std::size_t nl = text.find('\n', begin);
    begin = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  std::size_t end = begin;
  for (int l = b.first_line; l <= b.last_line && end < text.size(); ++l) {
    std::size_t nl = text.find('\n', end);
    end = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  b.source = std::string(text.substr(begin, end - begin));
  // cmark counts the blank line after a list item as part of it.
  while (b.last_line > b.first_line && b.source.size() >= 2 && b.source.ends_with("\n\n")) {
    b.source.pop_back();
    --b.last_line;
  }
  while (!b.atoms.empty() && b.atoms.back().kind != Atom::Kind::word) b.atoms.pop_back();
  for (const Atom& a : b.atoms) b.text += a.kind == Atom::Kind::brk ? "\n" : a.text;
}

Block make_block(cmark_node* n, Block::Kind kind, std::string_view text, int first_line) {
  Block b;
  b.kind = kind;
  b.first_line = cmark_node_get_start_line(n) + first_line - 1;
  b.last_line = cmark_node_get_end_line(n) + first_line - 1;
  if (b.last_line < b.first_line) b.last_line = b.first_line;
  Walker w{b.atoms, {}};
  w.children(n);
  if (kind == Block::Kind::other && cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) w.node(n);
  finish(b, text, first_line);
  return b;
}

}  // namespace

void split_words(std::string_view text, const std::vector<Mark>& marks, std::vector<Atom>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const CharClass cls = classify(next_code_point(text, i));
    if (cls == CharClass::punct) {
      out.push_back({Atom::Kind::word, std::string(text.substr(start, i - start)), marks});
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t j = end;
      if (classify(next_code_point(text, j)) != cls) break;
      end = j;
    }
    i = end;
    if (cls == CharClass::space) {
      if (!out.empty() && out.back().kind == Atom::Kind::word) out.push_back({Atom::Kind::space, " ", marks});
    } else {
      out.push_back({Atom::Kind::word, std::string(text.substr(start, end - start)), marks});
    }
  }
}

std::vector<Block> outline(std::string_view text, int first_line) {
  ensure_registered();
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

  std::vector<Block> blocks;
  for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
      Block b = make_block(n, Block::Kind::heading, text, first_line);
      b.level = cmark_node_get_heading_level(n);
      blocks.push_back(std::move(b));
    } else if (type == CMARK_NODE_LIST && cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
      int number = cmark_node_get_list_start(n);
      for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
        Block b = make_block(item, Block::Kind::numbered, text, first_line);
        b.number = number++;
        blocks.push_back(std::move(b));
      }
    } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE ||
               type == CMARK_NODE_CODE_BLOCK || std::strcmp(cmark_node_get_type_string(n), "table") == 0) {
      blocks.push_back(make_block(n, Block::Kind::other, text, first_line));
    }
  }
  cmark_node_free(root);
  cmark_parser_free(parser);
  return blocks;
}

}  // namespace travaux::markdown
