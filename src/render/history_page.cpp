// History pages: one section or objective through every draft version (docs/drafts-and-changes.md;
// CONTENT-MODEL.md, "Output": history/<anchor>/index.html).
#include "render/history_page.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

#include "diff/compare.h"
#include "diff/inline_html.h"
#include "markdown/large_body.h"
#include "render/changes_page.h"
#include "render/paragraph_list.h"
#include "render/version_list.h"

#include <tbb/parallel_for.h>

namespace travaux::render {

namespace {

using model::Document;

/// One text's versions in chain order with their sections and the comparisons between
/// neighbours, all made by the comparison stage; and, per version, which change concerns
/// each section (found once, not per part and version).
struct Versions {
  std::vector<const Document*> docs;
  std::vector<const diff::DraftText*> texts;            // nullptr: text not held
  std::vector<const diff::Comparison*> with_previous;   // [k]: docs[k-1] -> docs[k]
  std::vector<std::map<const diff::Section*, const diff::SectionChange*>> change_of_new;  // by after
  std::vector<std::map<const diff::Section*, const diff::SectionChange*>> removal_of_old;  // by before
  std::string folder;  // "history" or "history/<text>"
};

Versions versions_of(const compare::ComparedText& ct) {
  Versions v;
  v.folder = ct.text->history_folder;
  for (std::size_t k = 0; k < ct.versions.size(); ++k) {
    v.docs.push_back(ct.versions[k].doc);
    v.texts.push_back(ct.versions[k].text ? &*ct.versions[k].text : nullptr);
    v.with_previous.push_back(ct.with_previous[k] ? &*ct.with_previous[k] : nullptr);
    v.change_of_new.emplace_back();
    v.removal_of_old.emplace_back();
    if (!v.with_previous[k]) continue;
    for (const auto& sc : v.with_previous[k]->sections) {
      if (sc.after) v.change_of_new[k].emplace(sc.after, &sc);
      else if (sc.before) v.removal_of_old[k].emplace(sc.before, &sc);
    }
  }
  return v;
}

/// A section (or objective) as one thing across versions: the (version, anchor) pairs it
/// appears as, joined by anchor and by the comparison of neighbouring versions.
struct Lineage {
  std::set<std::string> anchors;
  std::string main_anchor;                        // its anchor in the latest version that has it
  std::map<std::size_t, const diff::Section*> sections;  // version -> held section
  std::set<std::size_t> declared;                 // versions not held that have this anchor
};

class UnionFind {
 public:
  std::size_t add() {
    parent_.push_back(parent_.size());
    return parent_.size() - 1;
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

/// Anchors other documents name in each draft (objective-7, preamble), paragraphs aside:
/// one pass over every reference, whatever the number of drafts.
using NamedAnchors = std::map<std::string, std::set<std::string>, std::less<>>;
NamedAnchors named_anchors(const RenderInput& in) {
  NamedAnchors out;
  for (const auto& ld : in.linked.documents)
    for (const auto& r : ld.references)
      if (!r.anchor.empty() && !r.anchor.starts_with("para-")) out[r.to_id].insert(r.anchor);
  return out;
}

std::vector<Lineage> lineages(const NamedAnchors& named, const Versions& v) {
  struct Node {
    std::size_t version;
    std::string anchor;
    const diff::Section* section;
  };
  std::vector<Node> nodes;
  std::map<std::pair<std::size_t, std::string>, std::size_t> index;
  UnionFind uf;
  auto add = [&](std::size_t k, const std::string& anchor, const diff::Section* s) {
    if (index.emplace(std::pair{k, anchor}, nodes.size()).second) {
      nodes.push_back({k, anchor, s});
      uf.add();
    }
  };
  // Latest version first, so lineages come out in the reading order of the newest text.
  for (std::size_t k = v.docs.size(); k-- > 0;) {
    if (v.texts[k]) {
      for (const auto& s : v.texts[k]->sections) add(k, s.anchor, &s);
      continue;
    }
    if (v.docs[k]->objectives)
      for (int i = 1; i <= *v.docs[k]->objectives; ++i) add(k, "objective-" + std::to_string(i), nullptr);
    if (auto it = named.find(v.docs[k]->id); it != named.end())
      for (const auto& a : it->second) add(k, a, nullptr);
  }
  std::map<std::string, std::size_t> first_with_anchor;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    auto [it, fresh] = first_with_anchor.emplace(nodes[n].anchor, n);
    if (!fresh) uf.join(it->second, n);
  }
  for (std::size_t k = 1; k < v.docs.size(); ++k) {
    if (!v.with_previous[k]) continue;
    for (const auto& sc : v.with_previous[k]->sections)
      if (sc.before && sc.after) uf.join(index.at({k - 1, sc.before->anchor}), index.at({k, sc.after->anchor}));
  }
  std::map<std::size_t, std::size_t> group_of_root;
  std::vector<Lineage> out;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    auto [it, fresh] = group_of_root.emplace(uf.find(n), out.size());
    if (fresh) {
      out.emplace_back();
      out.back().main_anchor = nodes[n].anchor;
    }
    Lineage& l = out[it->second];
    l.anchors.insert(nodes[n].anchor);
    if (nodes[n].section) l.sections.emplace(nodes[n].version, nodes[n].section);
    else l.declared.insert(nodes[n].version);
  }
  return out;
}

std::string lineage_title(const Lineage& l, const Versions& v) {
  for (std::size_t k = v.docs.size(); k-- > 0;)
    if (auto it = l.sections.find(k); it != l.sections.end()) return section_label(*it->second);
  return anchor_label(l.main_anchor);
}

/// A part as it stands in `doc`, its paragraphs unmarked.
void plain_section(const RenderInput& in, const PageLocation& at, const diff::Section& s, const Document& doc,
                   VersionEntry& e) {
  ParagraphList paras(in.theme, at);
  std::optional<diff::UrlFor> url_for;  // made for the first paragraph not held, if any
  for (const auto& p : s.paragraphs) {
    const std::string number = p.number ? std::to_string(p.number) : std::string();
    if (const auto held = diff::held_html(p)) {
      paras.add({"same", "", number, "", "", "", held->html, true, held->from_root});
      continue;
    }
    if (!url_for) url_for = draft_url_for(in, doc, at);
    const std::string made = diff::plain_html(p, *url_for);
    paras.add({"same", "", number, "", "", "", made});
  }
  e.has_section = true;
  e.has_paragraphs = !paras.empty();
  e.paragraphs = paras.take();
}

/// The paragraphs of one version's change to a part, all that a history page shows of it.
void change_section(const RenderInput& in, const PageLocation& at, const diff::SectionChange& change,
                    const Document& before, const Document& after, VersionEntry& e) {
  ParagraphList paras = change_paragraphs(in, at, change, before, after, nullptr);
  e.has_section = true;
  e.has_paragraphs = !paras.empty();
  e.paragraphs = paras.take();
}

/// Where version `k` stands to a part: its section there, the change that concerns it, and
/// which run of like versions it may join. A part unchanged over many versions, or missing
/// from many (a 35-version text), would otherwise be as many entries saying the same thing.
struct VersionPlace {
  enum class Fold { none, unchanged, absent };
  const diff::Section* section = nullptr;
  const diff::SectionChange* change = nullptr;
  Fold fold = Fold::none;
};

VersionPlace place_in(const Lineage& l, const Versions& v, std::size_t k) {
  using Fold = VersionPlace::Fold;
  VersionPlace p;
  const auto it = l.sections.find(k);
  if (it != l.sections.end()) p.section = it->second;
  if (v.with_previous[k]) {
    if (p.section) {
      if (auto c = v.change_of_new[k].find(p.section); c != v.change_of_new[k].end()) p.change = c->second;
    } else if (auto prev = l.sections.find(k - 1); prev != l.sections.end()) {
      if (auto c = v.removal_of_old[k].find(prev->second); c != v.removal_of_old[k].end()) p.change = c->second;
    }
  }
  const Document& doc = *v.docs[k];
  if (p.section && p.change && p.change->before && !p.change->changed() && !p.change->title_changed &&
      !p.change->renamed)
    p.fold = Fold::unchanged;
  else if (!p.section && !p.change && !l.declared.count(k) &&
           !(!doc.full_text && doc.objectives && l.main_anchor.starts_with("objective-")))
    p.fold = Fold::absent;
  return p;
}

/// Versions [first, end) of one kind (VersionPlace::Fold) as one entry: the first and the last,
/// and each of them linked.
VersionEntry run_entry(const PageLocation& at, const Versions& v, std::size_t first, std::size_t end,
                       const std::vector<VersionPlace>& places) {
  const bool unchanged = places[first].fold == VersionPlace::Fold::unchanged;
  VersionEntry e;
  e.run = true;
  e.absent = !unchanged;
  e.first = VersionRef(at, *v.docs[first]);
  e.last = VersionRef(at, *v.docs[end - 1]);
  const std::string n = std::to_string(end - first);
  e.status = unchanged ? "Unchanged from " + v.docs[first - 1]->display_name() + " in these " + n + " versions:"
                       : "Not in these " + n + " versions:";
  e.members.reserve(end - first);
  for (std::size_t k = first; k < end; ++k)
    e.members.emplace_back(v.docs[k]->display_name(),
                           at.url(v.docs[k]->url_folder + "/" + (unchanged ? "#" + places[k].section->anchor : std::string())));
  return e;
}

VersionEntry version_entry(const RenderInput& in, const PageLocation& at, const Lineage& l, const Versions& v,
                           std::size_t k, const VersionPlace& place) {
  const Document& doc = *v.docs[k];
  VersionEntry e;
  e.draft = VersionRef(at, doc);
  const diff::SectionChange* change = place.change;
  if (place.section) {
    const diff::Section& s = *place.section;
    e.present = true;
    e.url = at.url(doc.url_folder + "/#" + s.anchor);
    e.provenance_url = at.url(doc.url_folder + "/provenance/#" + s.anchor);
    if (change && change->before) {
      // A version that changed nothing repeats the text above it: one line says so, and the
      // history reads as its changes (a part of a 35-version text is otherwise 35 copies).
      const bool same = !change->changed() && !change->title_changed;
      if (!same) change_section(in, at, *change, *v.docs[k - 1], doc, e);
      e.status = !same ? "Changes from " + v.docs[k - 1]->display_name() + ": " + counts_text(change->counts) + "."
                       : "Unchanged from " + v.docs[k - 1]->display_name() + ".";
      if (change->renamed) e.renamed = "Renamed; it was “" + section_label(*change->before) + "”.";
    } else {
      // New here (or not compared): its text as it stands, not a wall of insertions.
      plain_section(in, at, s, doc, e);
      if (change) e.status = "New in this version.";
      else if (k > 0 && !v.texts[k - 1]) e.status = "Not compared: the text of " + v.docs[k - 1]->display_name() + " is not in the archive.";
    }
    e.heading = section_label(s);
  } else if (change) {
    e.status = "Removed in this version. The text it had in " + v.docs[k - 1]->display_name() + ":";
    change_section(in, at, *change, *v.docs[k - 1], doc, e);
  } else if (l.declared.count(k)) {
    e.not_held = true;
    e.url = at.url(doc.url_folder + "/");  // a page without the text has no such id
    e.provenance_url = at.url(doc.url_folder + "/provenance/");
    e.status = "The text of this version is not in the archive.";
  } else {
    e.status = "Not in this version.";
    if (!doc.full_text && doc.objectives && l.main_anchor.starts_with("objective-"))
      e.status = "Not in this version, which has " + std::to_string(*doc.objectives) + " objectives.";
    e.absent = true;
  }
  return e;
}

/// References from letters and other documents to drafts of one text, by anchor: built once
/// per text, so each part's page reads only its own.
struct Mention {
  const Document* from;
  const link::Reference* ref;
  const Document* to;
};
using MentionsByAnchor = std::map<std::string, std::vector<Mention>, std::less<>>;

/// Every reference with an anchor from a letter or other document, by the document it names,
/// in document order then reference order: made once for all texts (a scan of the archive per
/// text made history pages grow with texts x documents).
using MentionsOfDocument = std::unordered_map<const Document*, std::vector<Mention>>;
MentionsOfDocument anchored_mentions(const RenderInput& in) {
  MentionsOfDocument out;
  for (std::size_t i = 0; i < in.archive.documents.size(); ++i) {
    const Document& from = in.archive.documents[i];
    if (from.kind != model::Kind::letter && from.kind != model::Kind::document) continue;
    for (const auto& r : in.linked.documents[i].references) {
      if (r.anchor.empty()) continue;
      if (const Document* to = in.archive.find(r.to_id)) out[to].push_back({&from, &r, to});
    }
  }
  return out;
}

MentionsByAnchor mentions_by_anchor(const MentionsOfDocument& anchored, const Versions& v) {
  std::vector<Mention> all;
  for (const Document* d : v.docs)
    if (auto it = anchored.find(d); it != anchored.end()) all.insert(all.end(), it->second.begin(), it->second.end());
  // Document order, then reference order, as one pass over the documents gives.
  std::stable_sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
    return a.from != b.from ? a.from < b.from : a.ref < b.ref;
  });
  MentionsByAnchor out;
  for (const Mention& m : all) out[m.ref->anchor].push_back(m);
  return out;
}

