// Common template data and the page layout (docs/architecture.md, "Design").
#include "render/view.h"

#include <algorithm>

#include "link/anchors.h"

namespace travaux::render {

namespace {

struct NavEntry {
  const char* section;
  const char* title;
  const char* site_path;
};
constexpr NavEntry kNav[] = {
    {"home", "Home", ""},           {"timeline", "Timeline", "timeline/"}, {"rounds", "Rounds", "rounds/"},
    {"drafts", "Drafts", "drafts/"}, {"letters", "Letters", "letters/"},   {"documents", "Documents", "documents/"},
    {"search", "Search", "search/"},
};

}  // namespace

Data list_of(std::vector<Data> items) {
  Data list(Data::type::list);
  // kainjow gives no mutable access to a list; the vector it holds was made by `new` above
  // and is not const, so writing through list_value() is defined.
  const_cast<kainjow::mustache::basic_list<std::string>&>(list.list_value()) = std::move(items);
  return list;
}

Data string_data(std::string s) {
  Data d(Data::type::string);
  const_cast<std::string&>(d.string_value()) = std::move(s);  // as above: made by `new`, not const
  return d;
}

void put(Data& d, const std::string& key, Data value) {
  if (d.is_object()) d[key] = std::move(value);
}
void put(Data& d, const std::string& key, std::string value) { put(d, key, string_data(std::move(value))); }
void put(Data& d, const std::string& key, const char* value) { put(d, key, string_data(value)); }
void put(Data& d, const std::string& key, bool value) { put(d, key, Data(value)); }

void set_list(Data& d, const std::string& key, Data list) {
  if (list.is_non_empty_list()) put(d, "has_" + key, true);
  put(d, key, std::move(list));
}

DocumentsByPath index_source_paths(const model::Archive& archive) {
  DocumentsByPath out;
  out.reserve(archive.documents.size());
  for (const auto& d : archive.documents) out.emplace(d.source_path, &d);
  return out;
}

KindOrder order_kinds(const model::Archive& archive) {
  KindOrder out;
  out.lists.resize(static_cast<std::size_t>(model::Kind::page) + 1);
  for (const auto& d : archive.documents) out.lists[static_cast<std::size_t>(d.kind)].push_back(&d);
  // Rounds follow their numbers (docs/rounds-and-timelines.md).
  auto& rounds = out.lists[static_cast<std::size_t>(model::Kind::round)];
  std::stable_sort(rounds.begin(), rounds.end(), [](auto* a, auto* b) { return a->number < b->number; });
  out.position.resize(archive.documents.size());
  for (const auto& list : out.lists)
    for (std::size_t i = 0; i < list.size(); ++i)
      out.position[static_cast<std::size_t>(list[i] - archive.documents.data())] = i;
  return out;
}

std::vector<std::uint32_t> positions_by_date(const std::vector<const model::Document*>& docs) {
  std::vector<std::uint32_t> out(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) out[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) { return docs[a]->date < docs[b]->date; });
  return out;
}

std::string topic_slug(const model::Archive& archive, const std::string& topic) {
  auto it = archive.topic_slugs.find(topic);
  return it == archive.topic_slugs.end() ? std::string() : it->second;
}

Data doc_ref(const RenderInput& in, const PageLocation& at, const model::Document& doc) {
  Data d;
  put(d, "id", doc.id);
  put(d, "title", doc.title);
  put(d, "label", doc.display_name());
  put(d, "url", at.url(doc.url_folder + "/"));
  put(d, "date", doc.date.human());
  put(d, "date_iso", doc.date.iso());
  put(d, "kind", std::string(model::kind_name(doc.kind)));
  put(d, "summary", in.linked.of(in.archive, doc).summary);
  if (!doc.full_text) put(d, "not_held", true);
  return d;
}

Data doc_list(const RenderInput& in, const PageLocation& at, const std::vector<const model::Document*>& docs) {
  std::vector<Data> items;
  items.reserve(docs.size());
  for (const auto* d : docs) items.push_back(doc_ref(in, at, *d));
  return list_of(std::move(items));
}

Data backlinks(const RenderInput& in, const PageLocation& at, const model::Document& doc) {
  std::vector<Data> items;
  auto it = in.linked.backlinks.find(doc.id);
  if (it != in.linked.backlinks.end()) {
    items.reserve(it->second.size());
    for (const auto& r : it->second) {
      const model::Document* from = in.archive.find(r.from_id);
      if (!from) continue;
      Data d = doc_ref(in, at, *from);
      if (!r.context.empty()) put(d, "context", r.context);
      if (r.via == link::Reference::Via::attachment) put(d, "context", std::string("Attached to this document."));
      items.push_back(std::move(d));
    }
  }
  return list_of(std::move(items));
}

Data person_ref(const RenderInput& in, const PageLocation& at, const std::string& from) {
  Data d;
  if (const model::Person* p = in.archive.find_sender(from)) {
    put(d, "name", p->name);
    put(d, "role", p->role);
    put(d, "url", at.url("people/" + p->id + "/"));
  } else {
    put(d, "name", from);
    if (auto it = in.archive.sender_slugs.find(from); it != in.archive.sender_slugs.end())
      put(d, "url", at.url("people/" + it->second + "/"));
  }
  return d;
}

namespace {

constexpr char kHeldMark = '\x01';

}  // namespace

void HtmlRope::append_lasting(std::string_view html, bool from_root) {
  if (html.empty()) return;
  if (own_.size() > own_flushed_) pieces_.push_back({nullptr, own_.size() - own_flushed_, false, nullptr});
  own_flushed_ = own_.size();
  pieces_.push_back({html.data(), html.size(), from_root, nullptr});
  lasting_bytes_ += from_root ? html.size() + html.size() / 2 : html.size();
}

