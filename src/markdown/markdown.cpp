// cmark-gfm behind one door: parse, AST rewrites, HTML (STYLE.md items 4 and 5).
#include "markdown/markdown.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "diag/text_position.h"
#include "markdown/heading_attribute.h"
#include "markdown/large_body.h"
#include "markdown/outline.h"
#include "markdown/thread_safe_parse.h"
#include "text/escape.h"

namespace travaux::markdown {

using text::escape_html;

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};


std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

/// Plain text of a node's inline content (text, code, and what links/emphasis contain).
/// With `offsets`, also records where each text node starts in `out`.
/// Walks with cmark's iterator, not recursion: tens of thousands of nested emphases or
/// images must not overflow a worker thread's stack (docs/hostile-input.md).
void append_plain(cmark_node* node, std::string& out, std::map<cmark_node*, std::size_t>* offsets = nullptr) {
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* c = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || c == node) continue;
    if (offsets) (*offsets)[c] = out.size();
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
        out += literal(c);
        break;
      case CMARK_NODE_CODE: out += literal(c); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: break;
    }
  }
  cmark_iter_free(it);
}

/// A node of one type with what encloses it, all found in a single walk: asking each node's
/// parents instead was quadratic on deeply nested emphasis (docs/hostile-input.md).
struct Found {
  cmark_node* node = nullptr;
  cmark_node* block = nullptr;  // nearest paragraph, heading or table cell
  bool in_link = false;         // inside a link, image or custom inline
  bool in_heading = false;
};

std::vector<Found> collect_enclosed(cmark_node* root, cmark_node_type type) {
  std::vector<Found> out;
  int links = 0, headings = 0;
  cmark_node* block = nullptr;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && t == type) out.push_back({n, block, links > 0, headings > 0});
    const int step = ev == CMARK_EVENT_ENTER ? 1 : ev == CMARK_EVENT_EXIT ? -1 : 0;
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE || t == CMARK_NODE_CUSTOM_INLINE) links += step;
    if (t == CMARK_NODE_HEADING) headings += step;
    // Paragraphs, headings and table cells never nest in one another.
    if (step != 0 && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
                      std::strcmp(cmark_node_get_type_string(n), "table_cell") == 0))
      block = step > 0 ? n : nullptr;
  }
  cmark_iter_free(it);
  return out;
}

/// Collects nodes first, so callers can change the tree without upsetting the iterator.
std::vector<cmark_node*> collect(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> out;
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == type)
      out.push_back(cmark_iter_get_node(it));
  cmark_iter_free(it);
  return out;
}

std::string here_marker(const std::string& id) {
  return "<a class=\"here\" href=\"#" + escape_html(id) + "\" aria-label=\"Link to this place\">#</a>";
}

}  // namespace

struct Tree::Impl {
  /// Declared first, so given back after the tree is freed.
  std::unique_ptr<LargeBodyTurn> turn;
  std::string text;
  int first_line = 1;
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  /// Explicit `{#id}` of each heading that had one, taken out of its text at parse time.
  std::map<cmark_node*, std::string> heading_ids;

