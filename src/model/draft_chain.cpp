// Texts, version order, `supersedes` and the draft in force (CONTENT-MODEL.md, "Drafts", "Texts"
// and "Edge rules").
#include "model/draft_chain.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "diag/did_you_mean.h"

namespace travaux::model {

namespace {

const char* kChainHint =
    "each version supersedes at most one draft and is superseded by at most one: point 'supersedes' at the "
    "latest version of this text, or give the drafts of another text their own 'text' key";

/// Draft -> the draft it supersedes, checked: at most one successor each, no cycle.
class Links {
 public:
  Links(std::vector<const Document*> drafts) : drafts_(std::move(drafts)) {}

  void set(const Document* d, const Document* pred, bool explicit_key) {
    pred_[d] = pred;
    explicit_[d] = explicit_key;
  }
  const Document* pred(const Document* d) const {
    auto it = pred_.find(d);
    return it == pred_.end() ? nullptr : it->second;
  }

  /// Two drafts superseding one: the one that says so explicitly (else the earlier) keeps it.
  void remove_forks(diag::Diagnostics& diags) {
    std::map<const Document*, const Document*> taken;  // pred -> successor that keeps it
    for (int pass = 0; pass < 2; ++pass)  // explicit `supersedes` first, then defaults
      for (const Document* d : drafts_) {
        const Document* p = pred(d);
        if (!p || explicit_[d] != (pass == 0)) continue;
        auto [it, fresh] = taken.emplace(p, d);
        if (fresh) continue;
        const std::string how = explicit_[d] ? "'" + d->id + "' supersedes '" + p->id + "'"
                                             : "'" + d->id + "' supersedes '" + p->id +
                                                   "' by default (the previous version of its text)";
        diags.error(d->pos_of(explicit_[d] ? "supersedes" : "version"),
                    how + ", which '" + it->second->id + "' also supersedes: a text cannot fork", kChainHint);
        pred_[d] = nullptr;
      }
  }

  /// Drafts that never reach a first version sit on a cycle: reported once per cycle, at the
  /// `supersedes` of its first draft in version order, and cut there.
  void remove_cycles(diag::Diagnostics& diags) {
    std::map<const Document*, int> state;  // 1: being followed, 2: done
    for (const Document* start : drafts_) {
      std::vector<const Document*> path;
      const Document* d = start;
      while (d && !state.count(d)) {
        state[d] = 1;
        path.push_back(d);
        d = pred(d);
      }
      if (d && state[d] == 1) {
        // The cycle is the part of `path` from d on.
        auto from = std::find(path.begin(), path.end(), d);
        std::vector<const Document*> cycle(from, path.end());
        const Document* first = *std::min_element(cycle.begin(), cycle.end(), [&](auto* a, auto* b) {
          return std::find(drafts_.begin(), drafts_.end(), a) < std::find(drafts_.begin(), drafts_.end(), b);
        });
        std::string names;
        const Document* c = first;
        do {
          names += "'" + c->id + "' -> ";
          c = pred(c);
        } while (c != first);
        names += "'" + first->id + "'";
        diags.error(first->pos_of("supersedes"), "'supersedes' makes a cycle: " + names,
                    "the first version of a text supersedes nothing; remove 'supersedes' from one of these drafts");
        pred_[first] = nullptr;
      }
      for (const Document* p : path) state[p] = 2;
    }
  }

  /// Chains from each first version, in the order of their first versions.
  std::vector<std::vector<const Document*>> chains() const {
    std::map<const Document*, const Document*> succ;
    for (const Document* d : drafts_)
      if (const Document* p = pred(d)) succ[p] = d;
    std::vector<std::vector<const Document*>> out;
    for (const Document* d : drafts_) {
      if (pred(d)) continue;
      out.emplace_back();
      for (const Document* c = d; c; c = succ.count(c) ? succ.at(c) : nullptr) out.back().push_back(c);
    }
    return out;
  }

 private:
  std::vector<const Document*> drafts_;
  std::map<const Document*, const Document*> pred_;
  std::map<const Document*, bool> explicit_;
};

/// The text key of a chain, and errors for versions that name another one.
std::string chain_text_key(const std::vector<const Document*>& chain, diag::Diagnostics& diags) {
  const Document* keyed = nullptr;
  for (const Document* d : chain) {
    if (d->text.empty()) continue;
    if (!keyed) {
      keyed = d;
    } else if (d->text != keyed->text) {
      diags.error(d->pos_of("text"),
                  "'text' is \"" + d->text + "\" but '" + keyed->id + "', earlier in the same chain, has \"" +
                      keyed->text + "\"",
                  "all versions of one text have the same 'text' key; or, for another text, remove "
                  "'supersedes' so this draft starts its own chain");
    }
  }
  return keyed ? keyed->text : std::string();
}

void check_versions(const std::vector<const Document*>& chain, const std::string& text_id, diag::Diagnostics& diags) {
  std::map<std::int64_t, const Document*> seen;
  for (const Document* d : chain) {
    if (!d->version) continue;
    auto [it, fresh] = seen.emplace(*d->version, d);
    if (!fresh)
      diags.error(d->pos_of("version"),
                  "version " + std::to_string(*d->version) + " of text '" + text_id + "' is already '" +
                      it->second->id + "'",
                  "give each version of a text its own 'version' number");
  }
}

}  // namespace

DraftChain DraftChain::build(const Archive& archive, diag::Diagnostics& diags) {
  std::vector<const Document*> drafts = archive.of_kind(Kind::draft);
  // Drafts of one `text` key together; within it, explicit versions in order, then by date.
  std::stable_sort(drafts.begin(), drafts.end(), [](const Document* a, const Document* b) {
    auto key = [](const Document* d) {
      return std::make_tuple(std::cref(d->text), d->version.has_value() ? 0 : 1, d->version.value_or(0),
                             std::cref(d->date), std::cref(d->id));
    };
    return key(a) < key(b);
  });
  std::vector<std::string> ids;
  for (const Document* d : drafts) ids.push_back(d->id);

  Links links(drafts);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const Document* d = drafts[i];
    const Document* by_default = i > 0 && drafts[i - 1]->text == d->text ? drafts[i - 1] : nullptr;
    if (d->supersedes.empty()) {
      links.set(d, by_default, false);
      continue;
    }
    const Document* target = archive.find(d->supersedes);
    if (target == nullptr || target->kind != Kind::draft || target == d) {
      std::string hint;
      if (auto near = diag::did_you_mean(d->supersedes, ids)) hint = "did you mean '" + *near + "'?";
      diags.error(d->pos_of("supersedes"),
                  "'supersedes' names '" + d->supersedes + "', which is not another published draft",
                  hint.empty() ? "give the id of the draft this version replaces" : hint);
      links.set(d, by_default, false);
    } else {
      links.set(d, target, true);
    }
  }
  links.remove_forks(diags);
  links.remove_cycles(diags);

