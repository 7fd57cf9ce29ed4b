// archive.toml: settings, [process] and [people.*] (CONTENT-MODEL.md, "archive.toml").
#include "load/archive_config.h"

#include "model/time_zone.h"

#include <algorithm>

#include "load/front_matter.h"
#include "load/parse_document.h"
#include "load/toml_fields.h"

namespace travaux::load {

namespace {
const std::vector<std::string> kKeys = {"title",     "description", "base_url",    "language",
                                        "theme",     "time_zone",   "unsafe_html", "pretty_urls",
                                        "process",   "people"};
}

model::ArchiveConfig parse_archive_config(const std::string& path, std::string raw,
                                          diag::Diagnostics& diags) {
  model::ArchiveConfig config;
  auto text = normalize_text(std::move(raw), path, diags);
  if (!text) return config;
  config.source_text = *text;
  auto table = parse_toml(*text, path, 1, diags);
  if (!table) return config;
  FieldReader f(*table, path, 1, diags);
  config.title = f.string("title", true).value_or("");
  config.description = f.string("description").value_or("");
  config.base_url = f.string("base_url").value_or("/");
  if (config.base_url.empty() || config.base_url.back() != '/') config.base_url += '/';
  config.language = f.string("language").value_or("en");
  config.theme = f.string("theme").value_or("default");
  config.theme_pos = f.pos_of_key("theme");
  if (!is_valid_id(config.theme))
    diags.error(f.pos_of_key("theme"), "invalid theme name '" + config.theme + "'",
                "name a folder under themes/: lowercase letters, digits and '-'");
  config.time_zone = f.string("time_zone").value_or("UTC");
  if (!model::is_known_time_zone(config.time_zone))
    diags.warning(f.pos_of_key("time_zone"), "time zone '" + config.time_zone + "' is not in the time zone database",
                  "use an IANA name such as \"America/New_York\" or \"Europe/Geneva\"; calendar.ics uses floating "
                  "local times meanwhile");
  config.unsafe_html = f.boolean("unsafe_html").value_or(false);
  config.pretty_urls = f.boolean("pretty_urls").value_or(false);
  if (const toml::table* process = f.table("process")) {
    FieldReader p(*process, path, 1, diags, "[process]: ");
    config.process_name = p.string("name").value_or("");
    config.process_start = p.date("start");
    config.process_end = p.date("end");
    config.process_text = p.string("text").value_or("");
    config.process_text_pos = p.pos_of_key("text");
    p.warn_unknown_keys({"name", "start", "end", "text"});
  }
  if (const toml::table* people = f.table("people")) {
    for (auto&& [key, node] : *people) {
      std::string id(key.str());
      if (!node.is_table()) {
        diags.error(f.pos(node.source()), "[people." + id + "] must be a table with name and role");
        continue;
      }
      if (!is_valid_id(id))
        diags.error(f.pos(key.source()), "invalid person id '" + id + "'",
                    "ids use lowercase letters, digits and '-'");
      FieldReader p(*node.as_table(), path, 1, diags, "[people." + id + "]: ");
      model::Person person{id, p.string("name", true).value_or(id), p.string("role").value_or("")};
      p.warn_unknown_keys({"name", "role"});
      config.people.push_back(std::move(person));
    }
    std::sort(config.people.begin(), config.people.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
  }
  f.warn_unknown_keys(kKeys);
  return config;
}

}  // namespace travaux::load