  ~Impl() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }

  /// Byte offset where each line of `text` starts: finding a line by scanning from the top
  /// made every link of a 20 MB file cost a pass over the file (docs/hostile-input.md).
  std::vector<std::size_t> line_starts;
  /// The last column computed, so a line holding thousands of links is counted once.
  mutable int memo_line = 0;
  mutable std::size_t memo_byte = 0;
  mutable int memo_chars = 0;

  void index_lines() {
    line_starts.assign(1, 0);
    for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
      line_starts.push_back(i + 1);
  }
  std::string_view raw_line(int file_line) const {
    const long i = static_cast<long>(file_line) - first_line;
    if (i < 0 || i >= static_cast<long>(line_starts.size())) return {};
    const std::size_t start = line_starts[static_cast<std::size_t>(i)];
    const std::size_t end = static_cast<std::size_t>(i) + 1 < line_starts.size()
                                ? line_starts[static_cast<std::size_t>(i) + 1] - 1
                                : text.size();
    std::string_view l(text.data() + start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }
  /// diag::char_column(raw_line(file_line), byte_offset), counting on from the last call.
  int column(int file_line, std::size_t byte_offset) const {
    std::string_view line = raw_line(file_line);
    if (byte_offset > line.size()) byte_offset = line.size();
    if (memo_line != file_line || memo_byte > byte_offset) memo_line = file_line, memo_byte = 0, memo_chars = 0;
    memo_chars += diag::count_chars(line.substr(memo_byte, byte_offset - memo_byte));
    memo_byte = byte_offset;
    return memo_chars + 1;
  }
  int file_line(cmark_node* n) const { return cmark_node_get_start_line(n) + first_line - 1; }
  FilePos pos(cmark_node* n) const {
    int line = file_line(n);
    return {line, column(line, static_cast<std::size_t>(std::max(cmark_node_get_start_column(n) - 1, 0)))};
  }
  /// cmark-gfm places a <scheme:...> autolink at its end (docs/hostile-input.md: an unsafe autolink was
  /// reported past the end of its line). The '<' nearest the reported column, on its line.
  FilePos autolink_pos(FilePos reported, std::string_view text) const {
    const std::string needle = "<" + std::string(text) + ">";
    std::string_view line = raw_line(reported.line);
    const std::size_t expected = diag::byte_offset_of_column(line, reported.column);
    std::size_t best = std::string_view::npos;
    for (std::size_t at = line.find(needle); at != std::string_view::npos; at = line.find(needle, at + 1))
      if (best == std::string_view::npos || (at > expected ? at - expected : expected - at) <
                                                (best > expected ? best - expected : expected - best))
        best = at;
    if (best == std::string_view::npos) return reported;
    return {reported.line, column(reported.line, best)};
  }
};

Tree::Tree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tree::Tree(Tree&&) noexcept = default;
Tree& Tree::operator=(Tree&&) noexcept = default;
Tree::~Tree() = default;

Tree Tree::parse(std::string text, int first_line) {
  prepare_parsing();  // extensions registered, the thread-safety guard armed
  auto impl = std::make_unique<Impl>();
  impl->turn = std::make_unique<LargeBodyTurn>(text.size());
  impl->text = std::move(text);
  impl->first_line = first_line;
  impl->index_lines();
  impl->parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(impl->parser, ext);
  cmark_parser_feed(impl->parser, impl->text.data(), impl->text.size());
  {
    ParseLock lock;
    impl->root = cmark_parser_finish(impl->parser);
  }
  for (cmark_node* h : collect(impl->root, CMARK_NODE_HEADING))
    if (std::string id = take_heading_id(h); !id.empty()) impl->heading_ids.emplace(h, std::move(id));
  // kramdown's block attribute lines, `{: #fig title="..."}`, style a block and are not text.
  for (cmark_node* p : collect(impl->root, CMARK_NODE_PARAGRAPH)) {
    std::string text;
    append_plain(p, text);
    if (is_block_attribute_line(text)) cmark_node_free(p);
  }
  return Tree(std::move(impl));
}

void Tree::rewrite_links(const std::function<std::string(const Link&)>& rewrite) {
  // One plain text per block, however many links it holds (docs/hostile-input.md: a paragraph of
  // thousands of links was quadratic).
  std::map<cmark_node*, std::string> block_texts;
  std::map<cmark_node*, std::size_t> offsets;  // of every inline node in its block's text
  for (auto type : {CMARK_NODE_LINK, CMARK_NODE_IMAGE}) {
    for (const Found& found : collect_enclosed(impl_->root, type)) {
      cmark_node* n = found.node;
      Link link;
      const char* url = cmark_node_get_url(n);
      link.url = url ? url : "";
      append_plain(n, link.text);
      link.pos = impl_->pos(n);
      if (found.block) {
        auto [text, fresh] = block_texts.try_emplace(found.block);
        if (fresh) append_plain(found.block, text->second, &offsets);
        link.context = text->second;
        if (auto at = offsets.find(n); at != offsets.end()) link.context_offset = at->second;
      }
      link.image = type == CMARK_NODE_IMAGE;
      // An autolink's text is its own URL; its source position is the URL itself.
      link.autolink = !link.image && (link.text == link.url || "mailto:" + link.text == link.url ||
                                      "http://" + link.text == link.url);
      if (link.autolink) link.pos = impl_->autolink_pos(link.pos, link.text);
      std::string out = rewrite(link);
      cmark_node_set_url(n, out.c_str());
    }
  }
}

