// Home and index pages (docs/architecture.md: home introduces the process, rounds and drafts in
// order, latest letters; letters chronologically, drafts as a chain, rounds by number).
#include "render/index_pages.h"

#include <algorithm>
#include <map>

#include <tbb/parallel_for.h>

#include "render/timeline_page.h"

namespace travaux::render {

namespace {

using model::Document;
using model::Kind;

Data round_item(const RenderInput& in, const PageLocation& at, const Document& r) {
  Data d = doc_ref(in, at, r);
  put(d, "number", std::to_string(r.number.value_or(0)));
  if (r.end && *r.end != r.date) {
    put(d, "end", r.end->human());
    put(d, "end_iso", r.end->iso());
  }
  if (!r.location.empty()) put(d, "location", r.location);
  return d;
}

/// Letters grouped by month, oldest first.
Data by_month(const RenderInput& in, const PageLocation& at, const std::vector<const Document*>& docs) {
  std::vector<Data> groups;
  for (std::size_t i = 0; i < docs.size();) {
    const int y = docs[i]->date.year, m = docs[i]->date.month;
    std::vector<const Document*> in_month;
    for (; i < docs.size() && docs[i]->date.year == y && docs[i]->date.month == m; ++i) in_month.push_back(docs[i]);
    Data g;
    put(g, "month", docs[i - 1]->date.month_year());
    set_list(g, "items", doc_list(in, at, in_month));
    groups.push_back(std::move(g));
  }
  return list_of(std::move(groups));
}

}  // namespace

std::string render_home(const RenderInput& in) {
  const auto& cfg = in.archive.config;
  Page page;
  page.at = {"", cfg.pretty_urls};
  page.template_name = "home.html";
  page.title = cfg.title;
  page.section = "home";
  Data& d = page.data;
  const PageLocation& at = page.at;
  if (in.linked.home) put(d, "intro", relativize(in.linked.home->body_html, at));
  put(d, "description", cfg.description);
  if (!cfg.process_name.empty()) put(d, "process_name", cfg.process_name);
  if (cfg.process_start) put(d, "process_start", cfg.process_start->human());
  if (cfg.process_end) put(d, "process_end", cfg.process_end->human());
  std::vector<Data> rounds;
  for (const auto* r : in.kind_order.of(Kind::round)) rounds.push_back(round_item(in, at, *r));
  set_list(d, "rounds", list_of(std::move(rounds)));
  set_list(d, "drafts", doc_list(in, at, in.linked.drafts.versions()));
  auto letters = in.archive.of_kind(Kind::letter);
  std::reverse(letters.begin(), letters.end());
  if (letters.size() > 8) letters.resize(8);
  set_list(d, "latest_letters", doc_list(in, at, letters));
  set_list(d, "documents", doc_list(in, at, in.archive.of_kind(Kind::document)));
  put(d, "letters_url", at.url("letters/"));
  put(d, "timeline_url", at.url("timeline/"));
  put(d, "timeline_svg", compact_timeline_svg(in, at));
  return render_page(in, std::move(page));
}

void render_kind_indexes(const RenderInput& in, render::SiteImage& site) {
  const bool pretty = in.archive.config.pretty_urls;
  static constexpr Kind kKinds[] = {Kind::letter, Kind::draft, Kind::round, Kind::document};
  constexpr std::size_t n = std::size(kKinds);
  std::vector<std::pair<std::string, std::string>> pages(n);  // file, bytes: one slot per kind
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    const Kind kind = kKinds[i];
    Page page;
    page.at = {std::string(model::kind_folder(kind)), pretty};
    page.template_name = "list.html";
    page.title = std::string(model::kind_title(kind));
    page.section = std::string(model::kind_folder(kind));
    Data& d = page.data;
    put(d, "kind", std::string(model::kind_name(kind)));
    switch (kind) {
      case Kind::round: {
        std::vector<Data> rounds;
        for (const auto* r : in.kind_order.of(Kind::round)) rounds.push_back(round_item(in, page.at, *r));
        set_list(d, "rounds", list_of(std::move(rounds)));
        break;
      }
      case Kind::draft: set_list(d, "chain", doc_list(in, page.at, in.linked.drafts.versions())); break;
      default: put(d, "groups", by_month(in, page.at, in.archive.of_kind(kind)));
    }
    pages[i].first = page.at.file();  // before page is moved from
    pages[i].second = render_page(in, std::move(page));
  });
  for (auto& [file, bytes] : pages) site.add(std::move(file), std::move(bytes));
}

