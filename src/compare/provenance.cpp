// Provenance: each paragraph's lineage carried forward through the comparisons of a text's
// versions, in one pass (docs/drafts-and-changes.md, "Provenance").
#include "compare/provenance.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "markdown/outline.h"

namespace travaux::compare {

namespace {

using diff::ParagraphChange;
using Kind = ProvenanceEvent::Kind;
using Origins = std::vector<std::uint32_t>;  // per atom: the version its wording dates from

/// Where a paragraph of one version sits: (section, position).
using Where = std::unordered_map<const diff::Paragraph*, std::pair<std::size_t, std::size_t>>;

Where index_of(const diff::DraftText& text) {
  Where out;
  out.reserve(text.paragraph_count());
  for (std::size_t s = 0; s < text.sections.size(); ++s)
    for (std::size_t i = 0; i < text.sections[s].paragraphs.size(); ++i) out[&text.sections[s].paragraphs[i]] = {s, i};
  return out;
}

/// One version's per-paragraph state while walking: the lineage and per-atom origins.
struct State {
  const diff::DraftText* text = nullptr;
  Where where;
  std::vector<std::vector<Origins>> origins;  // parallel to sections / paragraphs
};

/// A removed paragraph, kept so that a later version that adds it back word for word
/// continues its lineage.
struct Removed {
  std::size_t lineage;
  Origins origins;
};

/// Origins of a reworded paragraph's atoms: words kept by the word diff keep theirs, added ones
/// date from `k`. The diff lists kept and added atoms in the new paragraph's order, kept and
/// removed ones in the old one's (diff::diff_words).
Origins through_word_diff(const ParagraphChange& c, const Origins& before, std::uint32_t k) {
  Origins out;
  out.reserve(c.after->atoms.size());
  std::size_t i = 0;
  for (const auto& w : c.words) {
    if (w.op() == diff::Op::removed) {
      ++i;
    } else if (w.op() == diff::Op::added) {
      out.push_back(k);
    } else {
      out.push_back(i < before.size() ? before[i] : k);
      ++i;
    }
  }
  out.resize(c.after->atoms.size(), k);  // never longer or shorter than the paragraph
  return out;
}

/// Origins of a paragraph split off from `from`: each of its words takes the origin of an
/// unused equal word of `from`, else dates from `k`. A bag lookup, not a comparison: the
/// comparison already found that most of its words come from there.
Origins through_split(const diff::Paragraph& after, const diff::Paragraph& from, const Origins& from_origins,
                      std::uint32_t k) {
  std::unordered_multimap<std::string_view, std::uint32_t> bag;
  for (std::size_t i = 0; i < from.atoms.size() && i < from_origins.size(); ++i)
    if (markdown::is_word(from.atoms[i])) bag.emplace(from.atoms[i].text(), from_origins[i]);
  Origins out(after.atoms.size(), k);
  for (std::size_t i = 0; i < after.atoms.size(); ++i) {
    if (!markdown::is_word(after.atoms[i])) continue;
    if (auto it = bag.find(after.atoms[i].text()); it != bag.end()) {
      out[i] = it->second;
      bag.erase(it);
    }
  }
  return out;
}

std::string draft_anchor(const diff::Section& s, const std::string& id) {
  return id.starts_with("para-") && id.find('_') == std::string::npos ? id : s.anchor;
}

}  // namespace

std::vector<std::vector<std::string>> paragraph_ids(const diff::DraftText& text) {
  std::vector<std::vector<std::string>> out(text.sections.size());
  std::unordered_set<int> numbered;
  std::size_t paragraphs = 0;
  for (const auto& sec : text.sections) paragraphs += sec.paragraphs.size();
  numbered.reserve(paragraphs);
  for (std::size_t s = 0; s < text.sections.size(); ++s) {
    const diff::Section& sec = text.sections[s];
    out[s].reserve(sec.paragraphs.size());
    for (std::size_t i = 0; i < sec.paragraphs.size(); ++i) {
      const diff::Paragraph& p = sec.paragraphs[i];
      // The first paragraph numbered N keeps para-N, as on the draft page; a second list
      // numbered from 1 would otherwise put one id on the page twice.
      if (p.number && numbered.insert(p.number).second) out[s].push_back(p.anchor());
      else out[s].push_back(sec.anchor + "_" + std::to_string(i + 1));
    }
  }
  return out;
}

std::string removed_id(const std::string& id_before) { return "was-" + id_before; }

std::vector<const ProvenanceEvent*> TextProvenance::history(const ParagraphProvenance& p) const {
  // The chain of parents (a split off a split ...), oldest first.
  std::vector<std::pair<std::size_t, std::size_t>> chain;  // (lineage, events taken)
  for (std::size_t l = p.lineage, n = p.events; l != ParagraphLineage::kNone;) {
    chain.emplace_back(l, n);
    n = lineages[l].parent_events;
    l = lineages[l].parent;
  }
  std::vector<const ProvenanceEvent*> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (std::size_t e = 0; e < it->second && e < lineages[it->first].events.size(); ++e)
      out.push_back(&lineages[it->first].events[e]);
  return out;
}

TextProvenance trace_provenance(const ComparedText& ct) {
  TextProvenance out;
  out.versions.resize(ct.versions.size());
  State prev;
  const std::vector<std::vector<std::string>>* prev_ids = nullptr;
  std::unordered_map<std::uint64_t, std::vector<Removed>> removed;  // by the paragraph's hash
  for (std::size_t k = 0; k < ct.versions.size(); ++k) {
    VersionProvenance& vp = out.versions[k];
    const auto& text = ct.versions[k].text;
    if (!text) {
      prev = State{};
      removed.clear();
      continue;
    }
    const auto v = static_cast<std::uint32_t>(k);
    vp.held = true;
    vp.ids = &ct.versions[k].ids;
    vp.words_from.assign(k + 1, 0);
    State cur;
    cur.text = &*text;
    cur.where = index_of(*text);
    cur.origins.resize(text->sections.size());
    vp.sections.resize(text->sections.size());
    for (std::size_t s = 0; s < text->sections.size(); ++s) {
      cur.origins[s].resize(text->sections[s].paragraphs.size());
      vp.sections[s].resize(text->sections[s].paragraphs.size());
    }
    std::vector<std::vector<bool>> done(text->sections.size());
    for (std::size_t s = 0; s < text->sections.size(); ++s) done[s].assign(text->sections[s].paragraphs.size(), false);

    const diff::Comparison* cmp = k > 0 && ct.with_previous[k] && prev.text ? &*ct.with_previous[k] : nullptr;
    vp.traced_from = cmp ? out.versions[k - 1].traced_from : k;
    auto event = [&](Kind kind, const diff::Paragraph& p, std::size_t s, std::size_t i, int was) {
      return ProvenanceEvent{kind, k, p.number, was, (*vp.ids)[s][i], false};
    };
    auto place = [&](const diff::Paragraph& p, std::size_t lineage, Origins origins) {
      auto [s, i] = cur.where.at(&p);
      vp.sections[s][i].lineage = lineage;
      vp.sections[s][i].events = out.lineages[lineage].events.size();
      cur.origins[s][i] = std::move(origins);
      done[s][i] = true;
    };
    auto new_lineage = [&](ProvenanceEvent first) {
      out.lineages.emplace_back();
      out.lineages.back().events.push_back(std::move(first));
      return out.lineages.size() - 1;
    };

    if (cmp) {
      for (const auto& sc : cmp->sections) {
        for (const ParagraphChange& c : sc.paragraphs) {
          if (c.kind == ParagraphChange::Kind::moved_away) continue;  // a marker; the paragraph is at its new place
          if (c.before && !prev.where.count(c.before)) continue;
          if (c.after && !cur.where.count(c.after)) continue;
          if (c.kind == ParagraphChange::Kind::removed) {
            auto [ps, pi] = prev.where.at(c.before);
            const ParagraphProvenance& from = out.versions[k - 1].sections[ps][pi];
            ProvenanceEvent e{Kind::removed, k, 0, c.before->number, removed_id((*prev_ids)[ps][pi]), false};
            out.lineages[from.lineage].events.push_back(std::move(e));
            removed[c.before->hash].push_back({from.lineage, std::move(prev.origins[ps][pi])});
            continue;
          }
          auto [s, i] = cur.where.at(c.after);
          if (c.kind == ParagraphChange::Kind::added) {
            if (c.split_from && prev.where.count(c.split_from)) {
              auto [ps, pi] = prev.where.at(c.split_from);
              const ParagraphProvenance& from = out.versions[k - 1].sections[ps][pi];
              out.lineages.emplace_back();
              ParagraphLineage& l = out.lineages.back();
              l.parent = from.lineage;
              l.parent_events = from.events;
              l.events.push_back(event(Kind::split_off, *c.after, s, i, c.split_from->number));
              place(*c.after, out.lineages.size() - 1,
                    through_split(*c.after, *c.split_from, prev.origins[ps][pi], v));
            } else if (auto it = removed.find(c.after->hash); it != removed.end() && !it->second.empty()) {
              Removed back = std::move(it->second.back());
              it->second.pop_back();
              out.lineages[back.lineage].events.push_back(event(Kind::restored, *c.after, s, i, 0));
              back.origins.resize(c.after->atoms.size(), v);
              place(*c.after, back.lineage, std::move(back.origins));
            } else {
              place(*c.after, new_lineage(event(Kind::introduced, *c.after, s, i, 0)), Origins(c.after->atoms.size(), v));
            }
            continue;
          }
          // The same paragraph in both versions, perhaps reworded, moved or renumbered.
          auto [ps, pi] = prev.where.at(c.before);
          const std::size_t lineage = out.versions[k - 1].sections[ps][pi].lineage;
          auto& events = out.lineages[lineage].events;
          if (c.kind == ParagraphChange::Kind::changed) events.push_back(event(Kind::reworded, *c.after, s, i, 0));
          if (c.moved) events.push_back(event(Kind::moved, *c.after, s, i, c.before->number));
          else if (c.renumbered) events.push_back(event(Kind::renumbered, *c.after, s, i, c.before->number));
          Origins origins = c.kind == ParagraphChange::Kind::changed
                                ? through_word_diff(c, prev.origins[ps][pi], v)
                                : prev.origins[ps][pi];  // copied: it may also be a split's source
          origins.resize(c.after->atoms.size(), v);
          place(*c.after, lineage, std::move(origins));
        }
      }
    }
    // Every paragraph no comparison accounts for (the first version, one after a version not
    // held) starts here.
    for (std::size_t s = 0; s < text->sections.size(); ++s)
      for (std::size_t i = 0; i < text->sections[s].paragraphs.size(); ++i) {
        if (done[s][i]) continue;
        const diff::Paragraph& p = text->sections[s].paragraphs[i];
        ProvenanceEvent first{cmp || k == 0 ? Kind::introduced : Kind::untraced, k, p.number, 0,
                              cmp ? (*vp.ids)[s][i] : draft_anchor(text->sections[s], (*vp.ids)[s][i]), !cmp};
        place(p, new_lineage(std::move(first)), Origins(p.atoms.size(), v));
      }
    // The word counts, from the origins.
    for (std::size_t s = 0; s < text->sections.size(); ++s)
      for (std::size_t i = 0; i < text->sections[s].paragraphs.size(); ++i) {
        const diff::Paragraph& p = text->sections[s].paragraphs[i];
        ParagraphProvenance& pp = vp.sections[s][i];
        const Origins& o = cur.origins[s][i];
        for (std::size_t a = 0; a < p.atoms.size(); ++a) {
          if (!markdown::is_word(p.atoms[a])) continue;
          ++pp.words;
          ++vp.words_from[o[a]];
          pp.newest = std::max<std::size_t>(pp.newest, o[a]);
        }
        vp.words += pp.words;
      }
    prev = std::move(cur);
    prev_ids = vp.ids;
  }
  return out;
}

}  // namespace travaux::compare