/// Every reference from a letter or other document to any version of this part.
Data mentions(const RenderInput& in, const PageLocation& at, const Lineage& l, const MentionsByAnchor& by_anchor) {
  std::vector<Mention> found;
  for (const auto& a : l.anchors)
    if (auto it = by_anchor.find(a); it != by_anchor.end()) found.insert(found.end(), it->second.begin(), it->second.end());
  // Document order, then reference order, as one pass over the documents would give.
  std::stable_sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    return a.from != b.from ? a.from < b.from : a.ref < b.ref;
  });
  std::vector<std::pair<const Document*, Data>> items;
  items.reserve(found.size());  // a Data is copied, not moved, when the vector grows
  std::set<std::pair<const Document*, std::string>> seen;
  for (const Mention& m : found) {
    const auto& r = *m.ref;
    if (!seen.insert({m.from, r.to_id + "#" + r.anchor + r.context}).second) continue;
    Data d = doc_ref(in, at, *m.from);
    put(d, "context", r.context);
    put(d, "draft_label", m.to->display_name());
    put(d, "draft_url", at.url(m.to->url_folder + "/" + (m.to->full_text ? "#" + r.anchor : std::string())));
    items.emplace_back(m.from, std::move(d));
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->date, a.first->id) < std::tie(b.first->date, b.first->id);
  });
  std::vector<Data> list;
  list.reserve(items.size());
  for (auto& [doc, d] : items) list.push_back(std::move(d));
  return list_of(std::move(list));
}

}  // namespace

