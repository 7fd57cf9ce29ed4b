// Tests for render/search_index.cpp and render/search_encode.cpp: every word of every
// published document in the shards, wherever it stands; folding; word pairs for phrases;
// filters; paragraph targets; deterministic shards (docs/search.md).
#include "render/search_index.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "link/link.h"
#include "load/load.h"
#include "render/search_encode.h"
#include "support/rendered_tree.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

using Rendered = test::RenderedTree;

// ---- an independent reader of the shard format, written from docs/search.md ----

std::string unbase64(std::string_view text) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+' ? 62 : c == '/' ? 63 : -1;
    if (v < 0) continue;
    acc = acc << 6 | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

std::vector<std::uint32_t> decode_set(std::string_view b64) {
  const std::string bytes = unbase64(b64);
  std::vector<std::uint32_t> docs;
  if (bytes.empty()) return docs;
  if (bytes[0] == 'B') {
    for (std::size_t j = 1; j < bytes.size(); ++j)
      for (int k = 0; k < 8; ++k)
        if (static_cast<unsigned char>(bytes[j]) & (1 << k)) docs.push_back(static_cast<std::uint32_t>((j - 1) * 8 + k));
    return docs;
  }
  std::uint32_t d = 0;
  for (std::size_t j = 1; j < bytes.size();) {
    std::uint32_t v = 0;
    int shift = 0;
    unsigned char c;
    do {
      c = static_cast<unsigned char>(bytes[j++]);
      v |= static_cast<std::uint32_t>(c & 0x7F) << shift;
      shift += 7;
    } while (c & 0x80);
    d += v;
    docs.push_back(d);
  }
  return docs;
}

struct Found {
  std::vector<std::uint32_t> all, card;
  std::string shard;
};

/// The postings of `key` in the shards, found as `"key":"value"` in the shard the manifest
/// names for it, and nowhere else.
std::optional<Found> find_key(const std::map<std::string, std::string>& files, const std::string& key) {
  const std::string needle = "\"" + key + "\":\"";
  std::optional<Found> found;
  for (const auto& [path, bytes] : files) {
    if (!path.starts_with("search/terms/") && !path.starts_with("search/pairs/")) continue;
    const std::size_t at = bytes.find(needle);
    if (at == std::string::npos) continue;
    EXPECT_FALSE(found) << key << " is in two shards";
    const std::size_t start = at + needle.size(), end = bytes.find('"', start);
    const std::string value = bytes.substr(start, end - start);
    const std::size_t space = value.find(' ');
    found = Found{decode_set(value.substr(0, space)),
                  space == std::string::npos ? std::vector<std::uint32_t>{} : decode_set(value.substr(space + 1)), path};
  }
  return found;
}

/// Site path of the document shard of `id` (search/d/<n>.js), by its URL.
std::string doc_shard(const std::map<std::string, std::string>& files, const std::string& url_folder) {
  for (const auto& [path, bytes] : files)
    if (path.starts_with("search/d/") && bytes.find("\"url\":\"../" + url_folder + "/index.html\"") != std::string::npos)
      return path;
  return "";
}

std::uint32_t number_of(const std::string& shard_path) {
  return static_cast<std::uint32_t>(std::stoul(shard_path.substr(std::string("search/d/").size())));
}

// ---- the tests ----

std::string long_letter() {
  // ~20 KB of text, the word to find at the very end: far past the old 6,000-byte cut, and
  // past the first 16 KB part of the document's shard.
  std::string body;
  for (int i = 0; i < 400; ++i) body += "Paragraph filler words about migration governance number " + std::to_string(i) + ".\n\n";
  body += "Finally the Zanzibarique clause of Ville-Étoile.\n";
  return "-- letters/long.md --\n+++\ntitle = \"A long letter\"\ndate = 2018-03-01\n+++\n" + body;
}

TEST(SearchIndex, EveryWordIsFoundIncludingWordsPastTheFirst6000Bytes) {
  Rendered r("-- archive.toml --\ntitle = \"GCM\"\n" + long_letter() +
             "-- letters/short.md --\n+++\ntitle = \"Short\"\ndate = 2018-03-02\n+++\nOne two three.\n"
             "-- letters/secret.md --\n+++\ntitle = \"Unpublished\"\ndate = 2018-03-03\ndraft = true\n+++\nSecretword.\n");
  const auto files = render_search_index(r.in());
  const std::string shard = doc_shard(files, "letters/long");
  ASSERT_NE(shard, "");
  const std::uint32_t n = number_of(shard);
  for (const char* word : {"paragraph", "filler", "399", "zanzibarique", "finally", "ville", "etoile"}) {
    const auto found = find_key(files, word);
    ASSERT_TRUE(found) << word;
    EXPECT_NE(std::find(found->all.begin(), found->all.end(), n), found->all.end()) << word;
  }
  EXPECT_EQ(find_key(files, "zanzibarique")->all, std::vector<std::uint32_t>{n});
  // The word's text is in a later part of the document's shard, fetched only for a result.
  EXPECT_EQ(files.at(shard).find("Zanzibarique"), std::string::npos);
  const std::string part = shard.substr(0, shard.size() - 3) + "-1.js";
  ASSERT_EQ(files.count(part), 1u);
  EXPECT_NE(files.at(part).find("Finally the Zanzibarique clause of Ville-Étoile."), std::string::npos);
  EXPECT_NE(files.at(shard).find("\"parts\":2"), std::string::npos);
  // Unpublished documents are not indexed at all.
  EXPECT_FALSE(find_key(files, "secretword"));
  EXPECT_NE(files.at("search/search-index.js").find("\"documents\":2,"), std::string::npos);
}

