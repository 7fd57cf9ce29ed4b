// The sharded search index (docs/search.md; CONTENT-MODEL.md "Output": search/index.html and
// "Edge rules": drafts are skipped, so only published documents are indexed).
#include "render/search_index.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <optional>

#include "text/escape.h"
#include "render/search_encode.h"
#include "render/search_fold.h"
#include "render/search_index_patch.h"
#include "render/search_keys.h"
#include "render/search_shard_read.h"
#include "render/search_text.h"

namespace travaux::render {

using text::json_string;
using text::append_json_string;

namespace {

using model::Document;
using model::Kind;

/// Documents are tokenized this many at a time, so that only one batch's word lists are
/// held at once however large the archive.
constexpr std::size_t kBatch = 1024;

/// What the index records of one document: its keys, and the script of its shard(s).
struct Extract {
  DocKeys keys;
  std::vector<std::string> parts;  // d/<n>.js, d/<n>-1.js, ...
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

/// The start of a shard's script, up to its data: travauxSearchShard(name, data);
std::string shard_opening(std::string_view name) {
  std::string script = "travauxSearchShard(";
  append_json_string(script, name);
  script += ',';
  return script;
}
constexpr std::string_view kShardClosing = ");\n";

std::string shard_script(std::string_view name, std::string_view json) {
  std::string script = shard_opening(name);
  script += json;
  script += kShardClosing;
  return script;
}

struct Context {
  const RenderInput& in;
  std::map<std::string, DraftText> texts;
  std::map<std::string, std::vector<std::string>> rounds;
  PageReuse* reuse;
};

/// The path of part `k` of document shard `number`.
std::string shard_path(std::size_t number, std::size_t k) {
  return "search/d/" + std::to_string(number) + (k ? "-" + std::to_string(k) : "") + ".js";
}

/// The blocks of `doc`'s shard as the last build wrote it, when every part is still as written.
std::optional<std::vector<TextBlock>> previous_blocks(const PageReuse& reuse, const Document& doc) {
  auto it = reuse.previous_shards.find(doc.source_path);
  if (it == reuse.previous_shards.end() || !reuse.read_intact) return std::nullopt;
  const auto [number, count] = it->second;
  std::vector<std::string> parts;
  for (std::uint32_t k = 0; k < count; ++k) {
    auto bytes = reuse.read_intact(shard_path(number, k));
    if (!bytes) return std::nullopt;
    parts.push_back(std::move(*bytes));
  }
  return shard_blocks(parts);
}

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
  DocKeys& keys = x.keys;
  keys.add_field(doc.title, true);
  if (!doc.label.empty()) keys.add_field(doc.label, true);
  for (const auto& p : people) keys.add_field(p, true);
  for (const auto& t : doc.topics) keys.add_field(t, true);
  keys.add_field(doc.place, true);
  keys.add_field(doc.date.human(), true);
  keys.add_field(doc.date.iso(), true);
  keys.add_key(exact_key(doc.title), true);
  if (!doc.label.empty()) keys.add_key(exact_key(doc.label), true);

  // A document whose link result came from the build cache has the HTML of the last build,
  // whose blocks its shard holds: read back, its HTML is not made again.
  std::optional<std::vector<TextBlock>> read_back;
  if (linked.deferred && cx.reuse) read_back = previous_blocks(*cx.reuse, doc);
  std::string unpacked;
  const std::vector<TextBlock> blocks = read_back ? std::move(*read_back) : html_to_blocks(linked.html(unpacked));
  for (const auto& b : blocks) keys.add_field(b.text, false);
  if (!doc.summary.empty()) keys.add_field(doc.summary, false);
  keys.add_key("kind:" + std::string(model::kind_name(doc.kind)), false);
  if (auto t = cx.texts.find(doc.id); t != cx.texts.end()) keys.add_key("text:" + t->second.id, false);
  if (auto r = cx.rounds.find(doc.id); r != cx.rounds.end())
    for (const auto& id : r->second) keys.add_key("round:" + id, false);
  keys.seal();