namespace {

/// The pages of one text's parts; returns the index entries.
std::vector<HistoryIndexItem> render_text_history(const RenderInput& in, const compare::ComparedText& ct,
                                      const NamedAnchors& named, const MentionsOfDocument& anchored,
                                      PageSink& out) {
  const Versions v = versions_of(ct);
  const std::vector<Lineage> all = lineages(named, v);
  const MentionsByAnchor by_anchor = mentions_by_anchor(anchored, v);
  const bool pretty = in.archive.config.pretty_urls;
  std::vector<HistoryIndexItem> index_items;
  index_items.reserve(all.size());
  for (const Lineage& l : all) {
    const std::size_t present = l.sections.size() + l.declared.size();
    index_items.push_back({lineage_title(l, v), PageLocation{"history", pretty}.url(v.folder + "/" + l.main_anchor + "/"),
                           std::to_string(present) + " of " + std::to_string(v.docs.size()) + " versions"});
  }
  // Every part's pages in parallel; `out` takes them in any order.
  tbb::parallel_for(std::size_t{0}, all.size(), [&](std::size_t n) {
    const Lineage& l = all[n];
    const markdown::LargeBodyTurn turn(ct.largest_body());
    const std::string title = lineage_title(l, v);
    for (const std::string& anchor : l.anchors) {
      Page page;
      page.at = {v.folder + "/" + anchor, pretty};
      page.template_name = "history.html";
      page.title = "History of " + title;
      page.section = "drafts";
      page.crumbs = {{"Drafts", "drafts/"}, {"History", "history/"}};
      page.description = title + " in every version of " + (ct.text->principal ? "the draft" : "text " + ct.text->id) + ".";
      Data& d = page.data;
      put(d, "title", page.title);
      put(d, "heading", title);
      std::vector<Data> names;
      for (const auto& a : l.anchors)
        if (a != anchor) {
          Data nd;
          put(nd, "name", a);
          put(nd, "url", page.at.url(v.folder + "/" + a + "/"));
          names.push_back(std::move(nd));
        }
      set_list(d, "other_names", list_of(std::move(names)));
      VersionList versions(in.theme, page.at);
      std::vector<VersionPlace> places;
      places.reserve(v.docs.size());
      for (std::size_t k = 0; k < v.docs.size(); ++k) places.push_back(place_in(l, v, k));
      for (std::size_t k = 0; k < v.docs.size();) {
        std::size_t end = k + 1;
        if (places[k].fold != VersionPlace::Fold::none)
          while (end < v.docs.size() && places[end].fold == places[k].fold) ++end;
        if (end - k > 1) versions.add(run_entry(page.at, v, k, end, places));
        else versions.add(version_entry(in, page.at, l, v, k, places[k]));
        k = end;
      }
      put(d, "versions_html", page.held.hold(versions.take()));
      set_list(d, "mentions", mentions(in, page.at, l, by_anchor));
      std::string file = page.at.file();
      out.add(std::move(file), render_page(in, std::move(page)));
    }
  });
  return index_items;
}

}  // namespace

