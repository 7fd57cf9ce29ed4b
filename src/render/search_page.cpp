// The search page and its filters (CONTENT-MODEL.md, "Output": search/index.html; docs/search.md).
#include "render/search_page.h"

#include <algorithm>
#include <set>

#include "render/search_index.h"

namespace travaux::render {

namespace {

using model::Document;
using model::Kind;

Data option(const std::string& value, const std::string& label) {
  Data o;
  put(o, "value", value);
  put(o, "label", label);
  return o;
}

}  // namespace

std::string render_search_page(const RenderInput& in) {
  const bool pretty = in.archive.config.pretty_urls;
  Page page;
  page.at = {"search", pretty};
  page.template_name = "search.html";
  page.title = "Search";
  page.section = "search";
  page.description = "Search the letters, drafts, rounds and documents of " + in.archive.config.title + ".";
  Data& d = page.data;
  put(d, "action", page.at.url("search/"));
  put(d, "index_url", std::string(kSearchIndexFile.substr(std::string_view("search/").size())));
  put(d, "script_url", page.at.url("assets/search.js"));
  put(d, "letters_url", page.at.url("letters/"));
  put(d, "drafts_url", page.at.url("drafts/"));
  put(d, "rounds_url", page.at.url("rounds/"));
  put(d, "count", std::to_string(in.archive.documents.size()));

  // Filters offer only what the archive has: its kinds, its negotiated texts, its rounds.
  std::vector<Data> kinds;
  for (Kind k : {Kind::letter, Kind::draft, Kind::round, Kind::document, Kind::page})
    if (!in.archive.of_kind(k).empty()) {
      std::string label(model::kind_title(k));
      kinds.push_back(option(std::string(model::kind_name(k)), label));
    }
  set_list(d, "kinds", list_of(std::move(kinds)));
  std::vector<Data> texts;
  std::set<std::string> seen;
  const auto draft_text = draft_texts(in);
  for (const Document* v : in.linked.drafts.versions())
    if (auto t = draft_text.find(v->id); t != draft_text.end() && seen.insert(t->second.id).second)
      texts.push_back(option(t->second.id, t->second.label));
  set_list(d, "texts", list_of(std::move(texts)));
  std::vector<const Document*> rounds = in.archive.of_kind(Kind::round);
  std::sort(rounds.begin(), rounds.end(), [](auto* a, auto* b) { return std::tie(a->number, a->id) < std::tie(b->number, b->id); });
  std::vector<Data> round_options;
  for (const Document* r : rounds)
    round_options.push_back(option(r->id, "Round " + std::to_string(r->number.value_or(0)) + ": " + r->title));
  set_list(d, "rounds", list_of(std::move(round_options)));
  if (!in.archive.documents.empty()) {
    auto [lo, hi] = std::minmax_element(in.archive.documents.begin(), in.archive.documents.end(),
                                        [](const auto& a, const auto& b) { return a.date < b.date; });
    put(d, "date_min", lo->date.iso());
    put(d, "date_max", hi->date.iso());
  }
  return render_page(in, std::move(page));
}

}  // namespace travaux::render
