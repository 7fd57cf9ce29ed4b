// The search index patched (render/search_index_patch.h): entries read back from a shard, sets
// of documents decoded exactly as encode_doc_set wrote them, and a patch that gives the
// entries a full build would make.
#include <gtest/gtest.h>

#include <numeric>

#include "render/search_encode.h"
#include "render/search_index_patch.h"

namespace travaux::render {
namespace {

TEST(SearchIndexPatch, DocumentSetsDecodeToWhatWasEncoded) {
  const std::uint32_t universe = 1000;
  std::vector<std::uint32_t> every(universe);
  std::iota(every.begin(), every.end(), 0u);
  const std::vector<std::vector<std::uint32_t>> sets = {{0}, {999}, {3, 4, 200, 998}, every, {1, 128, 129, 16384 % 1000}};
  for (auto set : sets) {
    std::sort(set.begin(), set.end());
    const std::string text = encode_doc_set(set, universe);
    EXPECT_EQ(decode_doc_set(text, universe), set) << text;
  }
  EXPECT_EQ(encode_doc_set(every, universe)[0], 'Q') << "a bitmap ('B' in base64) for a word in every document";
  EXPECT_FALSE(decode_doc_set("not base64!", universe));
  EXPECT_FALSE(decode_doc_set(encode_doc_set(std::vector<std::uint32_t>{5}, universe), 5)) << "past the universe";
}

TEST(SearchIndexPatch, EntriesOfAShardComeBackWithTheirExactText) {
  const std::string script = "travauxSearchShard(\"terms/0\",{" + shard_entry("alpha", std::vector<std::uint32_t>{1, 2}, {}, 10) +
                             ",\n" + shard_entry("b\"eta", std::vector<std::uint32_t>{3}, std::vector<std::uint32_t>{3}, 10) +
                             "});\n";
  std::vector<ShardEntry> entries;
  ASSERT_TRUE(read_shard_entries(script, entries));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].key, "b\"eta");
  EXPECT_EQ(entries[1].text, shard_entry("b\"eta", std::vector<std::uint32_t>{3}, std::vector<std::uint32_t>{3}, 10));
  std::vector<ShardEntry> none;
  EXPECT_FALSE(read_shard_entries("travauxSearchShard(\"terms/0\",{\"a\":\"x\"\"b\":\"y\"});\n", none));
  EXPECT_FALSE(read_shard_entries("alert(1)", none));
}

/// The entries a full build makes from `index` (key -> all, card).
std::vector<ShardEntry> full(const std::map<std::string, KeyDocuments>& index, std::uint32_t universe) {
  std::vector<ShardEntry> out;
  for (const auto& [key, docs] : index) out.push_back({key, shard_entry(key, docs.all, docs.card, universe)});
  return out;
}

TEST(SearchIndexPatch, APatchGivesTheEntriesOfAFullBuild) {
  const std::uint32_t universe = 64;
  std::vector<std::uint32_t> every(universe);
  std::iota(every.begin(), every.end(), 0u);
  // Before: document 7 holds "gone" alone, "shared" with others, "common" everywhere (a bitmap).
  const std::map<std::string, KeyDocuments> before = {
      {"common", {every, {}}}, {"gone", {{7}, {7}}}, {"kept", {{1, 2}, {}}}, {"shared", {{3, 7, 9}, {7}}}};
  // After: document 7 lost "gone" and "common", kept "shared" (out of its card), gained "new".
  std::vector<std::uint32_t> all_but_7;
  for (std::uint32_t d : every) if (d != 7) all_but_7.push_back(d);
  const std::map<std::string, KeyDocuments> after = {
      {"common", {all_but_7, {}}}, {"kept", {{1, 2}, {}}}, {"new", {{7}, {}}}, {"shared", {{3, 7, 9}, {}}}};
  const std::map<std::string, KeyDocuments> added = {{"new", {{7}, {}}}, {"shared", {{7}, {}}}};
  auto patched = patch_entries(full(before, universe), {7}, added, universe);
  ASSERT_TRUE(patched);
  const auto want = full(after, universe);
  ASSERT_EQ(patched->size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ((*patched)[i].key, want[i].key);
    EXPECT_EQ((*patched)[i].text, want[i].text) << want[i].key;
  }
}

TEST(SearchIndexPatch, AnEntryThatCannotBeDecodedRefusesThePatch) {
  std::vector<ShardEntry> entries = {{"a", "\"a\":\"@@@@\""}};
  EXPECT_FALSE(patch_entries(entries, {1}, {}, 10));
}

}  // namespace
}  // namespace travaux::render
