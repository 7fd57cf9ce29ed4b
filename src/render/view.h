#pragma once
// Shared pieces of every page's template data (STYLE.md item 7: give a renderer only what
// it needs). Values are plain strings; kainjow escapes {{x}} for HTML, and {{{x}}} is used
// only for HTML this program produced.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/linked_archive.h"
#include "model/archive.h"
#include "render/theme.h"
#include "render/urls.h"

namespace travaux::render {

using DocumentsByPath = std::unordered_map<std::string_view, const model::Document*>;
/// Each document by its source path ("drafts/t1.md"), the first of any repeated path.
DocumentsByPath index_source_paths(const model::Archive& archive);

/// Each kind's documents in reading order (rounds by number, the rest by date), and where
/// each document stands in its kind's list: previous/next links without a scan per page.
struct KindOrder {
  std::vector<std::vector<const model::Document*>> lists;  // by model::Kind
  std::vector<std::size_t> position;                        // by index in archive.documents

  const std::vector<const model::Document*>& of(model::Kind kind) const {
    return lists[static_cast<std::size_t>(kind)];
  }
};
KindOrder order_kinds(const model::Archive& archive);

/// Positions into `docs`, stably sorted by date: the documents of a window of dates found by
/// binary search (a round's timeline), not by a scan of the archive per page.
std::vector<std::uint32_t> positions_by_date(const std::vector<const model::Document*>& docs);

/// Everything page renderers read. Built once per build, shared by every thread.
struct RenderInput {
  const model::Archive& archive;
  const link::LinkedArchive& linked;
  const Theme& theme;
  /// A draft's relative links (`../letters/l1.md`) are looked up here: a scan of every
  /// document per link made the changes and history pages grow with the archive.
  DocumentsByPath by_source_path = index_source_paths(archive);
  KindOrder kind_order = order_kinds(archive);
  /// linked.drafts.versions() and the letters (kind_order's list) by date.
  std::vector<std::uint32_t> drafts_by_date = positions_by_date(linked.drafts.versions());
  std::vector<std::uint32_t> letters_by_date =
      positions_by_date(kind_order.of(model::Kind::letter));
};

/// HTML in pieces: what this program writes, and views of HTML that outlives the page (the
/// HTML of a draft's paragraphs, made once by the comparison stage), which is then copied once,
/// into the page, instead of into the piece and again into the page.
class HtmlRope {
 public:
  /// Where to write HTML of one's own.
  std::string& text() { return own_; }
  /// `html` by reference: it must outlive the page this rope is put into. `from_root`: its
  /// hrefs are written from the site root (link::kInternalScheme), made relative to the page
  /// as it is written.
  void append_lasting(std::string_view html, bool from_root = false);
  /// A paragraph's HTML as a page takes it: by reference when it `lasts` (append_lasting),
  /// else copied, its hrefs made relative to `at` when written `from_root`.
  void append_paragraph_html(std::string_view html, bool lasts, bool from_root, const PageLocation& at);
  /// Another rope, kept whole inside this one: nothing it holds is copied until the page is written.
  void append(HtmlRope&& other);
  /// About the bytes written, to reserve: HTML with hrefs from the root is counted half as
  /// long again (a relative href is longer: `../../../x/index.html` for `travaux:x/`), so that
  /// the page it goes into is not grown and copied again.
  std::size_t size() const { return own_.size() + lasting_bytes_; }
  bool empty() const { return size() == 0; }
  /// The whole, for the page at `at`, appended to `out`.
  void append_to(std::string& out, const PageLocation& at) const;

 private:
  struct Piece {
    const char* lasting;  // nullptr: the next `size` bytes of own_, or `rope`
    std::size_t size;
    bool from_root;
    const HtmlRope* rope;  // one of ropes_
  };
  std::string own_;
  std::vector<std::unique_ptr<HtmlRope>> ropes_;
  std::vector<Piece> pieces_;  // up to own_flushed_; own_ after it follows them
  std::size_t own_flushed_ = 0;
  std::size_t lasting_bytes_ = 0;
};

/// Long runs of HTML this program wrote (the paragraphs of a changes or history page), held out
/// of a page's template data: the template gets a short mark in their place, and render_page
/// puts each back where its mark stands, so that the template library neither copies them into
/// its line buffer nor again into its output (docs/architecture.md, "Long HTML goes around the
/// template library"). A mark is a control character, a number and the character again: the
/// escaping of every value turns control characters into U+FFFD (text/escape.h), and HTML this
/// program writes escapes its text the same way, so only a mark reads as one.
class HeldHtml {
 public:
  /// The mark to give the template instead of `html` ("" for no HTML).
  std::string hold(HtmlRope html);
  bool empty() const { return held_.empty(); }
  std::size_t bytes() const { return bytes_; }
  /// `content` with every mark replaced by the HTML it holds, for the page at `at`, appended to `out`.
  void put_back(std::string_view content, std::string& out, const PageLocation& at) const;

 private:
  std::vector<HtmlRope> held_;
  std::size_t bytes_ = 0;
};

struct Crumb {
  std::string title;
  std::string site_path;  // folder form
};

/// A page about to be wrapped in base.html.
struct Page {
  PageLocation at;
  std::string template_name;  // "letter.html"
  std::string title;          // <title> and <h1>
  std::string section;        // nav entry to mark current: "letters", "timeline", ...
  std::vector<Crumb> crumbs;  // between Home and the page itself
  std::string description;    // <meta name="description">
  std::string head;           // extra markup for <head> (citation tags), already escaped
  Data data = Data(Data::type::object);
  HeldHtml held;              // HTML the data names by its marks
};

/// Renders the page's template, then base.html around it.
std::string render_page(const RenderInput& in, Page page);

/// {title, label, url, date, date_iso, kind, summary, id} for a link to `doc` from `at`.
Data doc_ref(const RenderInput& in, const PageLocation& at, const model::Document& doc);

/// A list of doc_ref.
Data doc_list(const RenderInput& in, const PageLocation& at, const std::vector<const model::Document*>& docs);

/// "Referenced by": each referring document with the sentence around the link.
Data backlinks(const RenderInput& in, const PageLocation& at, const model::Document& doc);

/// Topic slug for the topics/<slug>/ page.
std::string topic_slug(const model::Archive& archive, const std::string& topic);

/// {name, url?, role} for a `from` entry (a person id or a plain name).
Data person_ref(const RenderInput& in, const PageLocation& at, const std::string& from);

/// The list of `items`, moved in whole. kainjow's own push_back() and set() copy what they are
/// given, and a std::vector<Data> copies every element when it grows (the library's move is
/// not noexcept): on a changes or history page those deep copies of nested objects were most
/// of the render time. Callers that build a std::vector<Data> reserve it first.
Data list_of(std::vector<Data> items);

/// `d[key] = value` without the copies of kainjow's set() (docs/architecture.md, "Template data is moved, never copied").
void put(Data& d, const std::string& key, Data value);
void put(Data& d, const std::string& key, std::string value);
void put(Data& d, const std::string& key, const char* value);
void put(Data& d, const std::string& key, bool value);

/// A string value that takes `s` over instead of copying it (a page's body, its content).
Data string_data(std::string s);

/// Sets `key` to `list` and, when it has items, `has_<key>` to true: Mustache cannot ask
/// whether a list is empty without repeating the section for each item.
void set_list(Data& d, const std::string& key, Data list);

}  // namespace travaux::render
