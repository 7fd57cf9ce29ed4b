// Topic and sender slugs for the whole archive (CONTENT-MODEL.md, "Output"; the collision rule
// is docs/content-model.md, "Topic and people slugs").
#include "load/slugs.h"

#include <map>

#include "model/slug.h"

namespace travaux::load {

namespace {

/// Where a name was first written, to point a collision warning at it.
struct FirstUse {
  const model::Document* doc = nullptr;
  std::string key;
  std::size_t index = 0;  // which value of the key
};

void warn_collisions(const std::vector<std::pair<std::string, std::string>>& collisions,
                     const std::map<std::string, FirstUse>& first_use, const std::map<std::string, std::string>& slugs,
                     const char* what, diag::Diagnostics& diags) {
  for (const auto& [name, kept_by] : collisions) {
    const FirstUse& at = first_use.at(name);
    diags.warning(at.doc->pos_of(at.key, at.index),
                  std::string(what) + " '" + name + "' has the same slug as '" + kept_by + "'; its page is at '" +
                      slugs.at(name) + "'",
                  "if both mean the same, write them the same way; otherwise this page address is stable");
  }
}

}  // namespace

void assign_archive_slugs(model::Archive& archive, diag::Diagnostics& diags) {
  // Topics: one index term per case-folded name, shown as first written in archive order.
  std::map<std::string, std::string> canonical;  // folded -> first spelling
  std::map<std::string, FirstUse> first_use;
  std::vector<std::string> names;
  for (const auto& d : archive.documents)
    for (std::size_t i = 0; i < d.topics.size(); ++i) {
      const std::string& t = d.topics[i];
      auto [it, fresh] = canonical.emplace(model::fold_case(t), t);
      if (fresh) {
        names.push_back(t);
        first_use.emplace(t, FirstUse{&d, "topics", i});
      }
    }
  std::vector<std::pair<std::string, std::string>> collisions;
  auto slugs = model::assign_slugs(names, "topic", {}, &collisions);
  warn_collisions(collisions, first_use, slugs, "topic", diags);
  for (const auto& d : archive.documents)
    for (const auto& t : d.topics) archive.topic_slugs.emplace(t, slugs.at(canonical.at(model::fold_case(t))));

  // Senders without a [people.*] entry get a page of their own; people's ids are taken first.
  std::vector<std::string> reserved, senders;
  for (const auto& p : archive.config.people) reserved.push_back(p.id);
  first_use.clear();
  for (const auto& d : archive.documents)
    for (std::size_t i = 0; i < d.from.size(); ++i)
      if (!archive.find_sender(d.from[i]) && first_use.emplace(d.from[i], FirstUse{&d, "from", i}).second)
        senders.push_back(d.from[i]);
  collisions.clear();
  auto sender = model::assign_slugs(senders, "person", reserved, &collisions);
  warn_collisions(collisions, first_use, sender, "sender", diags);
  archive.sender_slugs.insert(sender.begin(), sender.end());
}

}  // namespace travaux::load
