// cmark-gfm behind one door: parse, AST rewrites, HTML (STYLE.md items 4 and 5).
#include "markdown/markdown.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "diag/text_position.h"

namespace travaux::markdown {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

void ensure_registered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

/// Plain text of a node's inline content (text, code, and what links/emphasis contain).
void append_plain(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out += literal(c); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: append_plain(c, out);
    }
  }
}

/// Plain text of the nearest enclosing paragraph, heading or table cell.
std::string enclosing_block_text(cmark_node* n) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
    auto t = cmark_node_get_type(p);
    if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
        std::strcmp(cmark_node_get_type_string(p), "table_cell") == 0) {
      std::string out;
      append_plain(p, out);
      return out;
    }
  }
  return {};
}

bool is_inside(cmark_node* n, std::initializer_list<cmark_node_type> types) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
    for (auto t : types)
      if (cmark_node_get_type(p) == t) return true;
  return false;
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

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Tree::Impl {
  std::string text;
  int first_line = 1;
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;

  ~Impl() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }

  std::string_view raw_line(int file_line) const {
    return diag::line_at(text, file_line - first_line + 1);
  }
  int file_line(cmark_node* n) const { return cmark_node_get_start_line(n) + first_line - 1; }
  FilePos pos(cmark_node* n) const {
    int line = file_line(n);
    return {line, diag::char_column(raw_line(line), cmark_node_get_start_column(n) - 1)};
  }
};

Tree::Tree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tree::Tree(Tree&&) noexcept = default;
Tree& Tree::operator=(Tree&&) noexcept = default;
Tree::~Tree() = default;

Tree Tree::parse(std::string text, int first_line) {
  ensure_registered();
  auto impl = std::make_unique<Impl>();
  impl->text = std::move(text);
  impl->first_line = first_line;
  impl->parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(impl->parser, ext);
  cmark_parser_feed(impl->parser, impl->text.data(), impl->text.size());
  impl->root = cmark_parser_finish(impl->parser);
  return Tree(std::move(impl));
}

void Tree::rewrite_links(const std::function<std::string(const Link&)>& rewrite) {
  for (auto type : {CMARK_NODE_LINK, CMARK_NODE_IMAGE}) {
    for (cmark_node* n : collect(impl_->root, type)) {
      Link link;
      const char* url = cmark_node_get_url(n);
      link.url = url ? url : "";
      append_plain(n, link.text);
      link.pos = impl_->pos(n);
      link.context = enclosing_block_text(n);
      link.image = type == CMARK_NODE_IMAGE;
      // An autolink's text is its own URL; its source position is the URL itself.
      link.autolink = !link.image && (link.text == link.url || "mailto:" + link.text == link.url ||
                                      "http://" + link.text == link.url);
      std::string out = rewrite(link);
      cmark_node_set_url(n, out.c_str());
    }
  }
}

void Tree::link_text(const std::function<std::vector<TextLink>(const TextRun&)>& find) {
  for (cmark_node* n : collect(impl_->root, CMARK_NODE_TEXT)) {
    if (is_inside(n, {CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE})) continue;
    const std::string text = literal(n);
    TextRun run{text, impl_->file_line(n), cmark_node_get_start_column(n),
                is_inside(n, {CMARK_NODE_HEADING})};
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
      cmark_node* a = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
      std::string open = "<a href=\"" + escape_html(span.href) + "\"";
      if (!span.css_class.empty()) open += " class=\"" + escape_html(span.css_class) + "\"";
      if (!span.title.empty()) open += " title=\"" + escape_html(span.title) + "\"";
      open += ">";
      cmark_node_set_on_enter(a, open.c_str());
      cmark_node_set_on_exit(a, "</a>");
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
    std::string id = id_for(heading);
    if (id.empty()) continue;
    const std::string tag = "h" + std::to_string(heading.level);
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, ("<" + tag + " id=\"" + escape_html(id) + "\">").c_str());
    cmark_node_set_on_exit(block, (" " + here_marker(id) + "</" + tag + ">").c_str());
    cmark_node_insert_before(h, block);
    while (cmark_node* c = cmark_node_first_child(h)) cmark_node_append_child(block, c);
    cmark_node_free(h);
  }
}

std::vector<NumberedParagraph> Tree::anchor_numbered_paragraphs() {
  std::vector<NumberedParagraph> out;
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
      out.push_back({number, impl_->pos(item)});
      cmark_node* li = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(li, ("<li id=\"" + id + "\" value=\"" + std::to_string(number) + "\">" +
                                   here_marker(id)).c_str());
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
    return {run.line, diag::char_column(line, expected)};
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
    if (best != std::string_view::npos) return {l, diag::char_column(line, best)};
    expected = 0;
  }
  return {run.line, diag::char_column(impl_->raw_line(run.line), static_cast<std::size_t>(run.byte_column - 1))};
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
