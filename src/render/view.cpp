// Common template data and the page layout (docs/architecture.md, "Design").
#include "render/view.h"

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
  for (auto& i : items) list.push_back(std::move(i));
  return list;
}

void set_list(Data& d, const std::string& key, Data list) {
  if (list.is_non_empty_list()) d.set("has_" + key, true);
  // kainjow's set() copies its argument; assigning through operator[] moves the list in
  // (a changes page of a long draft holds lists of thousands of paragraphs).
  if (d.is_object()) d[key] = std::move(list);
  else d.set(key, list);
}

std::string topic_slug(const model::Archive& archive, const std::string& topic) {
  auto it = archive.topic_slugs.find(topic);
  return it == archive.topic_slugs.end() ? std::string() : it->second;
}

Data doc_ref(const RenderInput& in, const PageLocation& at, const model::Document& doc) {
  Data d;
  d.set("id", doc.id);
  d.set("title", doc.title);
  d.set("label", doc.display_name());
  d.set("url", at.url(doc.url_folder + "/"));
  d.set("date", doc.date.human());
  d.set("date_iso", doc.date.iso());
  d.set("kind", std::string(model::kind_name(doc.kind)));
  d.set("summary", in.linked.of(in.archive, doc).summary);
  if (!doc.full_text) d.set("not_held", true);
  return d;
}

Data doc_list(const RenderInput& in, const PageLocation& at, const std::vector<const model::Document*>& docs) {
  std::vector<Data> items;
  for (const auto* d : docs) items.push_back(doc_ref(in, at, *d));
  return list_of(std::move(items));
}

Data backlinks(const RenderInput& in, const PageLocation& at, const model::Document& doc) {
  std::vector<Data> items;
  auto it = in.linked.backlinks.find(doc.id);
  if (it != in.linked.backlinks.end()) {
    for (const auto& r : it->second) {
      const model::Document* from = in.archive.find(r.from_id);
      if (!from) continue;
      Data d = doc_ref(in, at, *from);
      if (!r.context.empty()) d.set("context", r.context);
      if (r.via == link::Reference::Via::attachment) d.set("context", std::string("Attached to this document."));
      items.push_back(std::move(d));
    }
  }
  return list_of(std::move(items));
}

Data person_ref(const RenderInput& in, const PageLocation& at, const std::string& from) {
  Data d;
  if (const model::Person* p = in.archive.find_sender(from)) {
    d.set("name", p->name);
    d.set("role", p->role);
    d.set("url", at.url("people/" + p->id + "/"));
  } else {
    d.set("name", from);
    if (auto it = in.archive.sender_slugs.find(from); it != in.archive.sender_slugs.end())
      d.set("url", at.url("people/" + it->second + "/"));
  }
  return d;
}

std::string render_page(const RenderInput& in, Page page) {
  const auto& cfg = in.archive.config;
  const PageLocation& at = page.at;
  Data& d = page.data;
  d.set("root", at.root());
  d.set("page_title", page.title);
  d.set("site_title", cfg.title);
  d.set("home_url", at.url(""));
  d.set("css_url", at.url("assets/style.css"));
  d.set("lang", cfg.language);
  d.set("description", page.description.empty() ? cfg.description : page.description);
  if (!page.head.empty()) d.set("head", page.head);
  // A canonical link only makes sense for an archive published at a full address.
  if (cfg.base_url.starts_with("http"))
    d.set("canonical", permalink(cfg.base_url, at.folder.empty() ? "" : at.folder + "/"));
  std::vector<Data> nav;
  for (const auto& n : kNav) {
    Data item;
    item.set("title", std::string(n.title));
    item.set("url", at.url(n.site_path));
    if (page.section == n.section) item.set("current", true);
    nav.push_back(std::move(item));
  }
  set_list(d, "nav", list_of(std::move(nav)));
  if (!at.folder.empty()) {
    std::vector<Data> crumbs;
    Data home;
    home.set("title", std::string("Home"));
    home.set("url", at.url(""));
    crumbs.push_back(std::move(home));
    for (const auto& c : page.crumbs) {
      Data item;
      item.set("title", c.title);
      item.set("url", at.url(c.site_path));
      crumbs.push_back(std::move(item));
    }
    set_list(d, "crumbs", list_of(std::move(crumbs)));
  }
  d.set("content", in.theme.render_in_place(page.template_name, d));
  return in.theme.render_in_place("base.html", d);
}

}  // namespace travaux::render
