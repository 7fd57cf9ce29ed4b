// Look-ups over the loaded archive.
#include "model/archive.h"

#include <algorithm>

namespace travaux::model {

const Document* Archive::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &documents[it->second];
}

const Person* Archive::find_person(std::string_view id) const {
  auto it = std::lower_bound(config.people.begin(), config.people.end(), id,
                             [](const Person& p, std::string_view v) { return p.id < v; });
  return it != config.people.end() && it->id == id ? &*it : nullptr;
}

const Person* Archive::find_sender(std::string_view from) const {
  if (const Person* p = find_person(from)) return p;
  auto it = person_by_name_.find(from);
  return it == person_by_name_.end() ? nullptr : &config.people[it->second];
}

std::vector<const Document*> Archive::of_kind(Kind kind) const {
  std::vector<const Document*> out;
  for (const auto& d : documents)
    if (d.kind == kind) out.push_back(&d);
  return out;
}

void Archive::index() {
  by_id_.clear();
  for (std::size_t i = 0; i < documents.size(); ++i) by_id_.emplace(documents[i].id, i);
  person_by_name_.clear();
  for (std::size_t i = 0; i < config.people.size(); ++i) person_by_name_.emplace(config.people[i].name, i);
}

}  // namespace travaux::model
