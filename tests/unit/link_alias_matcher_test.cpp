// Tests for link/alias_matcher.cpp: one pass, case-insensitive, whole words, leftmost-longest
// (issue #3: "longest match wins", "one pass over the text").
#include "link/alias_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace travaux::link {
namespace {

std::vector<std::string> found(const AliasMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& x : m.find(text, 0, text.size()))
    out.push_back(std::string(text.substr(x.begin, x.end - x.begin)) + "=" + std::to_string(x.value));
  return out;
}

using V = std::vector<std::string>;

TEST(AliasMatcher, LongestAtTheSameStartWinsAndEarlierStartBeatsLonger) {
  AliasMatcher m;
  m.add("zero draft", 0);
  m.add("zero draft plus", 1);
  m.add("draft plus annex", 2);
  m.add("plus", 3);
  m.build();
  EXPECT_EQ(found(m, "the Zero Draft Plus annex"), (V{"Zero Draft Plus=1"}));
  EXPECT_EQ(found(m, "the zero draft, plus"), (V{"zero draft=0", "plus=3"}));
  EXPECT_EQ(found(m, "a draft plus annex"), (V{"draft plus annex=2"}));
}

TEST(AliasMatcher, WholeWordsOnlyWithPunctuationInsidePhrases) {
  AliasMatcher m;
  m.add("A/RES/73/195", 0);
  m.add("A/CONF.231/3", 1);
  m.add("Rev 1", 2);
  m.build();
  EXPECT_EQ(found(m, "(A/RES/73/195), A/CONF.231/3."), (V{"A/RES/73/195=0", "A/CONF.231/3=1"}));
  EXPECT_EQ(found(m, "Rev 12, PreRev 1, Rev 1é, rev 1"), (V{"rev 1=2"}));
  EXPECT_EQ(found(m, "A/RES/73/1950 xA/CONF.231/3"), V{});
  // Curly quotes, dashes and no-break spaces are boundaries; letters with accents are not.
  EXPECT_EQ(found(m, "\u201CRev 1\u201D\u2013Rev 1\u00A0and \u00E9Rev 1"), (V{"Rev 1=2", "Rev 1=2"}));
}

TEST(AliasMatcher, SuffixPhrasesAreFoundThroughFailureLinks) {
  AliasMatcher m;
  m.add("global compact for migration", 0);
  m.add("compact", 1);
  m.build();
  EXPECT_EQ(found(m, "the global compact on refugees"), (V{"compact=1"}));
}

TEST(AliasMatcher, AWindowSeesBoundariesOutsideIt) {
  AliasMatcher m;
  m.add("round", 0);
  m.build();
  const std::string text = "around round";
  EXPECT_TRUE(m.find(text, 1, 6).empty());  // "round" inside "around" is not a word
  ASSERT_EQ(m.find(text, 7, 8).size(), 1u);
}

// Speed with many aliases is measured by bench/mentions_bench.cpp, not asserted here.
TEST(AliasMatcher, FindsEveryMatchAmongManyAliases) {
  AliasMatcher m;
  for (int i = 0; i < 20000; ++i) m.add("document number " + std::to_string(i) + " of the archive", i);
  m.build();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "see document number " + std::to_string(i * 7 % 20000) + " of the archive; ";
  auto matches = m.find(text, 0, text.size());
  EXPECT_EQ(matches.size(), 20000u);
}

// The automaton against a plain search over every phrase at every position, on random phrases
// and texts over a small alphabet (overlaps, shared prefixes and suffixes, upper case).
TEST(AliasMatcher, AgreesWithAPlainSearchOnRandomPhrases) {
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
  const std::string alphabet = "abAB -.";
  auto random_text = [&](std::size_t n) {
    std::string t;
    for (std::size_t i = 0; i < n; ++i) t += alphabet[next() % alphabet.size()];
    return t;
  };
  auto lower = [](std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  for (int round = 0; round < 200; ++round) {
    AliasMatcher m;
    std::vector<std::string> phrases;
    for (int k = 0; k < 6; ++k) {
      std::string p = random_text(1 + next() % 4);
      m.add(p, static_cast<int>(phrases.size()));
      phrases.push_back(lower(p));
    }
    m.build();
    const std::string text = random_text(60);
    const std::string folded = lower(text);
    std::vector<AliasMatcher::Match> plain;
    for (std::size_t b = 0; b < text.size(); ++b)
      for (std::size_t k = 0; k < phrases.size(); ++k) {
        const std::string& p = phrases[k];
        const std::size_t e = b + p.size();
        if (e > text.size() || folded.compare(b, p.size(), p) != 0) continue;
        // Its first value wins for a phrase added twice.
        if (std::find(phrases.begin(), phrases.begin() + static_cast<long>(k), p) != phrases.begin() + static_cast<long>(k)) continue;
        const bool starts = !word_before(text, b) || !word_at(text, b);
        const bool ends = !word_at(text, e) || !word_before(text, e);
        if (starts && ends) plain.push_back({b, e, static_cast<int>(k)});
      }
    plain = leftmost_longest(std::move(plain));
    const auto found = m.find(text, 0, text.size());
    ASSERT_EQ(found.size(), plain.size()) << text;
    for (std::size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].begin, plain[i].begin) << text;
      EXPECT_EQ(found[i].end, plain[i].end) << text;
      EXPECT_EQ(found[i].value, plain[i].value) << text;
    }
  }
}

}  // namespace
}  // namespace travaux::link
