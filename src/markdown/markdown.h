#pragma once
// The one door to cmark-gfm (STYLE.md, "Keep the C library behind one door"): parse a body,
// let link/ rewrite links, turn text into links and anchor headings, then render HTML.
// No cmark type appears in this header.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::markdown {

/// A position in the source file: 1-based line, 1-based column in characters.
struct FilePos {
  int line = 0;
  int column = 0;
};

/// A link or image destination written in the Markdown.
struct Link {
  std::string url;
  std::string text;  // the link's plain text
  FilePos pos;       // of the '[' (or '!' / '<' for images and autolinks)
  bool image = false;
  bool autolink = false;  // <https://...> or a bare URL found by the autolink extension
  std::string context;    // plain text of the enclosing block (paragraph, heading, cell)
  std::size_t context_offset = 0;  // where the link's text starts in `context`
};

/// A run of text that may receive automatic links: outside code, links, images and raw HTML.
struct TextRun {
  std::string_view text;
  int line = 0;         // file line where cmark says the run starts
  int byte_column = 0;  // 1-based byte column there (cmark's count)
  bool in_heading = false;
  /// Plain text of the enclosing paragraph, heading or table cell (soft breaks as spaces),
  /// and the byte offset of `text` in it: lets a mention read past the run's ends and lets
  /// a reference quote its sentence.
  std::string_view block_text;
  std::size_t block_offset = 0;
};

/// A span of a TextRun to turn into a link.
struct TextLink {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string href;   // written as-is (already a safe URL)
  std::string title;  // shown on hover
  std::string css_class;
};

struct Heading {
  int level = 1;
  std::string text;  // plain text of the heading, without a trailing `{#id}`
  std::string id;    // the explicit id of `## Title {#id}`, or ""
  FilePos pos;
};

/// One top-level numbered paragraph of a draft (an ordered-list item "12. ...").
struct NumberedParagraph {
  int number = 0;
  FilePos pos;
};

/// A parsed Markdown body. Move-only; owns the cmark tree.
class Tree {
 public:
  /// Parses `text`, the body of a file that starts on file line `first_line`. Tables,
  /// strikethrough, autolinks, the tag filter and footnotes are on.
  static Tree parse(std::string text, int first_line);
  Tree(Tree&&) noexcept;
  Tree& operator=(Tree&&) noexcept;
  ~Tree();

  /// Calls `rewrite` for every link and image; its result replaces the destination.
  void rewrite_links(const std::function<std::string(const Link&)>& rewrite);

  /// Call order: rewrite_links, link_text, then the anchor_* functions (they replace headings
  /// and lists with custom blocks, after which headings are no longer recognised).
  /// Offers every TextRun to `find`; the spans it returns become links (custom inline nodes,
  /// so the renderer writes exactly the href, title and class given).
  void link_text(const std::function<std::vector<TextLink>(const TextRun&)>& find);

  /// Every heading, in document order, without changing the tree.
  std::vector<Heading> headings() const;
  /// Numbers of the top-level ordered-list items, in document order, without changing the tree.
  std::vector<NumberedParagraph> numbered_paragraphs() const;

  /// Gives each heading the id `id_for` returns (none if empty) and a link-to-here marker.
  void anchor_headings(const std::function<std::string(const Heading&)>& id_for);

  /// Gives each top-level ordered-list item the id "para-N" (N its number) and a marker; a
  /// number seen before keeps its first item's anchor. Returns the paragraphs anchored.
  std::vector<NumberedParagraph> anchor_numbered_paragraphs();

  /// File position of `run.text.substr(offset, length)`. cmark's inline positions drift when
  /// the source has entities or escapes, so the span is checked against the raw line and, if
  /// it is not found where expected, searched for on that line and the next ones.
  FilePos position_in_run(const TextRun& run, std::size_t offset, std::size_t length) const;

  /// Plain text of the first paragraph (the summary fallback).
  std::string first_paragraph_text() const;

  /// HTML. Raw HTML in the Markdown is omitted unless `unsafe_html`; dangerous URL schemes
  /// are removed by cmark's safe mode in any case for links the link stage did not rewrite.
  std::string render_html(bool unsafe_html) const;

 private:
  struct Impl;
  explicit Tree(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Escapes text for HTML content and attribute values (& < > " ').


}  // namespace travaux::markdown
