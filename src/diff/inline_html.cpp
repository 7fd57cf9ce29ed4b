// Diffed words to HTML, keeping inline markup well nested (docs/drafts-and-changes.md).
#include "diff/inline_html.h"

#include "markdown/markdown.h"
#include "text/escape.h"

namespace travaux::diff {

namespace {

using markdown::Atom;
using markdown::Mark;

std::string open_tag(const Mark& m, const UrlFor& url_for) {
  switch (m.kind) {
    case Mark::Kind::emph: return "<em>";
    case Mark::Kind::strong: return "<strong>";
    case Mark::Kind::strike: return "<s>";
    case Mark::Kind::code: return "<code>";
    case Mark::Kind::pre: return "<code class=\"block\">";
    case Mark::Kind::link: {
      const std::string href = url_for ? url_for(m.url) : std::string();
      return href.empty() ? "<span class=\"link\">" : "<a href=\"" + text::escape_html(href) + "\">";
    }
  }
  return {};
}

std::string close_tag(const Mark& m, const UrlFor& url_for) {
  switch (m.kind) {
    case Mark::Kind::emph: return "</em>";
    case Mark::Kind::strong: return "</strong>";
    case Mark::Kind::strike: return "</s>";
    case Mark::Kind::code:
    case Mark::Kind::pre: return "</code>";
    case Mark::Kind::link: return (url_for && !url_for(m.url).empty()) ? "</a>" : "</span>";
  }
  return {};
}

class Writer {
 public:
  explicit Writer(const UrlFor& url_for) : url_for_(url_for) {}

  void add(const Atom& a, Op op) {
    if (a.kind() == Atom::Kind::brk) {
      set_op(Op::same);
      set_marks(nullptr);
      out_ += a.text() == "tight" ? "<span class=\"brk tight\"></span>" : "<span class=\"brk\"></span>";
      return;
    }
    // <ins>/<del> stay innermost: closed before any markup boundary.
    if (!markdown::same_marks(leaf(), a.marks) || op != op_) set_op(Op::same);
    set_marks(a.marks);
    set_op(op);
    append_escaped(a.text());
  }

  std::string finish() {
    set_op(Op::same);
    set_marks(nullptr);
    return std::move(out_);
  }

 private:
  /// Most words need no escaping: appended as they are, without a string per word.
  void append_escaped(std::string_view text) {
    for (unsigned char c : text)
      if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
        out_ += text::escape_html(text);
        return;
      }
    out_ += text;
  }

  const markdown::MarkNode* leaf() const { return open_.empty() ? nullptr : open_.back(); }

  void set_op(Op op) {
    if (op == op_) return;
    if (op_ == Op::added) out_ += "</ins>";
    if (op_ == Op::removed) out_ += "</del>";
    if (op == Op::added) out_ += "<ins>";
    if (op == Op::removed) out_ += "<del>";
    op_ = op;
  }
  /// Closes and opens only the levels that differ: work proportional to the tags written,
  /// never to the depth of the stack (deeply nested emphasis stays linear).
  void set_marks(const markdown::MarkNode* target) {
    if (markdown::same_marks(leaf(), target)) return;
    std::vector<const markdown::MarkNode*> to_open;  // innermost first
    const markdown::MarkNode* m = target;
    while (m && m->depth > open_.size()) {
      to_open.push_back(m);
      m = m->parent;
    }
    std::size_t keep = m ? m->depth : 0;
    while (keep > 0 && !markdown::same_marks(open_[keep - 1], m)) {
      to_open.push_back(m);
      m = m->parent;
      --keep;
    }
    while (open_.size() > keep) {
      out_ += close_tag(open_.back()->mark, url_for_);
      open_.pop_back();
    }
    for (auto it = to_open.rbegin(); it != to_open.rend(); ++it) {
      out_ += open_tag((*it)->mark, url_for_);
      open_.push_back(*it);
    }
  }

  const UrlFor& url_for_;
  std::string out_;
  std::vector<const markdown::MarkNode*> open_;  // outermost first
  Op op_ = Op::same;
};

}  // namespace

std::string inline_html(const std::vector<DiffAtom>& atoms, const UrlFor& url_for) {
  Writer w(url_for);
  for (const auto& d : atoms) w.add(*d.atom(), d.op());
  return w.finish();
}

std::string inline_html(const std::vector<Atom>& atoms, const UrlFor& url_for) {
  Writer w(url_for);
  for (const auto& a : atoms) w.add(a, Op::same);
  return w.finish();
}

std::optional<std::string> page_independent_html(const std::vector<Atom>& atoms) {
  for (const auto& a : atoms)
    if (a.marks && a.marks->in_link) return std::nullopt;
  return inline_html(atoms, nullptr);
}

namespace {

bool page_independent(const std::vector<DiffAtom>& atoms) {
  for (const auto& d : atoms)
    if (d.atom()->marks && d.atom()->marks->in_link) return false;
  return true;
}

}  // namespace

void hold_html(Comparison& comparison, const UrlFor* before_links, const UrlFor* after_links) {
  using K = ParagraphChange::Kind;
  for (auto& sc : comparison.sections) {
    if (page_independent(sc.title_words)) sc.title_html = inline_html(sc.title_words, nullptr);
    for (auto& c : sc.paragraphs) {
      // Unchanged paragraphs show their own Paragraph::html; a moved-away marker shows nothing.
      if (c.kind == K::unchanged || c.kind == K::moved_away) continue;
      const Paragraph& own = c.kind == K::added ? *c.after : *c.before;  // for added and removed
      const bool fixed = c.kind == K::changed ? page_independent(c.words) : own.html && !own.html_from_root;
      if (fixed) {
        c.html = inline_html(c, nullptr);
        continue;
      }
      // A paragraph's links are written as its own version writes them (render/changes_page.cpp).
      if (const UrlFor* links = c.after ? after_links : before_links) {
        c.html = inline_html(c, *links);
        c.html_from_root = true;
      }
    }
  }
}

std::string title_html(const SectionChange& sc, const UrlFor& url_for) {
  return sc.title_html ? *sc.title_html : inline_html(sc.title_words, url_for);
}

std::string plain_html(const Paragraph& p, const UrlFor& url_for) {
  return p.html && !p.html_from_root ? *p.html : inline_html(p.atoms, url_for);
}

std::string title_html(const Section& s, const UrlFor& url_for) {
  return s.title_html ? *s.title_html : inline_html(s.title_atoms, url_for);
}

std::optional<HeldView> held_html(const Paragraph& p) {
  if (!p.html) return std::nullopt;
  return HeldView{*p.html, p.html_from_root};
}

std::optional<HeldView> held_html(const ParagraphChange& c) {
  using K = ParagraphChange::Kind;
  if (c.html) return HeldView{*c.html, c.html_from_root};
  if (c.kind == K::unchanged) return held_html(*c.after);
  return std::nullopt;
}

std::string inline_html(const ParagraphChange& c, const UrlFor& url_for) {
  using K = ParagraphChange::Kind;
  if (c.html && !c.html_from_root) return *c.html;
  const std::vector<markdown::Atom>* atoms = nullptr;
  Op op = Op::same;
  switch (c.kind) {
    case K::changed: return inline_html(c.words, url_for);
    case K::moved_away: return {};
    case K::unchanged: return plain_html(*c.after, url_for);
    case K::added: atoms = &c.after->atoms, op = Op::added; break;
    case K::removed: atoms = &c.before->atoms, op = Op::removed; break;
  }
  Writer w(url_for);
  for (const auto& a : *atoms) w.add(a, op);
  return w.finish();
}

}  // namespace travaux::diff
