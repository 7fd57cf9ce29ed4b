// The sharded search index (docs/search.md; CONTENT-MODEL.md "Output": search/index.html and
// "Edge rules": drafts are skipped, so only published documents are indexed).
#include "render/search_index.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <unordered_map>

#include "render/escape.h"
#include "render/search_encode.h"
#include "render/search_fold.h"
#include "render/search_text.h"

namespace travaux::render {

namespace {

using model::Document;
using model::Kind;

/// Documents are tokenized this many at a time, so that only one batch's word lists are
/// held at once however large the archive.
constexpr std::size_t kBatch = 1024;

/// What the index records of one document: its keys, and the script of its shard(s).
struct Extract {
  std::vector<std::string> all;   // every key, sorted, unique
  std::vector<std::string> card;  // keys found in the title, label, people, topics, place, date
  std::vector<std::string> parts;  // d/<n>.js, d/<n>-1.js, ...
};

/// Adds the words of one field and each pair of adjacent words ("global compact"), which is
/// how a phrase is looked up without positions (docs/search.md, "Phrases").
void add_field(std::string_view text, std::vector<std::string>& keys) {
  const std::vector<std::string> words = search_terms(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    keys.push_back(words[i]);
    if (i + 1 < words.size()) keys.push_back(words[i] + " " + words[i + 1]);
  }
}

/// "=" and the folded words of a name: the key of a title or label matched exactly.
std::string exact_key(std::string_view name) {
  std::string key = "=";
  for (const auto& w : search_terms(name)) key += (key.size() > 1 ? " " : "") + w;
  return key;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
  return out + "]";
}

std::string shard_script(std::string_view name, std::string_view json) {
  return "travauxSearchShard(" + json_string(name) + "," + std::string(json) + ");\n";
}

struct Context {
  const RenderInput& in;
  std::map<std::string, DraftText> texts;
  std::map<std::string, std::vector<std::string>> rounds;
};

Extract extract(const Context& cx, const Document& doc, std::uint32_t number) {
  const RenderInput& in = cx.in;
  const auto& linked = in.linked.of(in.archive, doc);
  const PageLocation at{"search", in.archive.config.pretty_urls};
  Extract x;
  std::vector<std::string> people;
  for (const auto& f : doc.from) {
    const model::Person* p = in.archive.find_person(f);
    people.push_back(p ? p->name : f);
  }
  if (!doc.to.empty()) people.push_back(doc.to);

  // The card: what a result shows above its snippet, and where a match ranks higher.
  add_field(doc.title, x.card);
  if (!doc.label.empty()) add_field(doc.label, x.card);
  for (const auto& p : people) add_field(p, x.card);
  for (const auto& t : doc.topics) add_field(t, x.card);
  add_field(doc.place, x.card);
  add_field(doc.date.human(), x.card);
  add_field(doc.date.iso(), x.card);
  x.card.push_back(exact_key(doc.title));
  if (!doc.label.empty()) x.card.push_back(exact_key(doc.label));
  sort_unique(x.card);

  const std::vector<TextBlock> blocks = html_to_blocks(linked.body_html);
  x.all = x.card;
  for (const auto& b : blocks) add_field(b.text, x.all);
  if (!doc.summary.empty()) add_field(doc.summary, x.all);
  x.all.push_back("kind:" + std::string(model::kind_name(doc.kind)));
  if (auto t = cx.texts.find(doc.id); t != cx.texts.end()) x.all.push_back("text:" + t->second.id);
  if (auto r = cx.rounds.find(doc.id); r != cx.rounds.end())
    for (const auto& id : r->second) x.all.push_back("round:" + id);
  sort_unique(x.all);

  // The document's shard: its card, then its blocks in parts of about kDocPartBytes.
  std::vector<std::string> part_blocks(1);
  std::size_t size = 0;
  for (const auto& b : blocks) {
    if (size >= kDocPartBytes) {
      part_blocks.emplace_back();
      size = 0;
    }
    std::string& out = part_blocks.back();
    out += out.empty() ? "" : ",";
    out += "[" + json_string(b.anchor) + "," + json_string(b.text) + "]";
    size += b.text.size();
  }
  const std::string name = "d/" + std::to_string(number);
  std::string head = "{\"title\":" + json_string(doc.title);
  if (!doc.label.empty() && doc.label != doc.title) head += ",\"label\":" + json_string(doc.label);
  head += ",\"kind\":" + json_string(std::string(model::kind_name(doc.kind)));
  head += ",\"date\":" + json_string(doc.date.iso());
  head += ",\"date_text\":" + json_string(doc.date.human());
  head += ",\"url\":" + json_string(at.url(doc.url_folder + "/"));
  head += ",\"people\":" + json_list(people);
  head += ",\"topics\":" + json_list(doc.topics);
  if (!doc.place.empty()) head += ",\"place\":" + json_string(doc.place);
  head += ",\"summary\":" + json_string(linked.summary);
  head += ",\"parts\":" + std::to_string(part_blocks.size());
  x.parts.push_back(shard_script(name, head + ",\"blocks\":[" + part_blocks[0] + "]}"));
  for (std::size_t k = 1; k < part_blocks.size(); ++k)
    x.parts.push_back(shard_script(name + "-" + std::to_string(k), "{\"blocks\":[" + part_blocks[k] + "]}"));
  return x;
}

struct Postings {
  std::vector<std::uint32_t> all, card;
};

/// search/dates.js: the first day (days since 1970-01-01) and, for each date that has
/// documents, the gap in days from the previous one and how many documents it has. Documents
/// are numbered in date order, so a date range is a range of numbers.
std::string dates_script(const std::vector<const Document*>& docs) {
  std::string runs;
  long first = docs.empty() ? 0 : docs.front()->date.days_since_epoch();
  long previous = first;
  for (std::size_t i = 0; i < docs.size();) {
    std::size_t j = i;
    while (j < docs.size() && docs[j]->date == docs[i]->date) ++j;
    const long day = docs[i]->date.days_since_epoch();
    append_varint(runs, static_cast<std::uint64_t>(day - previous));
    append_varint(runs, j - i);
    previous = day;
    i = j;
  }
  return shard_script("dates", "{\"first\":" + std::to_string(first) + ",\"runs\":" + json_string(base64(runs)) + "}");
}

}  // namespace

std::map<std::string, DraftText> draft_texts(const RenderInput& in) {
  const auto& chain = in.linked.drafts;
  // Each version's first version, filled along the chain so that every draft is visited once.
  std::map<const Document*, const Document*> first;
  for (const Document* v : chain.versions()) {
    std::vector<const Document*> path;
    const Document* at = v;
    while (at && !first.count(at)) {
      path.push_back(at);
      at = chain.previous(*at);
    }
    const Document* root = at ? first[at] : path.back();
    for (const Document* p : path) first[p] = root;
  }
  std::map<std::string, DraftText> out;
  for (const auto& [v, root] : first) out[v->id] = {root->id, root->display_name() + " and its revisions"};
  return out;
}

std::map<std::string, std::vector<std::string>> document_rounds(const RenderInput& in) {
  std::map<std::string, std::vector<std::string>> out;
  for (const Document* r : in.archive.of_kind(Kind::round)) {
    out[r->id].push_back(r->id);
    for (const auto& d : r->drafts) out[d].push_back(r->id);
  }
  for (const auto& doc : in.archive.documents) {
    for (const auto& id : doc.rounds) out[doc.id].push_back(id);
    for (const auto& ref : in.linked.of(in.archive, doc).references)
      if (const Document* t = in.archive.find(ref.to_id); t && t->kind == Kind::round) out[doc.id].push_back(t->id);
  }
  for (auto& [id, rounds] : out) sort_unique(rounds);
  return out;
}

std::map<std::string, std::string> render_search_index(const RenderInput& in) {
  const Context cx{in, draft_texts(in), document_rounds(in)};
  std::vector<const Document*> docs;
  for (const auto& d : in.archive.documents) docs.push_back(&d);
  // Oldest first, so that a date range is a range of document numbers; ids break ties.
  std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
  const auto universe = static_cast<std::uint32_t>(docs.size());

  std::map<std::string, std::string> files;
  std::unordered_map<std::string, Postings> postings;
  for (std::size_t begin = 0; begin < docs.size(); begin += kBatch) {
    const std::size_t end = std::min(docs.size(), begin + kBatch);
    std::vector<Extract> batch(end - begin);
    tbb::parallel_for(begin, end, [&](std::size_t i) { batch[i - begin] = extract(cx, *docs[i], static_cast<std::uint32_t>(i)); });
    // Merged in document order, so every postings list comes out sorted.
    for (std::size_t i = begin; i < end; ++i) {
      Extract& x = batch[i - begin];
      const auto n = static_cast<std::uint32_t>(i);
      for (const auto& key : x.all) postings[key].all.push_back(n);
      for (const auto& key : x.card) postings[key].card.push_back(n);
      const std::string name = "search/d/" + std::to_string(i);
      for (std::size_t k = 0; k < x.parts.size(); ++k)
        files[name + (k ? "-" + std::to_string(k) : "") + ".js"] = std::move(x.parts[k]);
    }
  }

  // Keys in byte order (code point order, which the script's comparison follows), cut into
  // shards of about kTermShardBytes; the manifest names the first key of every shard but the
  // first.
  std::vector<std::pair<const std::string*, const Postings*>> sorted;
  sorted.reserve(postings.size());
  for (const auto& [key, p] : postings) sorted.emplace_back(&key, &p);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::vector<std::string> firsts;
  std::string shard;
  auto close_shard = [&] {
    const std::string name = "terms/" + std::to_string(firsts.size());
    files["search/" + name + ".js"] = shard_script(name, "{" + shard + "}");
    shard.clear();
  };
  for (const auto& [key, p] : sorted) {
    if (shard.size() >= kTermShardBytes) {
      close_shard();
      firsts.push_back(*key);
    }
    std::string value = encode_doc_set(p->all, universe);
    if (!p->card.empty()) value += " " + encode_doc_set(p->card, universe);
    shard += (shard.empty() ? "" : ",\n") + json_string(*key) + ":" + json_string(value);
  }
  close_shard();
  files[std::string(kSearchIndexFile)] =
      "// Search index manifest, written by travaux build; read by assets/search.js (docs/search.md).\n" +
      shard_script("index", "{\"documents\":" + std::to_string(universe) + ",\"shards\":" + json_list(firsts) + "}");
  files["search/dates.js"] = dates_script(docs);
  return files;
}

}  // namespace travaux::render
