// Reading back a document's search shard (render/search_shard_read.h): the exact inverse of
// what search_index.cpp writes, and nothing else accepted.
#include <gtest/gtest.h>

#include "render/search_shard_read.h"
#include "text/escape.h"

namespace travaux::render {
namespace {

TEST(SearchShardRead, JsonStringsComeBackExactly) {
  const std::vector<std::string> samples = {
      "", "plain", "quote \" and backslash \\", "<script>", "tab\tnew\nline\rreturn", std::string("nul\0byte", 8),
      "\x01\x1f controls", "line\xE2\x80\xA8separator\xE2\x80\xA9paragraph", "accents é ü ß", "emoji \xF0\x9F\x98\x80",
      "ends with backslash \\"};
  for (const auto& s : samples) {
    std::string json;
    text::append_json_string(json, s);
    json += ",";  // what follows is left alone
    std::size_t at = 0;
    std::string back;
    ASSERT_TRUE(read_json_string(json, at, back)) << json;
    EXPECT_EQ(back, s);
    EXPECT_EQ(at, json.size() - 1);
  }
}

TEST(SearchShardRead, EscapesOtherWritersUseAreDecoded) {
  const std::string json = R"("a\/b\b\f\u00e9\ud83d\ude00")";
  std::size_t at = 0;
  std::string back;
  ASSERT_TRUE(read_json_string(json, at, back));
  EXPECT_EQ(back, "a/b\b\f\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(SearchShardRead, MalformedStringsAreRefused) {
  for (const std::string json : {R"("open)", R"("bad \x escape")", R"("\u12")", R"("\ud83d alone")", R"("\ude00")", "nope"}) {
    std::size_t at = 0;
    std::string back;
    EXPECT_FALSE(read_json_string(json, at, back)) << json;
  }
}

TEST(SearchShardRead, BlocksOfEveryPartInOrder) {
  const std::vector<std::string> parts = {
      R"(travauxSearchShard("d/7",{"title":"\"blocks\":[ in a title","parts":2,"blocks":[["para-1","One."],["","Two \u003cb\u003e."]]});)" "\n",
      R"(travauxSearchShard("d/7-1",{"blocks":[["objective-7","Three."]]});)" "\n"};
  const auto blocks = shard_blocks(parts);
  ASSERT_TRUE(blocks);
  ASSERT_EQ(blocks->size(), 3u);
  EXPECT_EQ((*blocks)[0].anchor, "para-1");
  EXPECT_EQ((*blocks)[1].text, "Two <b>.");
  EXPECT_EQ((*blocks)[2].anchor, "objective-7");
  EXPECT_EQ((*blocks)[2].text, "Three.");
  EXPECT_TRUE(shard_blocks({R"(travauxSearchShard("d/1",{"title":"","parts":1,"blocks":[]});)" "\n"}));
}

TEST(SearchShardRead, AnythingElseIsRefused) {
  for (const std::string part : {
           std::string(R"(travauxSearchShard("d/1",{"blocks":[["a","b"]]});)"),  // cut short
           std::string(R"(travauxSearchShard("d/1",{"blocks":[["a","b"]["c","d"]]});)" "\n"),
           std::string(R"(travauxSearchShard("d/1",{"blocks":[["a"]]});)" "\n"),
           std::string(R"(travauxSearchShard("d/1",{"title":"x"});)" "\n"),
           std::string(R"(alert(1);travauxSearchShard("d/1",{"blocks":[]});)" "\n")}) {
    EXPECT_FALSE(shard_blocks({part})) << part;
  }
}

}  // namespace
}  // namespace travaux::render