  DraftChain out;
  std::map<std::string, std::size_t> text_ids;
  for (auto& chain : links.chains()) {
    NegotiatedText t;
    t.id = chain_text_key(chain, diags);
    if (t.id.empty()) t.id = chain.front()->id;
    check_versions(chain, t.id, diags);
    if (auto [it, fresh] = text_ids.emplace(t.id, out.texts_.size()); !fresh) {
      const Document* first = chain.front();
      diags.error(first->pos_of(first->text.empty() ? "supersedes" : "text"),
                  "'" + first->id + "' starts a second chain of text '" + t.id + "', whose first version is '" +
                      out.texts_[it->second].versions.front()->id + "'",
                  "versions of one text form one chain: set 'supersedes' to the version this one replaces");
      t.id += "-" + first->id;  // keeps history folders apart while the error stands
    }
    t.versions = std::move(chain);
    out.texts_.push_back(std::move(t));
  }
  // Texts in the order of their first versions' dates.
  std::stable_sort(out.texts_.begin(), out.texts_.end(), [](const NegotiatedText& a, const NegotiatedText& b) {
    return std::tie(a.versions.front()->date, a.id) < std::tie(b.versions.front()->date, b.id);
  });

  const std::string& named = archive.config.process_text;
  bool found = named.empty();
  for (auto& t : out.texts_) {
    t.principal = out.texts_.size() == 1 || t.id == named;
    found = found || t.id == named;
    t.history_folder = t.principal ? "history" : "history/" + t.id;
  }
  if (!found) {
    std::vector<std::string> text_names;
    for (const auto& t : out.texts_) text_names.push_back(t.id);
    std::string hint = "name the text whose history keeps the history/<anchor>/ addresses";
    if (auto near = diag::did_you_mean(named, text_names)) hint = "did you mean '" + *near + "'?";
    diags.error(archive.config.process_text_pos, "[process] text = \"" + named + "\" names no text of this archive",
                hint);
  }

  for (std::size_t t = 0; t < out.texts_.size(); ++t)
    for (std::size_t k = 0; k < out.texts_[t].versions.size(); ++k) {
      out.places_[out.texts_[t].versions[k]] = {t, k, out.versions_.size()};
      out.versions_.push_back(out.texts_[t].versions[k]);
    }
  out.by_date_ = out.versions_;
  std::stable_sort(out.by_date_.begin(), out.by_date_.end(),
                   [](const Document* a, const Document* b) { return a->date < b->date; });
  for (const Document* r : archive.of_kind(Kind::round))
    for (const auto& id : r->drafts) out.rounds_of_[id].push_back(r);
  return out;
}

const DraftChain::Place* DraftChain::place_of(const Document& draft) const {
  auto it = places_.find(&draft);
  return it == places_.end() ? nullptr : &it->second;
}

const NegotiatedText* DraftChain::text_of(const Document& draft) const {
  const Place* p = place_of(draft);
  return p ? &texts_[p->text] : nullptr;
}

int DraftChain::index_of(const Document& draft) const {
  const Place* p = place_of(draft);
  return p ? static_cast<int>(p->global) : -1;
}

const Document* DraftChain::previous(const Document& draft) const {
  const Place* p = place_of(draft);
  return p && p->index > 0 ? texts_[p->text].versions[p->index - 1] : nullptr;
}

const Document* DraftChain::next(const Document& draft) const {
  const Place* p = place_of(draft);
  if (!p || p->index + 1 >= texts_[p->text].versions.size()) return nullptr;
  return texts_[p->text].versions[p->index + 1];
}

const Document* DraftChain::in_force_on(const Date& date) const {
  // The last of the drafts dated on or before `date`: the latest date, and among drafts of one
  // date the later in versions_, which the stable sort kept in that order.
  const auto after = std::upper_bound(by_date_.begin(), by_date_.end(), date,
                                      [](const Date& d, const Document* v) { return d < v->date; });
  return after == by_date_.begin() ? nullptr : *(after - 1);
}

const std::vector<const Document*>& DraftChain::negotiated_in(const Document& draft) const {
  static const std::vector<const Document*> none;
  const auto it = rounds_of_.find(draft.id);
  return it == rounds_of_.end() ? none : it->second;
}

}  // namespace travaux::model
