// Document pages: metadata, body, relations, backlinks, previous/next (docs/architecture.md).
#include "render/document_page.h"

#include <algorithm>

#include "model/content_path.h"
#include "render/citation.h"
#include "render/timeline_page.h"
#include "render/timeline_programme.h"

namespace travaux::render {

namespace {

using model::Document;
using model::Kind;

/// The documents of the same kind, in reading order: a draft's the versions of its own text
/// (CONTENT-MODEL.md, "Texts"), the rest by date.
std::vector<const Document*> siblings(const RenderInput& in, const Document& doc) {
  if (doc.kind == Kind::draft) {
    const model::NegotiatedText* text = in.linked.drafts.text_of(doc);
    return text ? text->versions : std::vector<const Document*>{&doc};
  }
  auto list = in.archive.of_kind(doc.kind);
  if (doc.kind == Kind::round)  // rounds follow their numbers (docs/rounds-and-timelines.md)
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->number < b->number; });
  return list;
}

void add_prev_next(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  if (doc.kind == Kind::draft) {
    auto list = siblings(in, doc);
    auto it = std::find(list.begin(), list.end(), &doc);
    if (it == list.end()) return;
    if (it != list.begin()) put(d, "prev", doc_ref(in, at, **(it - 1)));
    if (it + 1 != list.end()) put(d, "next", doc_ref(in, at, **(it + 1)));
    return;
  }
  // The other kinds' order is made once (RenderInput::kind_order), not per page.
  const auto& list = in.kind_order.of(doc.kind);
  const std::size_t i = in.kind_order.position[static_cast<std::size_t>(&doc - in.archive.documents.data())];
  if (i > 0) put(d, "prev", doc_ref(in, at, *list[i - 1]));
  if (i + 1 < list.size()) put(d, "next", doc_ref(in, at, *list[i + 1]));
}

/// Documents this one concerns: explicit `rounds`/`drafts` and those found in its text,
/// rounds first by number, then drafts in version order.
void add_concerns(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  std::vector<const Document*> rounds, drafts;
  for (const auto& r : in.linked.of(in.archive, doc).references) {
    const Document* t = in.archive.find(r.to_id);
    if (!t || t == &doc) continue;
    auto& bucket = t->kind == Kind::round ? rounds : t->kind == Kind::draft ? drafts : rounds;
    if (t->kind != Kind::round && t->kind != Kind::draft) continue;
    if (std::find(bucket.begin(), bucket.end(), t) == bucket.end()) bucket.push_back(t);
  }
  std::sort(rounds.begin(), rounds.end(), [](auto* a, auto* b) { return a->number < b->number; });
  std::sort(drafts.begin(), drafts.end(), [&](auto* a, auto* b) {
    return in.linked.drafts.index_of(*a) < in.linked.drafts.index_of(*b);
  });
  rounds.insert(rounds.end(), drafts.begin(), drafts.end());
  if (!rounds.empty()) set_list(d, "concerns", doc_list(in, at, rounds));
}