  // The document's shard: its card, then its blocks in parts of about kDocPartBytes, each
  // part's script written in one string. The parts are cut first, since the card names
  // how many there are.
  std::vector<std::size_t> part_start = {0};  // each part's first block
  for (std::size_t k = 0, size = 0; k < blocks.size(); ++k) {
    if (size >= kDocPartBytes) {
      part_start.push_back(k);
      size = 0;
    }
    size += blocks[k].text.size();
  }
  part_start.push_back(blocks.size());
  const std::string name = "d/" + std::to_string(number);
  std::string script = shard_opening(name);
  script += "{\"title\":";
  append_json_string(script, doc.title);
  if (!doc.label.empty() && doc.label != doc.title) {
    script += ",\"label\":";
    append_json_string(script, doc.label);
  }
  script += ",\"kind\":" + json_string(std::string(model::kind_name(doc.kind)));
  script += ",\"date\":" + json_string(doc.date.iso());
  script += ",\"date_text\":" + json_string(doc.date.human());
  script += ",\"url\":" + json_string(at.url(doc.url_folder + "/"));
  script += ",\"people\":" + json_list(people);
  script += ",\"topics\":" + json_list(doc.topics);
  if (!doc.place.empty()) script += ",\"place\":" + json_string(doc.place);
  script += ",\"summary\":";
  append_json_string(script, linked.summary);
  script += ",\"parts\":" + std::to_string(part_start.size() - 1) + ",";
  for (std::size_t p = 0; p + 1 < part_start.size(); ++p) {
    if (p > 0) script = shard_opening(name + "-" + std::to_string(p)) + "{";
    script += "\"blocks\":[";
    for (std::size_t k = part_start[p]; k < part_start[p + 1]; ++k) {
      if (k > part_start[p]) script += ',';
      script += '[';
      append_json_string(script, blocks[k].anchor);
      script += ',';
      append_json_string(script, blocks[k].text);
      script += ']';
    }
    script += "]}";
    script += kShardClosing;
    x.parts.push_back(std::move(script));
  }
  return x;
}

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
/// closed once it passes kTermShardBytes: `count` entries in key order, `text(i)` the entry i,
/// `key(i)` its key. Returns the manifest's JSON list of separators; `shards` is set to how
/// many were written.
template <class TextOf, class KeyOf>
std::string write_shards(std::size_t count, const TextOf& text, const KeyOf& key, const std::string& folder,
                         std::map<std::string, std::string>& files, std::uint32_t& shards) {
  std::vector<std::string> separators;
  std::string shard;
  shards = 0;
  auto close_shard = [&] {
    const std::string name = folder + "/" + std::to_string(shards++);
    files["search/" + name + ".js"] = shard_script(name, "{" + shard + "}");
    shard.clear();
  };
  for (std::size_t i = 0; i < count; ++i) {
    if (shard.size() >= kTermShardBytes) {
      close_shard();
      separators.push_back(separator(key(i - 1), key(i)));
    }
    if (!shard.empty()) shard += ",\n";
    shard += text(i);
  }
  close_shard();
  return json_list(separators);
}

/// The files every index has besides the term and pair shards: the manifest with the words'
/// separators, the pairs' separators, and the dates.
void write_index_files(const std::string& words, const std::string& pairs, std::uint32_t universe,
                       const std::vector<const Document*>& docs, std::map<std::string, std::string>& files) {
  files[std::string(kSearchIndexFile)] =
      "// Search index manifest, written by travaux build; read by assets/search.js (docs/search.md).\n" +
      shard_script("index", "{\"documents\":" + std::to_string(universe) + ",\"words\":" + words + "}");
  // The pairs' separators are many more and needed only by phrases: a file of their own.
  files["search/pairs.js"] = shard_script("pairs", "{\"pairs\":" + pairs + "}");
  files["search/dates.js"] = dates_script(docs);
}

/// A key's entry in its shard: "key":"<documents>[ <card documents>]".
std::string entry(std::string_view key, const Postings& p, std::uint32_t universe) {
  return shard_entry(key, p.all, p.card, universe);
}

/// The index made from the last build's (docs/incremental-builds.md, "The search index
/// patched"): every document keeps its number, only the documents linked again (and any whose
/// shard is no longer as written) are read, and the term and pair shards are the last ones with
/// the documents linked again taken out and their keys put back in. False, with nothing
/// handed over, when the last index cannot be used: then the index is made in full.
bool patch_index(const Context& cx, const std::vector<const Document*>& docs, PageSink& sink,
                 std::map<std::string, std::string>& files) {
  PageReuse& reuse = *cx.reuse;
  const auto universe = static_cast<std::uint32_t>(docs.size());
  const SearchIndexRecord& last = reuse.previous_index;
  if (!reuse.read_intact || !reuse.intact || last.universe != universe || last.terms == 0 || last.pairs == 0)
    return false;
  // Every document where the last index numbered it; those linked again are the changed ones.
  std::vector<std::uint32_t> changed;
  std::vector<std::uint32_t> parts(docs.size(), 0);
  for (std::uint32_t i = 0; i < universe; ++i) {
    auto it = reuse.previous_shards.find(docs[i]->source_path);
    if (it == reuse.previous_shards.end() || it->second.first != i) return false;
    parts[i] = it->second.second;
    if (!cx.in.linked.of(cx.in.archive, *docs[i]).deferred) changed.push_back(i);
  }
  if (changed.size() > universe / 4) return false;  // as cheap to make it whole

  // Each shard read and parsed in parallel, then their entries put end to end in order.
  auto read_kind = [&](const char* folder, std::uint32_t count, std::vector<ShardEntry>& entries) {
    std::vector<std::vector<ShardEntry>> shards(count);
    std::atomic<bool> ok{true};
    tbb::parallel_for(std::uint32_t{0}, count, [&](std::uint32_t k) {
      const auto script = reuse.read_intact("search/" + std::string(folder) + "/" + std::to_string(k) + ".js");
      if (!script || !read_shard_entries(*script, shards[k])) ok = false;
    });
    if (!ok) return false;
    for (auto& shard : shards) std::move(shard.begin(), shard.end(), std::back_inserter(entries));
    return true;
  };
  std::vector<ShardEntry> words, pairs;
  if (!read_kind("terms", last.terms, words) || !read_kind("pairs", last.pairs, pairs)) return false;

  // The changed documents, and any whose shard was edited or removed, are read again.
  std::vector<char> to_read(docs.size(), 0);  // not vector<bool>: written in parallel
  for (const std::uint32_t i : changed) to_read[i] = 1;
  tbb::parallel_for(std::uint32_t{0}, universe, [&](std::uint32_t i) {
    bool intact = parts[i] > 0;
    for (std::uint32_t k = 0; intact && k < parts[i]; ++k) intact = reuse.intact(shard_path(i, k));
    if (!intact) to_read[i] = 1;
  });
  std::vector<bool> is_changed(docs.size(), false);
  for (const std::uint32_t i : changed) is_changed[i] = true;
  std::vector<std::uint32_t> read;
  for (std::uint32_t i = 0; i < universe; ++i)
    if (to_read[i]) read.push_back(i);
  std::vector<Extract> extracts(read.size());
  tbb::parallel_for(std::size_t{0}, read.size(), [&](std::size_t r) { extracts[r] = extract(cx, *docs[read[r]], read[r]); });

  // The changed documents' keys, in document order, so every list is sorted.
  std::map<std::string, KeyDocuments> added_words, added_pairs;
  for (std::size_t r = 0; r < read.size(); ++r) {
    if (!is_changed[read[r]]) continue;
    const DocKeys& keys = extracts[r].keys;
    auto note = [&](KeyDocuments& k, bool card) {
      k.all.push_back(read[r]);
      if (card) k.card.push_back(read[r]);
    };
    for (const auto& w : keys.words()) note(added_words[std::string(keys.text(w))], w.card);
    for (const auto& p : keys.pairs()) {
      std::string key(keys.text(keys.words()[p.first]));
      key += ' ';
      key += keys.text(keys.words()[p.second]);
      note(added_pairs[key], p.card);
    }
  }
  auto patched_words = patch_entries(std::move(words), changed, added_words, universe);
  auto patched_pairs = patch_entries(std::move(pairs), changed, added_pairs, universe);
  if (!patched_words || !patched_pairs) return false;

  // Nothing was handed over before this point.
  for (std::size_t r = 0, next = 0; r < universe; ++r) {
    const auto i = static_cast<std::uint32_t>(r);
    if (next < read.size() && read[next] == i) {
      Extract& x = extracts[next++];
      reuse.next_shards[docs[i]->source_path] = {i, static_cast<std::uint32_t>(x.parts.size())};
      for (std::size_t k = 0; k < x.parts.size(); ++k) sink.add(shard_path(i, k), std::move(x.parts[k]));
    } else {
      reuse.next_shards[docs[i]->source_path] = {i, parts[i]};
      for (std::uint32_t k = 0; k < parts[i]; ++k) sink.keep(shard_path(i, k));
    }
  }
  SearchIndexRecord record{universe, 0, 0};
  const auto& w = *patched_words;
  const auto& p = *patched_pairs;
  const std::string word_separators = write_shards(
      w.size(), [&](std::size_t i) -> const std::string& { return w[i].text; },
      [&](std::size_t i) -> const std::string& { return w[i].key; }, "terms", files, record.terms);
  const std::string pair_separators = write_shards(
      p.size(), [&](std::size_t i) -> const std::string& { return p[i].text; },
      [&](std::size_t i) -> const std::string& { return p[i].key; }, "pairs", files, record.pairs);
  write_index_files(word_separators, pair_separators, universe, docs, files);
  reuse.next_index = record;
  reuse.index_patched = true;
  return true;
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

std::map<std::string, std::string> render_search_index(const RenderInput& in, PageSink* documents_sink,
                                                       PageReuse* reuse) {
  const Context cx{in, draft_texts(in), document_rounds(in), reuse};
  std::vector<const Document*> docs;
  for (const auto& d : in.archive.documents) docs.push_back(&d);
  // Oldest first, so that a date range is a range of document numbers; ids break ties.
  std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
  const auto universe = static_cast<std::uint32_t>(docs.size());

  std::map<std::string, std::string> files;
  if (reuse && documents_sink && patch_index(cx, docs, *documents_sink, files)) return files;
  KeyDictionary dictionary;
  for (std::size_t begin = 0; begin < docs.size(); begin += kBatch) {
    const std::size_t end = std::min(docs.size(), begin + kBatch);
    std::vector<Extract> batch(end - begin);
    tbb::parallel_for(begin, end, [&](std::size_t i) { batch[i - begin] = extract(cx, *docs[i], static_cast<std::uint32_t>(i)); });
    std::vector<DocKeys> keys(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) keys[i] = std::move(batch[i].keys);
    dictionary.add_batch(keys, static_cast<std::uint32_t>(begin));
    for (std::size_t i = begin; i < end; ++i) {
      Extract& x = batch[i - begin];
      if (reuse)
        reuse->next_shards[docs[i]->source_path] = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(x.parts.size())};
      for (std::size_t k = 0; k < x.parts.size(); ++k) {
        std::string path = shard_path(i, k);
        if (documents_sink) documents_sink->add(std::move(path), std::move(x.parts[k]));
        else files[std::move(path)] = std::move(x.parts[k]);
      }
    }
  }

  // Keys in byte order (code point order, which the script's comparison follows); each
  // entry encoded in parallel, then cut into shards in order.
  const KeyDictionary::Sorted sorted = dictionary.sorted();
  std::vector<std::string> word_entries(sorted.words.size());
  tbb::parallel_for(std::size_t{0}, sorted.words.size(), [&](std::size_t i) {
    word_entries[i] = entry(*sorted.words[i].first, *sorted.words[i].second, universe);
  });
  SearchIndexRecord record{universe, 0, 0};
  const std::string words = write_shards(
      word_entries.size(), [&](std::size_t i) -> const std::string& { return word_entries[i]; },
      [&](std::size_t i) -> const std::string& { return *sorted.words[i].first; }, "terms", files, record.terms);
  word_entries = {};
  auto pair_key = [&](std::size_t i) {
    return *sorted.words[sorted.pairs[i].first].first + " " + *sorted.words[sorted.pairs[i].second].first;
  };
  std::vector<std::string> pair_entries(sorted.pairs.size());
  tbb::parallel_for(std::size_t{0}, sorted.pairs.size(),
                    [&](std::size_t i) { pair_entries[i] = entry(pair_key(i), *sorted.pairs[i].postings, universe); });
  const std::string pairs = write_shards(
      pair_entries.size(), [&](std::size_t i) -> const std::string& { return pair_entries[i]; }, pair_key, "pairs",
      files, record.pairs);
  write_index_files(words, pairs, universe, docs, files);
  if (reuse) reuse->next_index = record;
  return files;
}

}  // namespace travaux::render
