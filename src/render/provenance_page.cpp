// Provenance pages: each paragraph of a version with the versions that introduced and changed
// it (docs/drafts-and-changes.md, "Provenance"; CONTENT-MODEL.md, "Output":
// drafts/<id>/provenance/index.html).
#include "render/provenance_page.h"

#include <algorithm>
#include <cstdio>

#include <tbb/parallel_for.h>

#include "compare/provenance.h"
#include "diff/inline_html.h"
#include "markdown/large_body.h"
#include "render/changes_page.h"
#include "render/provenance_paragraphs.h"
#include "text/escape.h"

namespace travaux::render {

namespace {

using compare::ProvenanceEvent;
using model::Document;

/// Eight shades, from the oldest version (darkest) to the newest: each version of a long text
/// takes the shade of its place between the first and this one. The paragraphs use the CSS
/// classes age-0 ... age-7 of the same shades (no inline style).
constexpr int kShades = 8;
int age_shade(std::size_t j, std::size_t k) {
  return k ? static_cast<int>((static_cast<double>(j) * (kShades - 1) + static_cast<double>(k) / 2) / static_cast<double>(k)) : 0;
}
std::string age_colour(int shade) {
  static const char* const kLightness[kShades] = {"26", "33", "40", "47", "53", "60", "67", "74"};
  return std::string("hsl(205 55% ") + kLightness[shade] + "%)";
}

const char* verb(ProvenanceEvent::Kind kind) {
  using K = ProvenanceEvent::Kind;
  switch (kind) {
    case K::introduced: return "Introduced in";
    case K::untraced: return "Traced back to";
    case K::split_off: return "Split off in";
    case K::reworded: return "Reworded in";
    case K::moved: return "Moved in";
    case K::renumbered: return "Renumbered in";
    case K::removed: return "Removed in";
    case K::restored: return "Restored in";
  }
  return "";
}

std::string detail(const ProvenanceEvent& e, bool inherited) {
  using K = ProvenanceEvent::Kind;
  const auto para = [](int n) { return "paragraph " + std::to_string(n); };
  if (inherited && e.kind != K::removed && e.number) return "in " + para(e.number);
  switch (e.kind) {
    case K::split_off: return e.was ? "from " + para(e.was) : "from another paragraph";
    case K::moved: return e.was && e.was != e.number ? "was " + std::to_string(e.was) : "";
    case K::renumbered: return "was " + std::to_string(e.was);
    case K::removed: return e.was ? "as " + para(e.was) : "";
    default: return "";
  }
}

/// The links of one page to each version's draft and changes pages, made once per page: a long
/// text has thousands of events, and each would otherwise walk the relative path again.
struct VersionLinks {
  std::vector<std::string> label_html, draft_url, changes_url;  // escaped
  VersionLinks(const PageLocation& at, const std::vector<const Document*>& docs) {
    for (const Document* d : docs) {
      label_html.push_back(text::escape_html(d->display_name()));
      draft_url.push_back(text::escape_html(at.url(d->url_folder + "/")));
      changes_url.push_back(text::escape_html(at.url(d->url_folder + "/changes/")));
    }
  }
};

/// "Introduced in Zero draft · Reworded in Rev 1, Rev 3 · Moved in Rev 4" as HTML (every text
/// escaped): the events in the order they happened, consecutive ones of one kind in one group,
/// each linked to the paragraph on the page that shows it. Written here rather than as
/// template data: a long text's page has tens of thousands of events.
std::string events_html(const VersionLinks& links, const std::vector<const ProvenanceEvent*>& events, std::size_t own) {
  std::string out;
  for (std::size_t n = 0; n < events.size(); ++n) {
    const ProvenanceEvent& e = *events[n];
    const bool same_group = n > 0 && events[n - 1]->kind == e.kind;
    if (!same_group) out += std::string(n ? "</span> " : "") + "<span class=\"ev\">" + verb(e.kind) + " ";
    else out += ", ";
    out += "<a href=\"" + (e.on_draft_page ? links.draft_url[e.version] : links.changes_url[e.version]) + "#" +
           text::escape_html(e.anchor) + "\">" + links.label_html[e.version] + "</a>";
    if (std::string d = detail(e, n + own < events.size()); !d.empty()) out += " (" + text::escape_html(d) + ")";
  }
  if (!events.empty()) out += "</span>";
  return out;
}

/// Rounded shares that add up to 100 (largest remainder); a share under 1% says so.
struct Share {
  std::size_t version;
  std::size_t words;
  std::string percent;
};

std::vector<Share> shares(const compare::VersionProvenance& vp) {
  std::vector<Share> out;
  std::vector<std::pair<std::size_t, std::size_t>> rest;  // (remainder, index)
  std::size_t given = 0;
  std::vector<std::size_t> pct;
  for (std::size_t j = 0; j < vp.words_from.size(); ++j) {
    if (!vp.words_from[j]) continue;
    const std::size_t scaled = vp.words_from[j] * 100;
    pct.push_back(scaled / vp.words);
    given += pct.back();
    rest.emplace_back(scaled % vp.words, out.size());
    out.push_back({j, vp.words_from[j], ""});
  }
  std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t n = 0; given < 100 && n < rest.size(); ++n, ++given) ++pct[rest[n].second];
  for (std::size_t n = 0; n < out.size(); ++n) out[n].percent = pct[n] ? std::to_string(pct[n]) + "%" : "under 1%";
  return out;
}

/// "20,288": English digit grouping.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural_words(std::size_t n) { return grouped(n) + (n == 1 ? " word" : " words"); }

/// Up to this many versions the line names each; beyond, the oldest, the newest and the three
/// largest in between (the list under the bar names them all).
constexpr std::size_t kNamedVersions = 5;

/// The line above the text: how much of it dates from each version.
std::string share_line(const std::vector<Share>& parts, const compare::VersionProvenance& vp,
                       const std::vector<const Document*>& docs, std::size_t k) {
  const std::string name = docs[k]->display_name();
  const auto label = [&](const Share& s) { return docs[s.version]->display_name(); };
  if (!vp.words) return name + " has no words to trace.";
  if (k == 0) return name + " is the first version: all its " + plural_words(vp.words) + " are new in it.";
  if (vp.traced_from == k)
    return "The text of " + docs[k - 1]->display_name() + " is not in the archive, so the " + plural_words(vp.words) +
           " of " + name + " are traced back no further than " + name + ".";
  std::string line = "Of its " + plural_words(vp.words) + ", ";
  if (parts.size() <= kNamedVersions) {
    for (std::size_t n = 0; n < parts.size(); ++n) {
      if (n) line += n + 1 == parts.size() ? " and " : ", ";
      if (parts[n].version == k) line += parts[n].percent + " are new in " + label(parts[n]);
      else line += parts[n].percent + (n ? " since " : " are unchanged since ") + label(parts[n]);
    }
  } else {
    const bool fresh = parts.back().version == k;
    line += parts.front().percent + " are unchanged since " + label(parts.front());
    if (fresh) line += " and " + parts.back().percent + " are new in " + name;
    std::vector<Share> middle(parts.begin() + 1, parts.end() - (fresh ? 1 : 0));
    const std::size_t between = middle.size();
    std::stable_sort(middle.begin(), middle.end(), [](const Share& a, const Share& b) { return a.words > b.words; });
    line += "; the rest date from " + std::to_string(between) + " versions " + (fresh ? "in between" : "after it") +
            ", most from ";
    for (std::size_t n = 0; n < 3; ++n)
      line += (n ? n == 2 ? " and " : ", " : "") + label(middle[n]) + " (" + middle[n].percent + ")";
  }
  if (vp.traced_from > 0)
    line += " (traced back to " + docs[vp.traced_from]->display_name() + ": the text of " +
            docs[vp.traced_from - 1]->display_name() + " is not in the archive)";
  return line + ".";
}

std::string fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

void add_chart(const PageLocation& at, const std::vector<Share>& parts, const compare::VersionProvenance& vp,
               const std::vector<const Document*>& docs, std::size_t k, Data& d) {
  std::vector<Data> segments, legend;
  std::size_t before = 0;
  for (const Share& s : parts) {
    Data seg;
    put(seg, "x", fixed(100.0 * static_cast<double>(before) / static_cast<double>(vp.words)));
    put(seg, "width", fixed(100.0 * static_cast<double>(s.words) / static_cast<double>(vp.words)));
    put(seg, "colour", age_colour(age_shade(s.version, k)));
    put(seg, "label", docs[s.version]->display_name());
    put(seg, "percent", s.percent);
    before += s.words;
    Data item = seg;
    put(item, "words", plural_words(s.words));
    put(item, "url", at.url(docs[s.version]->url_folder + "/provenance/"));
    if (s.version == k) put(item, "current", true);
    segments.push_back(std::move(seg));
    legend.push_back(std::move(item));
  }
  // Past the versions the line names, the full list is folded: the line has said the most.
  if (parts.size() > kNamedVersions)
    put(d, "fold_legend", "The words of each of the " + std::to_string(parts.size()) + " versions they date from");
  set_list(d, "segments", list_of(std::move(segments)));
  set_list(d, "legend", list_of(std::move(legend)));
}

Data held_sections(const RenderInput& in, const PageLocation& at, const compare::TextProvenance& tp,
                   const diff::DraftText& text, const std::vector<const Document*>& docs, std::size_t k,
                   HeldHtml& page_held) {
  const compare::VersionProvenance& vp = tp.versions[k];
  const diff::UrlFor url_for = draft_url_for(in, *docs[k], at);
  const VersionLinks links(at, docs);
  std::vector<Data> sections;
  sections.reserve(text.sections.size());
  for (std::size_t s = 0; s < text.sections.size(); ++s) {
    const diff::Section& sec = text.sections[s];
    Data sd;
    put(sd, "anchor", sec.anchor);
    std::string title = diff::title_html(sec, url_for);
    if (title.empty()) title = text::escape_html(anchor_label(sec.anchor));
    put(sd, "title_html", title);
    put(sd, "history_url", at.url(history_folder(in, *docs[k]) + "/" + sec.anchor + "/"));
    ProvenanceParagraphs paras(in.theme, at);
    for (std::size_t i = 0; i < sec.paragraphs.size(); ++i) {
      const diff::Paragraph& p = sec.paragraphs[i];
      const compare::ParagraphProvenance& pp = vp.sections[s][i];
      const std::string number = p.number ? std::to_string(p.number) : std::string();
      const std::string age = std::to_string(age_shade(pp.newest, k));
      const std::string events = events_html(links, tp.history(pp), pp.events);
      if (const auto held = diff::held_html(p)) {
        paras.add({(*vp.ids)[s][i], age, number, held->html, events, true, held->from_root});
      } else {
        const std::string made = diff::plain_html(p, url_for);
        paras.add({(*vp.ids)[s][i], age, number, made, events});
      }
    }
    if (!paras.empty()) put(sd, "has_paragraphs", true);
    put(sd, "paragraphs_html", page_held.hold(paras.take()));
    sections.push_back(std::move(sd));
  }
  return list_of(std::move(sections));
}

std::string render_one(const RenderInput& in, const compare::ComparedText& ct, const compare::TextProvenance& tp,
                       const std::vector<const Document*>& docs, std::size_t k, std::string& file) {
  const Document& doc = *docs[k];
  Page page;
  page.at = {doc.url_folder + "/provenance", in.archive.config.pretty_urls};
  page.template_name = "provenance.html";
  page.title = "Where each paragraph of " + doc.display_name() + " comes from";
  page.section = "drafts";
  page.crumbs = {{"Drafts", "drafts/"}, {doc.display_name(), doc.url_folder + "/"}};
  page.description = "The version of the text that introduced each paragraph of " + doc.display_name() +
                     ", and every version that changed it.";
  Data& d = page.data;
  put(d, "title", page.title);
  put(d, "draft", doc_ref(in, page.at, doc));
  if (k > 0) put(d, "changes_url", page.at.url(doc.url_folder + "/changes/"));
  std::vector<Data> strip;
  strip.reserve(docs.size());
  for (std::size_t j = 0; j < docs.size(); ++j) {
    Data item = doc_ref(in, page.at, *docs[j]);
    put(item, "url", page.at.url(docs[j]->url_folder + "/provenance/"));
    if (j == k) put(item, "current", true);
    strip.push_back(std::move(item));
  }
  set_list(d, "chain", list_of(std::move(strip)));
  const compare::VersionProvenance& vp = tp.versions[k];
  if (vp.held && ct.versions[k].text) {
    put(d, "held", true);
    const std::vector<Share> parts = shares(vp);
    put(d, "share_line", share_line(parts, vp, docs, k));
    if (vp.words) add_chart(page.at, parts, vp, docs, k, d);
    d["sections"] = held_sections(in, page.at, tp, *ct.versions[k].text, docs, k, page.held);
  } else {
    add_sources(in, page.at, k > 0 ? docs[k - 1] : nullptr, doc, d);
  }
  file = page.at.file();
  return render_page(in, std::move(page));
}

}  // namespace

void render_provenance_pages(const RenderInput& in, const compare::ComparedText& ct, PageSink& out) {
  // The text traced once, then its versions' pages in parallel; `out` takes them in any order.
  const compare::TextProvenance tp = compare::trace_provenance(ct);
  std::vector<const Document*> docs;
  for (const auto& v : ct.versions) docs.push_back(v.doc);
  tbb::parallel_for(std::size_t{0}, docs.size(), [&](std::size_t k) {
    const markdown::LargeBodyTurn turn(ct.largest_body());
    std::string file;
    std::string bytes = render_one(in, ct, tp, docs, k, file);
    out.add(std::move(file), std::move(bytes));
  });
}

}  // namespace travaux::render