void Tree::link_text(const std::function<std::vector<TextLink>(const TextRun&)>& find) {
  // Each block's text is built once, before any of its runs changes (runs come in order).
  cmark_node* block = nullptr;
  std::string block_text;
  std::map<cmark_node*, std::size_t> offsets;
  for (const Found& found : collect_enclosed(impl_->root, CMARK_NODE_TEXT)) {
    cmark_node* n = found.node;
    if (found.in_link) continue;
    const std::string text = literal(n);
    TextRun run{text, impl_->file_line(n), cmark_node_get_start_column(n),
                found.in_heading, {}, 0};
    if (cmark_node* b = found.block; b != block || b == nullptr) {
      block = b;
      block_text.clear();
      offsets.clear();
      if (b) append_plain(b, block_text, &offsets);
    }
    if (auto it = offsets.find(n); it != offsets.end()) {
      run.block_text = block_text;
      run.block_offset = it->second;
    } else {
      run.block_text = run.text;
    }
    std::vector<TextLink> spans = find(run);
    if (spans.empty()) continue;
    std::size_t done = 0;
    for (const TextLink& span : spans) {
      if (span.begin < done || span.end > text.size() || span.begin >= span.end) continue;
      if (span.begin > done) {
        cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(before, text.substr(done, span.begin - done).c_str());
        cmark_node_insert_before(n, before);
      }
      // GFM table cells refuse custom inlines (cmark_node_insert_before fails, and the node
      // and the mention's text were lost: docs/hostile-input.md, found by LeakSanitizer): a plain link there.
      const bool in_cell = std::strcmp(cmark_node_get_type_string(cmark_node_parent(n)), "table_cell") == 0;
      cmark_node* a = cmark_node_new(in_cell ? CMARK_NODE_LINK : CMARK_NODE_CUSTOM_INLINE);
      if (in_cell) {
        cmark_node_set_url(a, span.href.c_str());
        cmark_node_set_title(a, span.title.c_str());
      } else {
        std::string open = "<a href=\"" + escape_html(span.href) + "\"";
        if (!span.css_class.empty()) open += " class=\"" + escape_html(span.css_class) + "\"";
        if (!span.title.empty()) open += " title=\"" + escape_html(span.title) + "\"";
        open += ">";
        cmark_node_set_on_enter(a, open.c_str());
        cmark_node_set_on_exit(a, "</a>");
      }
      cmark_node* inner = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(inner, text.substr(span.begin, span.end - span.begin).c_str());
      cmark_node_append_child(a, inner);
      cmark_node_insert_before(n, a);
      done = span.end;
    }
    if (done < text.size()) {
      cmark_node_set_literal(n, text.substr(done).c_str());
    } else {
      cmark_node_free(n);
    }
  }
}

std::vector<Heading> Tree::headings() const {
  std::vector<Heading> out;
  for (cmark_node* h : collect(impl_->root, CMARK_NODE_HEADING)) {
    Heading heading;
    heading.level = cmark_node_get_heading_level(h);
    append_plain(h, heading.text);
    heading.pos = impl_->pos(h);
    if (auto it = impl_->heading_ids.find(h); it != impl_->heading_ids.end()) heading.id = it->second;
    out.push_back(std::move(heading));
  }
  return out;
}

std::vector<NumberedParagraph> Tree::numbered_paragraphs() const {
  std::vector<NumberedParagraph> out;
  for (cmark_node* list = cmark_node_first_child(impl_->root); list; list = cmark_node_next(list)) {
    if (cmark_node_get_type(list) != CMARK_NODE_LIST || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST)
      continue;
    int number = cmark_node_get_list_start(list);
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item))
      out.push_back({number++, impl_->pos(item)});
  }
  return out;
}

