// Atom, sitemap and JSON exports (CONTENT-MODEL.md, "Output"; permalinks in folder form).
#include "render/feeds.h"

#include <algorithm>

#include "text/escape.h"

namespace travaux::render {

using text::escape_xml;
using text::json_string;

namespace {

using model::Document;

std::string doc_permalink(const RenderInput& in, const Document& d) {
  return permalink(in.archive.config.base_url, d.url_folder + "/");
}

/// The latest date in the archive: the feed's <updated>, so output never depends on the clock.
model::Date latest_date(const RenderInput& in) {
  model::Date latest{1970, 1, 1};
  for (const auto& d : in.archive.documents) latest = std::max(latest, d.date);
  return latest;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

}  // namespace

std::string render_atom(const RenderInput& in) {
  const auto& cfg = in.archive.config;
  std::vector<const Document*> entries;
  for (const auto& d : in.archive.documents)
    if (d.kind != model::Kind::page) entries.push_back(&d);
  std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) {
    return std::tie(b->date, b->id) < std::tie(a->date, a->id);
  });
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>" + escape_xml(cfg.title) + "</title>\n";
  if (!cfg.description.empty()) x += "  <subtitle>" + escape_xml(cfg.description) + "</subtitle>\n";
  x += "  <id>" + escape_xml(permalink(cfg.base_url, "")) + "</id>\n";
  x += "  <link rel=\"alternate\" href=\"" + escape_xml(permalink(cfg.base_url, "")) + "\"/>\n";
  x += "  <link rel=\"self\" href=\"" + escape_xml(permalink(cfg.base_url, "feed.xml")) + "\"/>\n";
  x += "  <updated>" + latest_date(in).iso() + "T00:00:00Z</updated>\n";
  x += "  <author><name>" + escape_xml(cfg.title) + "</name></author>\n";
  for (const auto* d : entries) {
    const std::string link = doc_permalink(in, *d);
    x += "  <entry>\n";
    x += "    <title>" + escape_xml(d->title) + "</title>\n";
    x += "    <id>" + escape_xml(link) + "</id>\n";
    x += "    <link rel=\"alternate\" href=\"" + escape_xml(link) + "\"/>\n";
    x += "    <updated>" + d->date.iso() + "T00:00:00Z</updated>\n";
    x += "    <category term=\"" + escape_xml(std::string(model::kind_name(d->kind))) + "\"/>\n";
    const auto& summary = in.linked.of(in.archive, *d).summary;
    if (!summary.empty()) x += "    <summary>" + escape_xml(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  return x + "</feed>\n";
}

std::string render_sitemap(const RenderInput& in, const std::vector<std::string>& page_folders) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& folder : page_folders)
    x += "  <url><loc>" + escape_xml(permalink(in.archive.config.base_url, folder.empty() ? "" : folder + "/")) +
         "</loc></url>\n";
  return x + "</urlset>\n";
}

std::string render_archive_json(const RenderInput& in) {
  const auto& cfg = in.archive.config;
  std::string j = "{\n";
  j += "  \"title\": " + json_string(cfg.title) + ",\n";
  j += "  \"description\": " + json_string(cfg.description) + ",\n";
  j += "  \"base_url\": " + json_string(cfg.base_url) + ",\n";
  j += "  \"language\": " + json_string(cfg.language) + ",\n";
  j += "  \"people\": [";
  for (std::size_t i = 0; i < cfg.people.size(); ++i) {
    const auto& p = cfg.people[i];
    j += std::string(i ? ",\n" : "\n") + "    {\"id\": " + json_string(p.id) + ", \"name\": " + json_string(p.name) +
         ", \"role\": " + json_string(p.role) + "}";
  }
  j += "\n  ],\n  \"documents\": [";
  for (std::size_t i = 0; i < in.archive.documents.size(); ++i) {
    const Document& d = in.archive.documents[i];
    const auto& linked = in.linked.documents[i];
    j += std::string(i ? ",\n" : "\n") + "    {";
    j += "\"id\": " + json_string(d.id);
    j += ", \"kind\": " + json_string(std::string(model::kind_name(d.kind)));
    j += ", \"title\": " + json_string(d.title);
    j += ", \"date\": " + json_string(d.date.iso());
    j += ", \"url\": " + json_string(d.url_folder + "/");
    j += ", \"permalink\": " + json_string(doc_permalink(in, d));
    j += ", \"source_path\": " + json_string(d.source_path);
    j += ", \"summary\": " + json_string(linked.summary);
    if (!d.source.empty()) j += ", \"source\": " + json_string(d.source);
    j += ", \"full_text\": " + std::string(d.full_text ? "true" : "false");
    if (!d.label.empty()) j += ", \"label\": " + json_string(d.label);
    if (d.version) j += ", \"version\": " + std::to_string(*d.version);
    if (d.number) j += ", \"number\": " + std::to_string(*d.number);
    if (d.end) j += ", \"end\": " + json_string(d.end->iso());
    if (!d.from.empty()) j += ", \"from\": " + json_list(d.from);
    if (!d.topics.empty()) j += ", \"topics\": " + json_list(d.topics);
    std::vector<std::string> targets;
    for (const auto& r : linked.references)
      if (std::find(targets.begin(), targets.end(), r.to_id) == targets.end()) targets.push_back(r.to_id);
    j += ", \"links_to\": " + json_list(targets);
    j += "}";
  }
  return j + "\n  ]\n}\n";
}

}  // namespace travaux::render