void render_people_and_topics(const RenderInput& in, render::SiteImage& site) {
  const bool pretty = in.archive.config.pretty_urls;
  // A `from` value names a person by id or by name; other senders get a page by their slug.
  // Each one's documents are gathered in one pass over the documents (no quadratic steps).
  std::map<const model::Person*, std::vector<const Document*>> by_person;
  std::map<std::string, std::vector<const Document*>> by_sender;
  for (const auto& doc : in.archive.documents)
    for (const auto& f : doc.from) {
      auto& list = [&]() -> std::vector<const Document*>& {
        if (const model::Person* p = in.archive.find_sender(f)) return by_person[p];
        return by_sender[f];
      }();
      if (list.empty() || list.back() != &doc) list.push_back(&doc);
    }
  struct PersonPage {
    std::string slug, name, role;
    const std::vector<const Document*>* docs;
  };
  std::vector<PersonPage> people;
  for (const auto& person : in.archive.config.people)
    people.push_back({person.id, person.name, person.role, &by_person[&person]});
  for (const auto& [name, slug] : in.archive.sender_slugs) people.push_back({slug, name, "", &by_sender[name]});

  std::map<std::string, std::pair<std::string, std::vector<const Document*>>> topics;  // slug -> name, docs
  for (const auto& doc : in.archive.documents)
    for (const auto& t : doc.topics) {
      auto& entry = topics[topic_slug(in.archive, t)];
      if (entry.first.empty()) entry.first = t;
      entry.second.push_back(&doc);
    }
  std::vector<const std::pair<const std::string, std::pair<std::string, std::vector<const Document*>>>*> topic_list;
  for (const auto& entry : topics) topic_list.push_back(&entry);

  // One slot per person, then one per topic, then the topics index: rendered in parallel,
  // added in this fixed order.
  const std::size_t n_people = people.size(), n_topics = topic_list.size();
  std::vector<std::pair<std::string, std::string>> pages(n_people + n_topics + 1);  // file, bytes
  PageLocation index_at{"topics", pretty};
  tbb::parallel_for(std::size_t{0}, pages.size(), [&](std::size_t i) {
    Page page;
    if (i < n_people) {
      const PersonPage& person = people[i];
      page.at = {"people/" + person.slug, pretty};
      page.template_name = "person.html";
      page.title = person.name;
      page.description = person.role;
      put(page.data, "role", person.role);
      set_list(page.data, "documents", doc_list(in, page.at, *person.docs));
    } else if (i < n_people + n_topics) {
      const auto& [slug, entry] = *topic_list[i - n_people];
      page.at = {"topics/" + slug, pretty};
      page.template_name = "topic.html";
      page.title = entry.first;
      page.crumbs.push_back({"Topics", "topics/"});
      set_list(page.data, "documents", doc_list(in, page.at, entry.second));
    } else {
      std::vector<Data> index;
      for (const auto* t : topic_list) {
        Data item;
        put(item, "name", t->second.first);
        put(item, "url", index_at.url("topics/" + t->first + "/"));
        put(item, "count", std::to_string(t->second.second.size()));
        index.push_back(std::move(item));
      }
      page.at = index_at;
      page.template_name = "topics.html";
      page.title = "Topics";
      set_list(page.data, "topics", list_of(std::move(index)));
    }
    pages[i].first = page.at.file();  // before page is moved from
    pages[i].second = render_page(in, std::move(page));
  });
  for (auto& [file, bytes] : pages) site.add(std::move(file), std::move(bytes));
}

}  // namespace travaux::render