TEST(SearchIndex, WordsAreFoldedAndAdjacentPairsIndexedForPhrases) {
  Rendered r("-- archive.toml --\ntitle = \"GCM\"\n[people.gomez]\nname = \"Juan José Gómez Camacho\"\n"
             "-- letters/a.md --\n+++\ntitle = \"Réinstallation des RÉFUGIÉS\"\ndate = 2018-03-01\nfrom = [\"gomez\"]\n"
             "topics = [\"Ἀθῆναι\"]\n+++\nThe Global Compact, for safe migration.\n");
  const auto files = render_search_index(r.in());
  const std::uint32_t n = number_of(doc_shard(files, "letters/a"));
  const std::vector<std::uint32_t> just{n};
  // The card (title, people, topics, date) counts double: it is in both sets.
  EXPECT_EQ(find_key(files, "reinstallation")->card, just);
  EXPECT_EQ(find_key(files, "refugies")->all, just);
  EXPECT_EQ(find_key(files, "gomez camacho")->card, just);
  EXPECT_EQ(find_key(files, "αθηναι")->card, just);
  EXPECT_EQ(find_key(files, "1 march")->card, just);
  EXPECT_EQ(find_key(files, "=reinstallation des refugies")->card, just);
  // Body words and pairs: in all, not in the card; a pair never spans a punctuation-free gap
  // between two fields or blocks, but does span a comma inside one.
  EXPECT_EQ(find_key(files, "global compact")->all, just);
  EXPECT_TRUE(find_key(files, "global compact")->card.empty());
  EXPECT_EQ(find_key(files, "compact for")->all, just);
  EXPECT_FALSE(find_key(files, "Global"));
  EXPECT_FALSE(find_key(files, "refugies the"));
}

TEST(SearchIndex, FiltersByKindTextRoundAndDate) {
  Rendered r("-- archive.toml --\ntitle = \"GCM\"\n"
             "-- drafts/zero.md --\n+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\nversion = 1\n+++\nText.\n"
             "-- drafts/rev-1.md --\n+++\ntitle = \"Rev 1\"\ndate = 2018-03-05\nversion = 2\n+++\nText.\n"
             "-- rounds/r1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\ndrafts = [\"zero\"]\n+++\nText.\n"
             "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nrounds = [\"r1\"]\n+++\nText.\n"
             "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-03-10\n+++\nSee [the round](@r1).\n"
             "-- letters/c.md --\n+++\ntitle = \"C\"\ndate = 2018-03-11\n+++\nNothing.\n");
  const auto files = render_search_index(r.in());
  auto num = [&](const char* folder) { return number_of(doc_shard(files, folder)); };
  // Numbered oldest first (ids break ties), so that a date range is a range of numbers.
  EXPECT_EQ(num("letters/a"), 0u);
  EXPECT_EQ(num("drafts/zero"), 1u);
  EXPECT_EQ(num("rounds/r1"), 2u);
  EXPECT_EQ(num("drafts/rev-1"), 3u);
  EXPECT_EQ(find_key(files, "kind:letter")->all, (std::vector<std::uint32_t>{0, 4, 5}));
  EXPECT_EQ(find_key(files, "kind:draft")->all, (std::vector<std::uint32_t>{1, 3}));
  EXPECT_EQ(find_key(files, "text:zero")->all, (std::vector<std::uint32_t>{1, 3}));
  EXPECT_EQ(find_key(files, "round:r1")->all, (std::vector<std::uint32_t>{0, 1, 2, 4}));
  // dates.js: the first day (2018-02-05 is day 17567), then (gap, count) per date.
  std::string runs;
  for (int v : {0, 2, 15, 1, 13, 1, 5, 1, 1, 1}) append_varint(runs, static_cast<std::uint64_t>(v));
  EXPECT_EQ(files.at("search/dates.js"),
            "travauxSearchShard(\"dates\",{\"first\":17567,\"runs\":\"" + base64(runs) + "\"});\n");
}

