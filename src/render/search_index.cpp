// The sharded search index (docs/search.md; CONTENT-MODEL.md "Output": search/index.html and
// "Edge rules": drafts are skipped, so only published documents are indexed).
#include "render/search_index.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/escape.h"
#include "render/search_encode.h"
#include "render/search_fold.h"
#include "render/search_text.h"

namespace travaux::render {

using text::json_string;

namespace {

using model::Document;
using model::Kind;

/// Documents are tokenized this many at a time, so that only one batch's word lists are
/// held at once however large the archive.
constexpr std::size_t kBatch = 1024;

/// What the index records of one document: its keys, and the script of its shard(s).
/// Keys are merged in this many independent hash partitions, one task each.
constexpr std::size_t kPartitions = 16;

/// One key of a document, and whether it stands in the card.
struct DocKey {
  std::string key;
  bool card = false;
};

struct Extract {
  std::vector<std::string> all;   // every key, sorted, unique
  std::vector<std::string> card;  // keys found in the title, label, people, topics, place, date
  std::vector<std::string> parts;  // d/<n>.js, d/<n>-1.js, ...
  std::vector<DocKey> by_partition[kPartitions];
};

/// A pair of words ("global compact"): looked up only for phrases, so kept in shards of their
/// own, and a word's prefix range holds only words (docs/search.md, "Shard format").
bool is_pair(std::string_view key) { return key.find(' ') != std::string_view::npos && !key.starts_with('='); }

/// The distinct keys of one document. Each word and pair is looked up before it is stored, so
/// a word a draft repeats a thousand times is copied once and the pairs are built in one
/// reused buffer (storing every occurrence of a batch's documents, then sorting them, held a
/// sixth of the build's peak memory at 1,000 documents: bench/README.md).
class KeySet {
 public:
  void add(std::string_view key) {
    if (keys_.find(key) == keys_.end()) keys_.emplace(key);
  }
  /// Adds the words of one field and each pair of adjacent words ("global compact"), which is
  /// how a phrase is looked up without positions (docs/search.md, "Phrases").
  void add_field(std::string_view text) {
    const std::vector<std::string> words = search_terms(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
      add(words[i]);
      if (i + 1 == words.size()) break;
      pair_.assign(words[i]).append(1, ' ').append(words[i + 1]);
      add(pair_);
    }
  }
  /// The keys in byte order; the set is left empty.
  std::vector<std::string> take_sorted() {
    std::vector<std::string> out;
    out.reserve(keys_.size());
    while (!keys_.empty()) out.push_back(std::move(keys_.extract(keys_.begin()).value()));
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> keys_;
  std::string pair_;
};

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
  KeySet card;
  card.add_field(doc.title);
  if (!doc.label.empty()) card.add_field(doc.label);
  for (const auto& p : people) card.add_field(p);
  for (const auto& t : doc.topics) card.add_field(t);
  card.add_field(doc.place);
  card.add_field(doc.date.human());
  card.add_field(doc.date.iso());
  card.add(exact_key(doc.title));
  if (!doc.label.empty()) card.add(exact_key(doc.label));
  x.card = card.take_sorted();

