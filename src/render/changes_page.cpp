// Changes pages: a draft against the version it supersedes (docs/drafts-and-changes.md; CONTENT-MODEL.md,
// "Output": drafts/<id>/changes/index.html).
#include "render/changes_page.h"

#include <algorithm>
#include <map>
#include <set>

#include <tbb/parallel_for.h>

#include "compare/provenance.h"
#include "markdown/large_body.h"
#include "markdown/markdown.h"
#include "render/paragraph_list.h"
#include "render/section_list.h"
#include "text/escape.h"

namespace travaux::render {

namespace {

using diff::ParagraphChange;
using text::escape_html;
using model::Document;

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Normalizes "a/b/../c" and joins a relative path onto the folder of `from`.
std::string join(const std::string& from, const std::string& rel) {
  std::vector<std::string> parts;
  std::string path = rel.starts_with('/') ? rel.substr(1) : from.substr(0, from.rfind('/') + 1) + rel;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t s = path.find('/', at);
    std::string seg = path.substr(at, s == std::string::npos ? std::string::npos : s - at);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    if (s == std::string::npos) break;
    at = s + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string paragraph_ref(const diff::Paragraph& p) {
  return p.number ? "paragraph " + std::to_string(p.number) : std::string("an unnumbered paragraph");
}

std::string link_html(const std::string& href, const std::string& text) {
  return "<a href=\"" + escape_html(href) + "\">" + escape_html(text) + "</a>";
}

void add_paragraph(ParagraphList& list, const PageLocation& at, const ParagraphChange& c,
                   const Document& before, const Document& after, const diff::SectionChange& sc,
                   const ParagraphIds* ids, const diff::UrlFor& url_for) {
  using K = ParagraphChange::Kind;
  const diff::Paragraph& shown = c.after && c.kind != K::moved_away ? *c.after : *c.before;
  const std::string number = shown.number ? std::to_string(shown.number) : std::string();
  const std::string was = c.renumbered ? std::to_string(c.before->number) : std::string();
  std::string cls, badge, note;
  const auto before_url = [&](const diff::Paragraph& p) {
    return at.url(before.url_folder + "/" + (p.number ? "#" + p.anchor() : ""));
  };
  const auto after_url = [&](const diff::Paragraph& p) { return at.url(after.url_folder + "/#" + p.anchor()); };
  const auto in_other_section = [&](const diff::Section* s) {
    const diff::Section* here = sc.after ? sc.after : sc.before;
    return s && s != here && s != sc.before ? " in " + section_label(*s) : std::string();
  };
  switch (c.kind) {
    case K::unchanged: cls = "same"; badge = c.renumbered ? "Renumbered" : "Unchanged"; break;
    case K::changed: cls = "changed"; badge = "Changed"; break;
    case K::added:
      cls = "added";
      badge = c.split_from ? "Split" : "Added";
      if (c.split_from)
        note = "Split from " + link_html(before_url(*c.split_from), paragraph_ref(*c.split_from) + " of " + before.display_name()) + ".";
      break;
    case K::removed:
      cls = "removed";
      badge = c.merged_into ? "Merged" : "Removed";
      if (c.merged_into)
        note = "Merged into " + (c.merged_into->number ? link_html(after_url(*c.merged_into), paragraph_ref(*c.merged_into))
                                                      : std::string("another paragraph")) + ".";
      break;
    case K::moved_away:
      cls = "moved-away";
      badge = "Moved";
      note = "This was " + paragraph_ref(*c.before) + "; it now stands as " +
             (c.after->number ? link_html(after_url(*c.after), paragraph_ref(*c.after)) : std::string("a paragraph")) +
             escape_html(in_other_section(c.after_section)) + ".";
      break;
  }
  if (c.moved && (c.kind == K::changed || c.kind == K::unchanged)) {
    cls += " moved";
    badge = c.kind == K::changed ? "Moved and changed" : "Moved";
    note = "Moved from " + link_html(before_url(*c.before), paragraph_ref(*c.before) + " of " + before.display_name()) +
           escape_html(c.before_section != sc.before ? in_other_section(c.before_section) : std::string()) + ".";
  }
  // Every paragraph has an id, so a provenance page can point at it (docs/drafts-and-changes.md,
  // "Provenance"); the moved-away marker has none: the paragraph is at its new place.
  const std::string id = ids && c.kind != K::moved_away ? ids->of(c.after ? c.after : c.before, c.after != nullptr)
                                                        : std::string();
  std::string made;
  ParagraphRow row{cls, id, number, was, badge, note, std::nullopt};
  if (c.kind != K::moved_away) {
    if (const auto held = diff::held_html(c)) {
      row.html = held->html;
      row.html_lasts = true;
      row.html_from_root = held->from_root;
    } else {
      row.html = made = diff::inline_html(c, url_for);
    }
  }
  list.add(row);
}

}  // namespace

std::string anchor_label(const std::string& anchor) {
  if (anchor == "opening") return "Opening text";
  std::string out = anchor;
  std::replace(out.begin(), out.end(), '-', ' ');
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string history_folder(const RenderInput& in, const Document& draft) {
  const model::NegotiatedText* text = in.linked.drafts.text_of(draft);
  return text ? text->history_folder : std::string("history");
}

std::string section_label(const diff::Section& s) { return s.title.empty() ? anchor_label(s.anchor) : s.title; }

std::string counts_text(const diff::Counts& c) {
  std::vector<std::string> parts;
  if (c.added) parts.push_back(std::to_string(c.added) + " added");
  if (c.removed) parts.push_back(std::to_string(c.removed) + " removed");
  if (c.changed) parts.push_back(std::to_string(c.changed) + " changed");
  if (c.moved) parts.push_back(std::to_string(c.moved) + " moved");
  if (c.moved_out) parts.push_back(std::to_string(c.moved_out) + " moved to another section");
  if (c.split) parts.push_back(std::to_string(c.split) + " split off");
  if (c.merged) parts.push_back(std::to_string(c.merged) + " merged");
  if (c.renumbered) parts.push_back(std::to_string(c.renumbered) + " renumbered");
  if (parts.empty()) return "no change";
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

diff::UrlFor draft_links_from_root(const RenderInput& in, const Document& draft) {
  return [&in, &draft](const std::string& url) -> std::string {
    if (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:")) return url;
    const std::string scheme(link::kInternalScheme);
    if (url.starts_with("#")) return scheme + draft.url_folder + "/" + url;
    const auto hash = url.find('#');
    const std::string path = url.substr(0, hash), frag = hash == std::string::npos ? "" : url.substr(hash);
    if (url.starts_with("@")) {
      const Document* t = in.archive.find(path.substr(1));
      return t ? scheme + t->url_folder + "/" + frag : "";
    }
    const std::string joined = join(draft.source_path, path);
    if (joined.ends_with(".md")) {
      const auto it = in.by_source_path.find(joined);
      return it == in.by_source_path.end() ? "" : scheme + it->second->url_folder + "/" + frag;
    }
    if (joined.starts_with("static/")) return scheme + joined.substr(7);
    return "";
  };
}

diff::UrlFor draft_url_for(const RenderInput& in, const Document& draft, const PageLocation& at) {
  return [from_root = draft_links_from_root(in, draft), at](const std::string& url) -> std::string {
    std::string href = from_root(url);
    if (href.starts_with(link::kInternalScheme)) return at.url(std::string_view(href).substr(link::kInternalScheme.size()));
    return href;
  };
}

ParagraphIds::Version::Version(const compare::Version& v) : ids(&v.ids) {
  const diff::DraftText& text = *v.text;
  starts.reserve(text.sections.size());
  for (std::size_t s = 0; s < text.sections.size(); ++s)
    if (!text.sections[s].paragraphs.empty()) starts.emplace_back(text.sections[s].paragraphs.data(), s);
  std::sort(starts.begin(), starts.end(), [](const auto& a, const auto& b) { return std::less<>()(a.first, b.first); });
}

const std::string* ParagraphIds::Version::of(const diff::Paragraph* p) const {
  auto it = std::upper_bound(starts.begin(), starts.end(), p,
                             [](const diff::Paragraph* x, const auto& start) { return std::less<>()(x, start.first); });
  if (it == starts.begin()) return nullptr;
  --it;
  const auto& section = (*ids)[it->second];
  const std::size_t i = static_cast<std::size_t>(p - it->first);
  return i < section.size() ? &section[i] : nullptr;
}

ParagraphIds::ParagraphIds(const compare::Version& before, const compare::Version& after)
    : before_(before), after_(after) {}

std::string ParagraphIds::of(const diff::Paragraph* p, bool of_after) const {
  if (of_after) {
    const std::string* id = after_.of(p);
    return id ? *id : std::string();
  }
  const std::string* id = before_.of(p);
  return id ? compare::removed_id(*id) : std::string();
}

ParagraphIds changes_page_ids(const compare::ComparedText& ct, std::size_t k) {
  if (k == 0 || k >= ct.versions.size() || !ct.versions[k - 1].text || !ct.versions[k].text) return {};
  return ParagraphIds(ct.versions[k - 1], ct.versions[k]);
}

SectionBlock section_block(const RenderInput& in, const PageLocation& at, const diff::SectionChange& sc,
                           const Document& before, const Document& after, const ParagraphIds* ids) {
  SectionBlock b;
  b.anchor = sc.anchor();
  b.title_html = diff::title_html(sc, draft_url_for(in, sc.after ? after : before, at));
  if (b.title_html.empty()) b.title_html = escape_html(anchor_label(sc.anchor()));
  b.status = !sc.before ? "added" : !sc.after ? "removed" : sc.changed() ? "changed" : "unchanged";
  if (!sc.before) b.note = "New in " + after.display_name() + ".";
  if (!sc.after) b.note = "Removed: not in " + after.display_name() + ".";
  if (sc.renamed) b.note = "Renamed; it was “" + section_label(*sc.before) + "”.";
  else if (sc.title_changed) b.note = "Heading reworded.";
  std::size_t n = 0;
  for (const auto& p : sc.paragraphs) n += p.kind != ParagraphChange::Kind::moved_away;
  b.summary = b.status == "unchanged" ? "unchanged, " + plural(static_cast<int>(n), "paragraph", "paragraphs") +
                                            (sc.counts.renumbered ? " (" + std::to_string(sc.counts.renumbered) + " renumbered)" : "")
                                      : counts_text(sc.counts);
  b.history_url = at.url(history_folder(in, after) + "/" + sc.anchor() + "/");
  ParagraphList paras = change_paragraphs(in, at, sc, before, after, ids);
  b.has_paragraphs = !paras.empty();
  b.paragraphs = paras.take();
  return b;
}

ParagraphList change_paragraphs(const RenderInput& in, const PageLocation& at, const diff::SectionChange& sc,
                                const Document& before, const Document& after, const ParagraphIds* ids) {
  ParagraphList paras(in.theme, at);
  // A paragraph's links are written as its own version writes them.
  const diff::UrlFor before_links = draft_url_for(in, before, at), after_links = draft_url_for(in, after, at);
  for (const auto& p : sc.paragraphs)
    add_paragraph(paras, at, p, before, after, sc, ids, p.after ? after_links : before_links);
  return paras;
}

namespace {

void set_counts(Data& d, const diff::Counts& c) {
  put(d, "added", std::to_string(c.added));
  put(d, "removed", std::to_string(c.removed));
  put(d, "changed", std::to_string(c.changed));
  put(d, "moved", std::to_string(c.moved));
  put(d, "split", std::to_string(c.split + c.merged));
  put(d, "renumbered", std::to_string(c.renumbered));
}

/// The comparison of version `k` of `ct` with the one before, made once by the comparison stage.
void add_comparison(const RenderInput& in, const PageLocation& at, const compare::ComparedText& ct, std::size_t k,
                    Data& d, HeldHtml& held) {
  const Document& before = *ct.versions[k - 1].doc;
  const Document& after = *ct.versions[k].doc;
  const diff::Comparison& cmp = *ct.with_previous[k];
  const ParagraphIds ids = changes_page_ids(ct, k);
  SectionList sections(in.theme, at);
  std::vector<Data> rows, unchanged;
  rows.reserve(cmp.sections.size());
  unchanged.reserve(cmp.sections.size());
  // Consecutive unchanged sections fold into one collapsed group, so a long draft with a few
  // changes reads as those changes (docs/drafts-and-changes.md, "Long drafts").
  std::vector<SectionBlock> run;
  std::vector<std::string> run_titles;
  auto flush_run = [&] {
    if (run.empty()) return;
    if (run.size() == 1) {
      sections.add(std::move(run.front()));
    } else {
      std::string summary = plural(static_cast<int>(run.size()), "section", "sections") + " unchanged: " + run_titles.front();
      if (run.size() == 2) summary += ", " + run_titles.back();
      if (run.size() > 2) summary += " … " + run_titles.back();
      sections.add_run(summary, std::move(run));
    }
    run.clear();
    run_titles.clear();
  };
  for (const auto& sc : cmp.sections) {
    SectionBlock s = section_block(in, at, sc, before, after, &ids);
    const std::string title = sc.after ? section_label(*sc.after) : section_label(*sc.before);
    Data row;
    put(row, "title", title);
    put(row, "url", "#" + sc.anchor());
    if (sc.changed()) {
      set_counts(row, sc.counts);
      if (!sc.before || !sc.after || sc.renamed)
        put(row, "status", std::string(!sc.before ? "new section" : !sc.after ? "removed section" : "renamed"));
      rows.push_back(std::move(row));
      flush_run();
      sections.add(std::move(s));
    } else {
      unchanged.push_back(std::move(row));
      run.push_back(std::move(s));
      run_titles.push_back(title);
    }
  }
  flush_run();
  put(d, "held", true);
  Data total;
  set_counts(total, cmp.total);
  put(d, "total", total);
  put(d, "total_text", counts_text(cmp.total));
  put(d, "unchanged_count", plural(static_cast<int>(unchanged.size()), "section", "sections"));
  set_list(d, "rows", list_of(std::move(rows)));
  set_list(d, "unchanged_sections", list_of(std::move(unchanged)));
  put(d, "sections_html", held.hold(sections.take()));
}

}  // namespace

void add_sources(const RenderInput& in, const PageLocation& at, const Document* before, const Document& after,
                 Data& d) {
  std::string unpacked;
  put(d, "note", relativize(in.linked.of(in.archive, after).html(unpacked), at));
  std::vector<std::string> missing;
  for (const Document* x : {before, &after})
    if (x && !x->full_text) missing.push_back(x->display_name());
  if (!missing.empty()) put(d, "missing", missing.size() == 2 ? missing[0] + " and " + missing[1] : missing[0]);
  auto count = [](const Document& x) {
    return x.objectives ? std::to_string(*x.objectives) + " objectives" : std::string("an objective count not recorded");
  };
  if (before && (before->objectives || after.objectives))
    put(d, "objectives_text", before->display_name() + " has " + count(*before) + "; " + after.display_name() + " has " +
                                 count(after) + ".");
  else if (!before && after.objectives)
    put(d, "objectives_text", after.display_name() + " has " + count(after) + ".");
  // Every letter or document that refers to the new draft, with each sentence that does,
  // and the parts of the draft they name.
  // The documents that refer to it, in document order, from its backlinks: a scan of the whole
  // archive per page made these pages grow with drafts x documents.
  std::vector<Data> letters;
  std::set<std::string> anchors;
  static const std::vector<link::Reference> kNone;
  const auto backlinks = in.linked.backlinks.find(after.id);
  for (const link::Reference& b : backlinks == in.linked.backlinks.end() ? kNone : backlinks->second) {
    const Document* source = in.archive.find(b.from_id);
    if (!source) continue;
    const Document& from = *source;
    if (from.kind != model::Kind::letter && from.kind != model::Kind::document) continue;
    std::vector<Data> contexts;
    std::set<std::string> seen;
    for (const auto& r : in.linked.of(in.archive, from).references) {
      if (r.to_id != after.id) continue;
      if (!r.anchor.empty() && !r.anchor.starts_with("para-")) anchors.insert(r.anchor);
      if (r.context.empty() || !seen.insert(r.context).second) continue;
      Data c;
      put(c, "text", r.context);
      contexts.push_back(std::move(c));
    }
    Data l = doc_ref(in, at, from);
    set_list(l, "contexts", list_of(std::move(contexts)));
    letters.push_back(std::move(l));
  }
  set_list(d, "letters", list_of(std::move(letters)));
  // Natural order: objective-2 before objective-12.
  std::vector<std::string> ordered(anchors.begin(), anchors.end());
  auto key = [](const std::string& a) {
    const std::size_t d = a.find_last_not_of("0123456789") + 1;
    return std::pair(a.substr(0, d), d < a.size() ? std::stoi(a.substr(d)) : -1);
  };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
  std::vector<Data> parts;
  for (const auto& a : ordered) {
    Data p;
    put(p, "label", anchor_label(a));
    put(p, "url", at.url(history_folder(in, after) + "/" + a + "/"));
    parts.push_back(std::move(p));
  }
  set_list(d, "named_parts", list_of(std::move(parts)));
}

void render_changes_pages(const RenderInput& in, const compare::ComparedText& ct, PageSink& out) {
  // One page per version after the first, in parallel; `out` takes them in any order.
  tbb::parallel_for(std::size_t{1}, std::max<std::size_t>(ct.versions.size(), 1), [&](std::size_t k) {
    const markdown::LargeBodyTurn turn(ct.largest_body());
    const Document* after = ct.versions[k].doc;
    const Document* before = ct.versions[k - 1].doc;
    Page page;
    page.at = {after->url_folder + "/changes", in.archive.config.pretty_urls};
    page.template_name = "changes.html";
    page.title = "What changed in " + after->display_name();
    page.section = "drafts";
    page.crumbs = {{"Drafts", "drafts/"}, {after->display_name(), after->url_folder + "/"}};
    page.description = "The changes from " + before->display_name() + " to " + after->display_name() + ".";
    Data& d = page.data;
    put(d, "title", page.title);
    put(d, "before", doc_ref(in, page.at, *before));
    put(d, "after", doc_ref(in, page.at, *after));
    if (ct.with_previous[k]) add_comparison(in, page.at, ct, k, d, page.held);
    else add_sources(in, page.at, before, *after, d);
    put(d, "provenance_url", page.at.url(after->url_folder + "/provenance/"));
    std::string file = page.at.file();
    out.add(std::move(file), render_page(in, std::move(page)));
  });
}

}  // namespace travaux::render