/// Letters and documents that concern a round or draft (they link to it in any way).
void add_concerned_by(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  std::vector<const Document*> letters;
  auto it = in.linked.backlinks.find(doc.id);
  if (it == in.linked.backlinks.end()) return;
  for (const auto& r : it->second)
    if (const Document* from = in.archive.find(r.from_id); from && from->kind == Kind::letter)
      letters.push_back(from);
  std::sort(letters.begin(), letters.end(), [](auto* a, auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
  if (!letters.empty()) set_list(d, "letters", doc_list(in, at, letters));
}

void add_attachments(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  std::vector<Data> items;
  // Documents as the link stage resolved them (ids or relative .md paths), in the order written.
  std::vector<std::string> attached;
  for (const auto& r : in.linked.of(in.archive, doc).references)
    if (r.via == link::Reference::Via::attachment) attached.push_back(r.to_id);
  std::size_t next = 0;
  for (const auto& a : doc.attachments) {
    if (model::is_attachment_file(a)) {
      // A file under static/ (the link stage has checked that it exists).
      if (auto path = model::attachment_static_path(doc.source_path, a)) {
        Data f;
        put(f, "title", path->substr(path->rfind('/') + 1));
        put(f, "label", path->substr(path->rfind('/') + 1));
        put(f, "url", at.url(*path));
        items.push_back(std::move(f));
      }
      continue;
    }
    if (in.archive.find(a) == &doc) continue;  // attached to itself: no reference was made
    if (next < attached.size())
      if (const Document* t = in.archive.find(attached[next++])) items.push_back(doc_ref(in, at, *t));
  }
  if (!items.empty()) set_list(d, "attachments", list_of(std::move(items)));
  // The other direction: documents this one is attached to.
  std::vector<const Document*> parents;
  if (auto it = in.linked.attached_to.find(doc.id); it != in.linked.attached_to.end())
    for (const auto& id : it->second)
      if (const Document* p = in.archive.find(id)) parents.push_back(p);
  if (!parents.empty()) set_list(d, "attached_to", doc_list(in, at, parents));
}

void add_draft(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  const auto& chain = in.linked.drafts;
  std::vector<Data> strip;
  const auto versions = siblings(in, doc);
  strip.reserve(versions.size());
  for (const auto* v : versions) {
    Data item = doc_ref(in, at, *v);
    if (v == &doc) put(item, "current", true);
    strip.push_back(std::move(item));
  }
  set_list(d, "chain", list_of(std::move(strip)));
  if (const Document* prev = chain.previous(doc)) {
    put(d, "supersedes", doc_ref(in, at, *prev));
    put(d, "changes_url", at.url(doc.url_folder + "/changes/"));
  }
  if (const Document* next = chain.next(doc)) put(d, "superseded_by", doc_ref(in, at, *next));
  if (chain.text_of(doc)) put(d, "provenance_url", at.url(doc.url_folder + "/provenance/"));
  if (doc.version) put(d, "version", std::to_string(*doc.version));
  if (!doc.status.empty()) put(d, "status", doc.status);
  if (doc.objectives) put(d, "objectives", std::to_string(*doc.objectives));
  std::vector<const Document*> rounds;  // each once: a round may list a draft twice
  for (const auto* r : chain.negotiated_in(doc))
    if (rounds.empty() || rounds.back() != r) rounds.push_back(r);
  if (!rounds.empty()) set_list(d, "negotiated_in", doc_list(in, at, rounds));
}

void add_round(const RenderInput& in, const PageLocation& at, const Document& doc, Data& d) {
  put(d, "number", std::to_string(doc.number.value_or(0)));
  if (doc.end && *doc.end != doc.date) {
    put(d, "end", doc.end->human());
    put(d, "end_iso", doc.end->iso());
  }
  if (!doc.location.empty()) put(d, "location", doc.location);
  std::vector<const Document*> drafts;
  for (const auto& id : doc.drafts)
    if (const Document* t = in.archive.find(id)) drafts.push_back(t);
  if (!drafts.empty()) set_list(d, "under_negotiation", doc_list(in, at, drafts));
  add_programme(doc, d);               // the day-by-day grid (timeline_programme.h)
  add_round_context(in, at, doc, d);  // letters and drafts around the round (timeline_page.h)
}

}  // namespace

std::string render_document_page(const RenderInput& in, const Document& doc) {
  Page page;
  page.at = {doc.url_folder, in.archive.config.pretty_urls};
  page.template_name = std::string(model::kind_name(doc.kind)) + ".html";
  if (!in.theme.has(page.template_name)) page.template_name = "page.html";
  page.title = doc.title;
  page.section = doc.kind == Kind::page ? "" : std::string(model::kind_folder(doc.kind));
  if (doc.kind != Kind::page)
    page.crumbs.push_back({std::string(model::kind_title(doc.kind)), std::string(model::kind_folder(doc.kind)) + "/"});
  const auto& linked = in.linked.of(in.archive, doc);
  page.description = linked.summary;
  Data& d = page.data;
  const PageLocation& at = page.at;
  put(d, "doc", doc_ref(in, at, doc));
  put(d, "title", doc.title);
  put(d, "kind_label", std::string(model::kind_name(doc.kind)));
  put(d, "date", doc.date.human());
  put(d, "date_iso", doc.date.iso());
  std::string unpacked;
  put(d, "body", relativize(linked.html(unpacked), at));
  if (!doc.summary.empty()) put(d, "summary", doc.summary);
  if (!doc.full_text) put(d, "not_held", true);
  if (!doc.source.empty())
    put(d, "source", doc.source.starts_with("http") ? doc.source : at.url(doc.source.substr(doc.source.find("static/") + 7)));
  if (!doc.label.empty()) put(d, "label", doc.label);
  if (!doc.to.empty()) put(d, "to", doc.to);
  if (!doc.place.empty()) put(d, "place", doc.place);
  std::vector<Data> from;
  for (const auto& f : doc.from) from.push_back(person_ref(in, at, f));
  if (!from.empty()) set_list(d, "from", list_of(std::move(from)));
  std::vector<Data> topics;
  for (const auto& t : doc.topics) {
    Data item;
    put(item, "name", t);
    put(item, "url", at.url("topics/" + topic_slug(in.archive, t) + "/"));
    topics.push_back(std::move(item));
  }
  if (!topics.empty()) set_list(d, "topics", list_of(std::move(topics)));
  add_prev_next(in, at, doc, d);
  add_attachments(in, at, doc, d);
  if (doc.kind == Kind::letter || doc.kind == Kind::document) add_concerns(in, at, doc, d);
  if (doc.kind == Kind::round || doc.kind == Kind::draft) add_concerned_by(in, at, doc, d);
  if (doc.kind == Kind::draft) add_draft(in, at, doc, d);
  if (doc.kind == Kind::round) add_round(in, at, doc, d);
  set_list(d, "referenced_by", backlinks(in, at, doc));
  // Citations (docs/citations.md): tags in <head>, the reference, and the files beside the page.
  const Citation cite = make_citation(in.archive, in.linked, doc);
  page.head = citation_head(cite);
  put(d, "cite_text", citation_text(cite));
  put(d, "cite_bib_url", at.url(doc.url_folder + "/cite.bib"));
  put(d, "cite_ris_url", at.url(doc.url_folder + "/cite.ris"));
  return render_page(in, std::move(page));
}

}  // namespace travaux::render