void Tree::anchor_headings(const std::function<std::string(const Heading&)>& id_for) {
  for (cmark_node* h : collect(impl_->root, CMARK_NODE_HEADING)) {
    Heading heading;
    heading.level = cmark_node_get_heading_level(h);
    append_plain(h, heading.text);
    heading.pos = impl_->pos(h);
    if (auto it = impl_->heading_ids.find(h); it != impl_->heading_ids.end()) heading.id = it->second;
    std::string id = id_for(heading);
    if (id.empty()) continue;
    const std::string tag = "h" + std::to_string(heading.level);
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, ("<" + tag + " id=\"" + escape_html(id) + "\">").c_str());
    cmark_node_set_on_exit(block, (" " + here_marker(id) + "</" + tag + ">").c_str());
    cmark_node_insert_before(h, block);
    while (cmark_node* c = cmark_node_first_child(h)) cmark_node_append_child(block, c);
    impl_->heading_ids.erase(h);
    cmark_node_free(h);
  }
}

std::vector<NumberedParagraph> Tree::anchor_numbered_paragraphs() {
  std::vector<NumberedParagraph> out;
  std::set<int> seen;
  for (cmark_node* list = cmark_node_first_child(impl_->root); list;) {
    cmark_node* next = cmark_node_next(list);
    if (cmark_node_get_type(list) != CMARK_NODE_LIST || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) {
      list = next;
      continue;
    }
    // The list becomes <ol class="paras">; each item <li id="para-N" value="N">.
    cmark_node* ol = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(ol, "<ol class=\"paras\">");
    cmark_node_set_on_exit(ol, "</ol>");
    cmark_node_insert_before(list, ol);
    int number = cmark_node_get_list_start(list);
    while (cmark_node* item = cmark_node_first_child(list)) {
      const std::string id = "para-" + std::to_string(number);
      cmark_node* li = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      // A letter may number two lists from 1: the first paragraph N keeps the anchor, so no
      // page carries an id twice (CONTENT-MODEL.md, "Cross-references": para-N).
      if (seen.insert(number).second) {
        out.push_back({number, impl_->pos(item)});
        cmark_node_set_on_enter(li, ("<li id=\"" + id + "\" value=\"" + std::to_string(number) + "\">" +
                                     here_marker(id)).c_str());
      } else {
        cmark_node_set_on_enter(li, ("<li value=\"" + std::to_string(number) + "\">").c_str());
      }
      cmark_node_set_on_exit(li, "</li>");
      cmark_node_append_child(ol, li);
      while (cmark_node* c = cmark_node_first_child(item)) cmark_node_append_child(li, c);
      cmark_node_free(item);
      ++number;
    }
    cmark_node_free(list);
    list = next;
  }
  return out;
}

FilePos Tree::position_in_run(const TextRun& run, std::size_t offset, std::size_t length) const {
  const std::string_view needle = run.text.substr(offset, length);
  std::string_view line = impl_->raw_line(run.line);
  std::size_t expected = static_cast<std::size_t>(run.byte_column - 1) + offset;
  if (expected + needle.size() <= line.size() && line.substr(expected, needle.size()) == needle)
    return {run.line, impl_->column(run.line, expected)};
  // Entities or escapes shifted the text: take the occurrence nearest the expected place,
  // on this line or, failing that, the next few lines of the block.
  for (int l = run.line; l < run.line + 50; ++l) {
    line = impl_->raw_line(l);
    std::size_t best = std::string_view::npos;
    for (std::size_t at = line.find(needle); at != std::string_view::npos; at = line.find(needle, at + 1)) {
      if (best == std::string_view::npos ||
          (at > expected ? at - expected : expected - at) < (best > expected ? best - expected : expected - best))
        best = at;
    }
    if (best != std::string_view::npos) return {l, impl_->column(l, best)};
    expected = 0;
  }
  return {run.line, impl_->column(run.line, static_cast<std::size_t>(std::max(run.byte_column - 1, 0)))};
}

std::string Tree::first_paragraph_text() const {
  for (cmark_node* n = cmark_node_first_child(impl_->root); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) continue;
    std::string out;
    append_plain(n, out);
    return out;
  }
  return {};
}

std::string Tree::render_html(bool unsafe_html) const {
  int options = CMARK_OPT_FOOTNOTES | (unsafe_html ? CMARK_OPT_UNSAFE : 0);
  char* html = cmark_render_html(impl_->root, options, cmark_parser_get_syntax_extensions(impl_->parser));
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace travaux::markdown