void HtmlRope::append_paragraph_html(std::string_view html, bool lasts, bool from_root, const PageLocation& at) {
  if (lasts) append_lasting(html, from_root);
  else if (from_root) relativize_into(own_, html, at);
  else own_ += html;
}

void HtmlRope::append(HtmlRope&& other) {
  if (other.empty()) return;
  if (own_.size() > own_flushed_) pieces_.push_back({nullptr, own_.size() - own_flushed_, false, nullptr});
  own_flushed_ = own_.size();
  const std::size_t size = other.size();
  ropes_.push_back(std::make_unique<HtmlRope>(std::move(other)));
  pieces_.push_back({nullptr, size, false, ropes_.back().get()});
  lasting_bytes_ += size;
}

void HtmlRope::append_to(std::string& out, const PageLocation& at) const {
  std::size_t own_at = 0;
  for (const Piece& p : pieces_) {
    if (p.rope) {
      p.rope->append_to(out, at);
    } else if (!p.lasting) {
      out.append(own_, own_at, p.size);
      own_at += p.size;
    } else if (p.from_root) {
      relativize_into(out, {p.lasting, p.size}, at);
    } else {
      out.append(p.lasting, p.size);
    }
  }
  out.append(own_, own_at);
}

std::string HeldHtml::hold(HtmlRope html) {
  if (html.empty()) return {};
  bytes_ += html.size();
  held_.push_back(std::move(html));
  return kHeldMark + std::to_string(held_.size() - 1) + kHeldMark;
}

void HeldHtml::put_back(std::string_view content, std::string& out, const PageLocation& page) const {
  std::size_t at = 0;
  for (std::size_t mark; (mark = content.find(kHeldMark, at)) != std::string_view::npos;) {
    std::size_t end = mark + 1, n = 0;
    while (end < content.size() && end - mark <= 10 && content[end] >= '0' && content[end] <= '9')
      n = n * 10 + static_cast<std::size_t>(content[end++] - '0');
    if (end == mark + 1 || end >= content.size() || content[end] != kHeldMark || n >= held_.size()) {
      out.append(content, at, mark + 1 - at);  // not a mark: kept as it is
      at = mark + 1;
      continue;
    }
    out.append(content, at, mark - at);
    held_[n].append_to(out, page);
    at = end + 1;
  }
  out.append(content, at);
}

std::string render_page(const RenderInput& in, Page page) {
  const auto& cfg = in.archive.config;
  const PageLocation& at = page.at;
  Data& d = page.data;
  put(d, "root", at.root());
  put(d, "page_title", page.title);
  put(d, "site_title", cfg.title);
  put(d, "home_url", at.url(""));
  put(d, "css_url", at.url("assets/style.css"));
  put(d, "lang", cfg.language);
  put(d, "description", page.description.empty() ? cfg.description : page.description);
  if (!page.head.empty()) put(d, "head", page.head);
  // A canonical link only makes sense for an archive published at a full address.
  if (cfg.base_url.starts_with("http"))
    put(d, "canonical", permalink(cfg.base_url, at.folder.empty() ? "" : at.folder + "/"));
  std::vector<Data> nav;
  nav.reserve(std::size(kNav));
  for (const auto& n : kNav) {
    Data item;
    put(item, "title", std::string(n.title));
    put(item, "url", at.url(n.site_path));
    if (page.section == n.section) put(item, "current", true);
    nav.push_back(std::move(item));
  }
  set_list(d, "nav", list_of(std::move(nav)));
  if (!at.folder.empty()) {
    std::vector<Data> crumbs;
    crumbs.reserve(page.crumbs.size() + 1);
    Data home;
    put(home, "title", std::string("Home"));
    put(home, "url", at.url(""));
    crumbs.push_back(std::move(home));
    for (const auto& c : page.crumbs) {
      Data item;
      put(item, "title", c.title);
      put(item, "url", at.url(c.site_path));
      crumbs.push_back(std::move(item));
    }
    set_list(d, "crumbs", list_of(std::move(crumbs)));
  }
  std::string content = in.theme.render_in_place(page.template_name, d);
  // base.html is rendered around a mark, and the content put in its place: through the
  // template library, the content (the whole body of a document page) would be copied into
  // its line buffer and again into the output. A control character never survives the
  // escaping of the frame's own data (text/escape.h), so the mark is found only where
  // {{{content}}} stands; with any other use of it, or a blank content (which the library's
  // standalone-line rule would treat otherwise), the page goes through the library whole.
  static constexpr std::string_view kMark = "\x01travaux-content\x01";
  if (content.find_first_not_of(" \t\r\n") != std::string::npos) {
    put(d, "content", std::string(kMark));
    std::string frame = in.theme.render_in_place("base.html", d);
    const std::size_t at_mark = frame.find(kMark);
    if (at_mark != std::string::npos && frame.find(kMark, at_mark + 1) == std::string::npos) {
      std::string out;
      out.reserve(frame.size() - kMark.size() + content.size() + page.held.bytes());
      out.append(frame, 0, at_mark);
      if (page.held.empty()) out.append(content);
      else page.held.put_back(content, out, at);
      out.append(frame, at_mark + kMark.size());
      return out;
    }
  }
  if (!page.held.empty()) {
    std::string whole;
    whole.reserve(content.size() + page.held.bytes());
    page.held.put_back(content, whole, at);
    content = std::move(whole);
  }
  put(d, "content", string_data(std::move(content)));
  return in.theme.render_in_place("base.html", d);
}

}  // namespace travaux::render