struct HistoryPages::Lookups {
  NamedAnchors named;
  MentionsOfDocument anchored;
};

HistoryPages::HistoryPages(const RenderInput& in)
    : in_(in),
      lookups_(std::make_unique<Lookups>(Lookups{named_anchors(in), anchored_mentions(in)})),
      items_(in.linked.drafts.texts().size()) {}

HistoryPages::~HistoryPages() = default;

const std::vector<HistoryIndexItem>& HistoryPages::render_text(const compare::ComparedText& ct, std::size_t t, PageSink& out) {
  return items_.at(t) = render_text_history(in_, ct, lookups_->named, lookups_->anchored, out);
}

void HistoryPages::reuse_text(std::size_t t, std::vector<HistoryIndexItem> items) { items_.at(t) = std::move(items); }

void HistoryPages::render_index(PageSink& out) {
  const auto& texts = in_.linked.drafts.texts();
  std::vector<Data> groups;
  groups.reserve(texts.size());
  bool any = false;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    any = any || !items_[t].empty();
    Data g;
    put(g, "text", texts[t].id);
    if (texts.size() > 1) put(g, "named", true);
    std::vector<Data> parts;
    parts.reserve(items_[t].size());
    for (auto& item : items_[t]) {
      Data d;
      put(d, "title", std::move(item.title));
      put(d, "url", std::move(item.url));
      put(d, "versions", std::move(item.versions));
      parts.push_back(std::move(d));
    }
    set_list(g, "parts", list_of(std::move(parts)));
    groups.push_back(std::move(g));
  }
  if (!any) return;
  const RenderInput& in = in_;
  Page index;
  index.at = {"history", in.archive.config.pretty_urls};
  index.template_name = "history.html";
  index.title = "Sections and objectives across versions";
  index.section = "drafts";
  index.crumbs = {{"Drafts", "drafts/"}};
  put(index.data, "title", index.title);
  put(index.data, "is_index", true);
  set_list(index.data, "texts", list_of(std::move(groups)));
  const std::string file = index.at.file();
  out.add(file, render_page(in, std::move(index)));
}

}  // namespace travaux::render