  const std::vector<TextBlock> blocks = html_to_blocks(linked.body_html);
  KeySet all;
  for (const auto& key : x.card) all.add(key);
  for (const auto& b : blocks) all.add_field(b.text);
  if (!doc.summary.empty()) all.add_field(doc.summary);
  all.add("kind:" + std::string(model::kind_name(doc.kind)));
  if (auto t = cx.texts.find(doc.id); t != cx.texts.end()) all.add("text:" + t->second.id);
  if (auto r = cx.rounds.find(doc.id); r != cx.rounds.end())
    for (const auto& id : r->second) all.add("round:" + id);
  x.all = all.take_sorted();
  // Both lists are sorted: one walk marks the card keys, then each key goes to its partition.
  std::size_t c = 0;
  const std::hash<std::string> hash;
  for (auto& key : x.all) {
    while (c < x.card.size() && x.card[c] < key) ++c;
    const bool in_card = c < x.card.size() && x.card[c] == key;
    const std::size_t p = hash(key) % kPartitions;
    x.by_partition[p].push_back({std::move(key), in_card});
  }
  x.all.clear();
  x.card.clear();

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

/// The shortest prefix of `first` (whole characters) that sorts after `previous`: a shard's
/// separator in the manifest. Every key of the shard is >= it, every key before is < it.
std::string separator(const std::string& previous, const std::string& first) {
  std::size_t n = 0;
  while (n < first.size() && n < previous.size() && first[n] == previous[n]) ++n;
  ++n;  // one byte past the common prefix sorts after `previous` (or `previous` is its prefix)
  while (n < first.size() && (static_cast<unsigned char>(first[n]) & 0xC0) == 0x80) ++n;
  return first.substr(0, std::min(n, first.size()));
}

/// Writes the shards of one kind of key (words or pairs) as search/<folder>/<i>.js, each
/// closed once it passes kTermShardBytes. Returns the manifest's JSON list of separators.
std::string write_shards(const std::vector<std::pair<const std::string*, const Postings*>>& sorted,
                         const std::vector<std::string>& entries, bool pairs, const std::string& folder,
                         std::map<std::string, std::string>& files) {
  std::vector<std::string> separators;
  std::string shard;
  const std::string* last = nullptr;
  std::size_t count = 0;
  auto close_shard = [&] {
    const std::string name = folder + "/" + std::to_string(count++);
    files["search/" + name + ".js"] = shard_script(name, "{" + shard + "}");
    shard.clear();
  };
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const std::string& key = *sorted[i].first;
    if (is_pair(key) != pairs) continue;
    if (shard.size() >= kTermShardBytes) {
      close_shard();
      separators.push_back(separator(*last, key));
    }
    if (!shard.empty()) shard += ",\n";
    shard += entries[i];
    last = &key;
  }
  close_shard();
  return json_list(separators);
}

}  // namespace

std::map<std::string, DraftText> draft_texts(const RenderInput& in) {
  // The negotiated text of each draft (CONTENT-MODEL.md, "Texts"): its `text` key, else the id
  // of its first version, named after that first version.
  std::map<std::string, DraftText> out;
  for (const auto& text : in.linked.drafts.texts()) {
    if (text.versions.empty()) continue;
    const DraftText entry{text.id, text.versions.front()->display_name() + " and its revisions"};
    for (const Document* v : text.versions) out[v->id] = entry;
  }
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

std::map<std::string, std::string> render_search_index(const RenderInput& in, PageSink* documents_sink) {
  const Context cx{in, draft_texts(in), document_rounds(in)};
  std::vector<const Document*> docs;
  for (const auto& d : in.archive.documents) docs.push_back(&d);
  // Oldest first, so that a date range is a range of document numbers; ids break ties.
  std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
  const auto universe = static_cast<std::uint32_t>(docs.size());

  std::map<std::string, std::string> files;
  std::vector<std::unordered_map<std::string, Postings>> partitions(kPartitions);
  for (std::size_t begin = 0; begin < docs.size(); begin += kBatch) {
    const std::size_t end = std::min(docs.size(), begin + kBatch);
    std::vector<Extract> batch(end - begin);
    tbb::parallel_for(begin, end, [&](std::size_t i) { batch[i - begin] = extract(cx, *docs[i], static_cast<std::uint32_t>(i)); });
    // Each partition takes its keys in document order, so every postings list comes out sorted.
    tbb::parallel_for(std::size_t{0}, kPartitions, [&](std::size_t p) {
      auto& postings = partitions[p];
      for (std::size_t i = begin; i < end; ++i)
        for (auto& k : batch[i - begin].by_partition[p]) {
          Postings& entry = postings.try_emplace(std::move(k.key)).first->second;
          entry.all.push_back(static_cast<std::uint32_t>(i));
          if (k.card) entry.card.push_back(static_cast<std::uint32_t>(i));
        }
    });
    for (std::size_t i = begin; i < end; ++i) {
      Extract& x = batch[i - begin];
      const std::string name = "search/d/" + std::to_string(i);
      for (std::size_t k = 0; k < x.parts.size(); ++k) {
        std::string path = name + (k ? "-" + std::to_string(k) : "") + ".js";
        if (documents_sink) documents_sink->add(std::move(path), std::move(x.parts[k]));
        else files[std::move(path)] = std::move(x.parts[k]);
      }
    }
  }

  // Keys in byte order (code point order, which the script's comparison follows); each
  // entry encoded in parallel, then cut into shards in order.
  std::vector<std::pair<const std::string*, const Postings*>> sorted;
  for (const auto& postings : partitions)
    for (const auto& [key, p] : postings) sorted.emplace_back(&key, &p);
  tbb::parallel_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::vector<std::string> entries(sorted.size());
  tbb::parallel_for(std::size_t{0}, sorted.size(), [&](std::size_t i) {
    const auto& [key, p] = sorted[i];
    std::string value = encode_doc_set(p->all, universe);
    if (!p->card.empty()) value += " " + encode_doc_set(p->card, universe);
    entries[i] = json_string(*key) + ":" + json_string(value);
  });
  const std::string words = write_shards(sorted, entries, false, "terms", files);
  const std::string pairs = write_shards(sorted, entries, true, "pairs", files);
  files[std::string(kSearchIndexFile)] =
      "// Search index manifest, written by travaux build; read by assets/search.js (docs/search.md).\n" +
      shard_script("index", "{\"documents\":" + std::to_string(universe) + ",\"words\":" + words + "}");
  // The pairs' separators are many more and needed only by phrases: a file of their own.
  files["search/pairs.js"] = shard_script("pairs", "{\"pairs\":" + pairs + "}");
  files["search/dates.js"] = dates_script(docs);
  return files;
}

}  // namespace travaux::render