TEST(SearchIndex, ResultsPointAtTheParagraphOrSectionWhereTheWordsStand) {
  Rendered r("-- archive.toml --\ntitle = \"GCM\"\n"
             "-- drafts/zero.md --\n+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\n+++\n"
             "## Objective 7: Address vulnerabilities\n\n12. We commit to respond to the needs.\n\n13. Second paragraph.\n");
  const auto files = render_search_index(r.in());
  const std::string& shard = files.at(doc_shard(files, "drafts/zero"));
  EXPECT_NE(shard.find("\"blocks\":[[\"objective-7\",\"Objective 7: Address vulnerabilities\"],"
                       "[\"para-12\",\"We commit to respond to the needs.\"],[\"para-13\",\"Second paragraph.\"]]"),
            std::string::npos)
      << shard;
}

TEST(SearchIndex, ShardsAreDeterministicBoundedAndNamedInTheManifest) {
  std::string spec = "-- archive.toml --\ntitle = \"GCM\"\n";
  for (int i = 0; i < 1000; ++i)
    spec += "-- letters/l" + std::to_string(i) + ".md --\n+++\ntitle = \"Letter " + std::to_string(i) + "\"\ndate = 2018-0" +
            std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\n+++\nWord" + std::to_string(i) + " alpha beta w" +
            std::to_string(i * 7919 % 1000) + " gamma.\n";
  Rendered r(spec);
  const auto files = render_search_index(r.in());
  std::map<std::string, std::string> one_thread;
  {
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    one_thread = render_search_index(r.in());
  }
  EXPECT_EQ(files, one_thread);
  EXPECT_EQ(files, render_search_index(r.in()));

  // Two series (words, pairs) of several shards each, each closed once it passes the bound;
  // the manifest's separator i-1 sorts after every key of shard i-1 and begins shard i's first.
  for (const std::string series : {"terms", "pairs"}) {
    const std::string& manifest = files.at(series == "terms" ? "search/search-index.js" : "search/pairs.js");
    const std::string list_start = std::string("\"") + (series == "terms" ? "words" : "pairs") + "\":[";
    const std::size_t at = manifest.find(list_start) + list_start.size();
    std::vector<std::string> separators;
    for (std::size_t i = at; manifest[i] == '"';) {
      const std::size_t end = manifest.find('"', i + 1);
      separators.push_back(manifest.substr(i + 1, end - i - 1));
      i = end + 1 + (manifest[end + 1] == ',');
    }
    ASSERT_GE(separators.size(), 1u) << series;
    std::string previous_last;
    for (std::size_t i = 0; i <= separators.size(); ++i) {
      const std::string name = "search/" + series + "/" + std::to_string(i) + ".js";
      ASSERT_EQ(files.count(name), 1u) << name;
      const std::string& bytes = files.at(name);
      EXPECT_LT(bytes.size(), kTermShardBytes + 4096) << name;
      const std::string prefix = "travauxSearchShard(\"" + series + "/" + std::to_string(i) + "\",{\"";
      ASSERT_TRUE(bytes.starts_with(prefix)) << name;
      const std::string first = bytes.substr(prefix.size(), bytes.find('"', prefix.size()) - prefix.size());
      const std::size_t last_start = bytes.rfind("\n\"") + 2;
      const std::string last = bytes.substr(last_start, bytes.find('"', last_start) - last_start);
      if (i > 0) {
        EXPECT_TRUE(first.starts_with(separators[i - 1])) << first << " / " << separators[i - 1];
        EXPECT_LT(previous_last, separators[i - 1]);
      }
      previous_last = last;
    }
    EXPECT_EQ(files.count("search/" + series + "/" + std::to_string(separators.size() + 1) + ".js"), 0u);
  }
  for (int i : {0, 150, 999}) {
    const auto found = find_key(files, "word" + std::to_string(i));
    ASSERT_TRUE(found) << i;
    EXPECT_EQ(found->all.size(), 1u);
  }
  EXPECT_EQ(find_key(files, "alpha beta")->all.size(), 1000u);
}

TEST(SearchEncode, ListOrBitmapWhicheverIsSmaller) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  std::string v;
  append_varint(v, 300);
  EXPECT_EQ(v, "\xAC\x02");
  EXPECT_EQ(encode_doc_set(std::vector<std::uint32_t>{3, 300}, 1000), base64(std::string("L\x03\xA9\x02", 4)));
  std::vector<std::uint32_t> every(40);
  for (std::uint32_t i = 0; i < 40; ++i) every[i] = i;
  EXPECT_EQ(encode_doc_set(every, 40), base64(std::string("B\xFF\xFF\xFF\xFF\xFF", 6)));
  EXPECT_EQ(decode_set(encode_doc_set(every, 40)), every);
}

}  // namespace
}  // namespace travaux::render
