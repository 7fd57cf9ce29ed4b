// Diffed words to HTML, keeping inline markup well nested (issue 4).
#include "diff/inline_html.h"

#include "markdown/markdown.h"

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
    case Mark::Kind::link: {
      const std::string href = url_for ? url_for(m.url) : std::string();
      return href.empty() ? "<span class=\"link\">" : "<a href=\"" + markdown::escape_html(href) + "\">";
    }
  }
  return {};
}

std::string close_tag(const Mark& m, const UrlFor& url_for) {
  switch (m.kind) {
    case Mark::Kind::emph: return "</em>";
    case Mark::Kind::strong: return "</strong>";
    case Mark::Kind::strike: return "</s>";
    case Mark::Kind::code: return "</code>";
    case Mark::Kind::link: return (url_for && !url_for(m.url).empty()) ? "</a>" : "</span>";
  }
  return {};
}

class Writer {
 public:
  explicit Writer(const UrlFor& url_for) : url_for_(url_for) {}

  void add(const Atom& a, Op op) {
    if (a.kind == Atom::Kind::brk) {
      set_op(Op::same);
      set_marks({});
      out_ += "<span class=\"brk\"></span>";
      return;
    }
    std::size_t keep = 0;
    while (keep < open_.size() && keep < a.marks.size() && open_[keep] == a.marks[keep]) ++keep;
    if (keep < open_.size() || keep < a.marks.size() || op != op_) set_op(Op::same);
    set_marks(a.marks);
    set_op(op);
    out_ += markdown::escape_html(a.text);
  }

  std::string finish() {
    set_op(Op::same);
    set_marks({});
    return std::move(out_);
  }

 private:
  void set_op(Op op) {
    if (op == op_) return;
    if (op_ == Op::added) out_ += "</ins>";
    if (op_ == Op::removed) out_ += "</del>";
    if (op == Op::added) out_ += "<ins>";
    if (op == Op::removed) out_ += "<del>";
    op_ = op;
  }
  void set_marks(const std::vector<Mark>& marks) {
    std::size_t keep = 0;
    while (keep < open_.size() && keep < marks.size() && open_[keep] == marks[keep]) ++keep;
    while (open_.size() > keep) {
      out_ += close_tag(open_.back(), url_for_);
      open_.pop_back();
    }
    for (std::size_t i = keep; i < marks.size(); ++i) {
      out_ += open_tag(marks[i], url_for_);
      open_.push_back(marks[i]);
    }
  }

  const UrlFor& url_for_;
  std::string out_;
  std::vector<Mark> open_;
  Op op_ = Op::same;
};

}  // namespace

std::string inline_html(const std::vector<DiffAtom>& atoms, const UrlFor& url_for) {
  Writer w(url_for);
  for (const auto& d : atoms) w.add(*d.atom, d.op);
  return w.finish();
}

std::string inline_html(const std::vector<Atom>& atoms, const UrlFor& url_for) {
  Writer w(url_for);
  for (const auto& a : atoms) w.add(a, Op::same);
  return w.finish();
}

}  // namespace travaux::diff
