// Tests for diff/compare.cpp and diff/draft_text.cpp: matching sections and paragraphs of two
// draft versions (issue 4, "Done means").
#include "diff/compare.h"

#include <gtest/gtest.h>

#include "diff/inline_html.h"

namespace travaux::diff {
namespace {

/// One line per section: "anchor*: items", where an item is N (same), N<M (renumbered from M),
/// N~ (changed), N^M (moved from M), +N (added), +N/M (split from M), -M (removed),
/// -M>N (merged into N), M>>N (moved away to N). "*" marks a changed section.
std::string describe(const Comparison& c) {
  using K = ParagraphChange::Kind;
  std::string out;
  for (const auto& s : c.sections) {
    out += s.anchor();
    if (s.renamed) out += "(was " + s.before->anchor + ")";
    if (!s.before) out += "(new)";
    if (!s.after) out += "(removed)";
    out += s.changed() ? "*:" : ":";
    for (const auto& p : s.paragraphs) {
      out += " ";
      const std::string a = p.after ? std::to_string(p.after->number) : "";
      const std::string b = p.before ? std::to_string(p.before->number) : "";
      switch (p.kind) {
        case K::added: out += "+" + a + (p.split_from ? "/" + std::to_string(p.split_from->number) : ""); break;
        case K::removed: out += "-" + b + (p.merged_into ? ">" + std::to_string(p.merged_into->number) : ""); break;
        case K::moved_away: out += b + ">>" + a; break;
        case K::changed:
        case K::unchanged:
          out += a;
          if (p.moved) out += "^" + b;
          else if (p.renumbered) out += "<" + b;
          if (p.kind == K::changed) out += "~";
      }
    }
    out += "\n";
  }
  return out;
}

std::string compare_text(const std::string& a, const std::string& b) {
  const DraftText x = read_draft(a, 1), y = read_draft(b, 1);
  return describe(compare(x, y));
}

const char* kBase =
    "## Preamble\n\n"
    "1. We the parties meet in the valley to agree on water.\n\n"
    "2. Recognizing that the river feeds the farms and towns.\n\n"
    "## Objective 1: Data\n\n"
    "3. Each party will measure river flow every day at its borders.\n\n"
    "4. A joint data centre will hold the records of all parties.\n\n"
    "## Objective 2: Pollution\n\n"
    "5. Parties will list every industrial discharge into the river.\n\n"
    "6. Farms near the river will receive help to reduce fertiliser use.\n";

TEST(Compare, IdenticalVersionsHaveNoChange) {
  const DraftText x = read_draft(kBase, 1), y = read_draft(kBase, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "preamble: 1 2\nobjective-1: 3 4\nobjective-2: 5 6\n");
  EXPECT_FALSE(c.total.any());
  EXPECT_EQ(c.total.unchanged, 6);
}

TEST(Compare, AddedParagraphRenumbersTheRestWithoutMovingThem) {
  std::string b = kBase;
  b.replace(b.find("## Objective 1"), 0, "3. Mindful of droughts that grow longer every year.\n\n");
  for (int n = 6; n >= 3; --n) {
    const std::string from = "\n" + std::to_string(n) + ". ";
    const auto at = b.rfind(from);
    b.replace(at, from.size(), "\n" + std::to_string(n + 1) + ". ");
  }
  EXPECT_EQ(compare_text(kBase, b), "preamble*: 1 2 +3\nobjective-1: 4<3 5<4\nobjective-2: 6<5 7<6\n");
}

TEST(Compare, RemovedParagraph) {
  std::string b = kBase;
  b.erase(b.find("4. A joint"), std::string("4. A joint data centre will hold the records of all parties.\n\n").size());
  EXPECT_EQ(compare_text(kBase, b), "preamble: 1 2\nobjective-1*: 3 -4\nobjective-2: 5 6\n");
}

TEST(Compare, RewordedParagraphIsChangedWithAWordDiff) {
  std::string b = kBase;
  b.replace(b.find("every day"), 9, "every week");
  const DraftText x = read_draft(kBase, 1), y = read_draft(b, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "preamble: 1 2\nobjective-1*: 3~ 4\nobjective-2: 5 6\n");
  EXPECT_EQ(c.total.changed, 1);
  EXPECT_EQ(inline_html(c.sections[1].paragraphs[0].words, nullptr),
            "Each party will measure river flow every <del>day</del><ins>week</ins> at its borders.");
}

TEST(Compare, ParagraphMovedToAnotherSectionIsMovedNotRemovedAndAdded) {
  const std::string b =
      "## Preamble\n\n"
      "1. We the parties meet in the valley to agree on water.\n\n"
      "2. Recognizing that the river feeds the farms and towns.\n\n"
      "## Objective 1: Data\n\n"
      "3. Each party will measure river flow every day at its borders.\n\n"
      "## Objective 2: Pollution\n\n"
      "4. Parties will list every industrial discharge into the river.\n\n"
      "5. Farms near the river will receive help to reduce fertiliser use.\n\n"
      "6. A joint data centre will hold all the records of all parties.\n";
  const DraftText x = read_draft(kBase, 1), y = read_draft(b, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "preamble: 1 2\nobjective-1*: 3 4>>6\nobjective-2*: 4<5 5<6 6^4~\n");
  EXPECT_EQ(c.total.moved, 1);
  EXPECT_EQ(c.total.changed, 1);
  EXPECT_EQ(c.total.added + c.total.removed, 0);
}

TEST(Compare, ReorderedParagraphsWithinASection) {
  const std::string b =
      "## Preamble\n\n"
      "1. Recognizing that the river feeds the farms and towns.\n\n"
      "2. We the parties meet in the valley to agree on water.\n";
  const std::string a =
      "## Preamble\n\n"
      "1. We the parties meet in the valley to agree on water.\n\n"
      "2. Recognizing that the river feeds the farms and towns.\n";
  EXPECT_EQ(compare_text(a, b), "preamble*: 1^2 2<1 2>>1\n");
}

TEST(Compare, SplitParagraph) {
  const std::string a = "## Objective 2: Pollution\n\n5. Parties will list every industrial discharge into the river, and they will set common limits for heavy metals.\n";
  const std::string b = "## Objective 2: Pollution\n\n5. Parties will list every industrial discharge into the river.\n\n6. They will set common limits for heavy metals.\n";
  EXPECT_EQ(compare_text(a, b), "objective-2*: 5~ +6/5\n");
}

TEST(Compare, MergedParagraphs) {
  const std::string a = "## Objective 2: Pollution\n\n5. Parties will list every industrial discharge into the river.\n\n6. They will set common limits for heavy metals.\n";
  const std::string b = "## Objective 2: Pollution\n\n5. Parties will list every industrial discharge into the river, and they will set common limits for heavy metals.\n";
  EXPECT_EQ(compare_text(a, b), "objective-2*: 5~ -6>5\n");
}

TEST(Compare, RenamedSectionIsMatchedByItsParagraphs) {
  const std::string a = "## Guiding principles\n\n1. Cooperation rests on good faith and equity.\n\n2. Data shall be shared freely.\n";
  const std::string b = "## Principles of cooperation\n\n1. Cooperation rests on good faith and equity.\n\n2. Data shall be shared freely.\n";
  const DraftText x = read_draft(a, 1), y = read_draft(b, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "principles-of-cooperation(was guiding-principles)*: 1 2\n");
  EXPECT_EQ(inline_html(c.sections[0].title_words, nullptr),
            "<del>Guiding principles</del><ins>Principles of cooperation</ins>");
}

TEST(Compare, RemovedAndNewSections) {
  const std::string a = "## Objective 3: Disputes\n\n1. Disputes go to negotiation first.\n\n## Objective 4: Other\n\n2. Other things remain.\n";
  const std::string b = "## Objective 4: Other\n\n1. Other things remain.\n\n## Objective 5: Droughts\n\n2. A drought plan shares the flow fairly.\n";
  EXPECT_EQ(compare_text(a, b), "objective-3(removed)*: -1\nobjective-4: 1<2\nobjective-5(new)*: +2\n");
}

TEST(Compare, EmptyPreviousVersionMakesEverythingAdded) {
  const DraftText x = read_draft("", 1), y = read_draft(kBase, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "preamble(new)*: +1 +2\nobjective-1(new)*: +3 +4\nobjective-2(new)*: +5 +6\n");
  EXPECT_EQ(c.total.added, 6);
}

TEST(Compare, NonAsciiTextIsComparedByWord) {
  const std::string a = "## Préambule\n\n1. Réunis à Genève, les États conviennent de coopérer.\n";
  const std::string b = "## Préambule\n\n1. Réunis à Zürich, les États conviennent de coopérer.\n";
  const DraftText x = read_draft(a, 1), y = read_draft(b, 1);
  const Comparison c = compare(x, y);
  EXPECT_EQ(describe(c), "préambule*: 1~\n");
  EXPECT_EQ(inline_html(c.sections[0].paragraphs[0].words, nullptr),
            "Réunis à <del>Genève</del><ins>Zürich</ins>, les États conviennent de coopérer.");
}

TEST(DraftText, AnchorsMatchTheDraftPage) {
  const DraftText t = read_draft("Opening words.\n\n## Objective 7: X\n\n7. a\n\n## Para 7\n\n## Vision\n\n## Vision\n", 1);
  ASSERT_EQ(t.sections.size(), 5u);
  EXPECT_EQ(t.sections[0].anchor, "opening");
  EXPECT_EQ(t.sections[1].anchor, "objective-7");
  EXPECT_EQ(t.sections[2].anchor, "para-7-2");
  EXPECT_EQ(t.sections[3].anchor, "vision");
  EXPECT_EQ(t.sections[4].anchor, "vision-2");
  EXPECT_EQ(t.paragraph_count(), 2u);
}

}  // namespace
}  // namespace travaux::diff

namespace travaux::diff {
namespace {

// The HTML made once when a draft is read and once per comparison is what the pages would make
// themselves, and is not made where a link's href depends on the page (docs/drafts-and-changes.md,
// "The comparison stage").
TEST(HeldHtml, SameAsMadeOnThePageAndNeverForLinks) {
  const std::string a =
      "## Objective 1: *Data*\n\n"
      "1. Each party will measure river flow every day.\n\n"
      "2. As *agreed in [the letter](../letters/l1.md)*, parties report yearly.\n\n"
      "3. Fishing quotas are shared by treaty.\n";
  const std::string b =
      "## Objective 1: *Data*\n\n"
      "1. Each party will measure river flow every week.\n\n"
      "2. As *agreed in [the letter](../letters/l1.md)*, parties report monthly.\n\n"
      "4. Ships **register** with the port authority.\n";
  const DraftText x = read_draft(a, 1), y = read_draft(b, 1);
  const UrlFor url_for = [](const std::string& url) { return "u:" + url; };
  const Section& s = y.sections[0];
  ASSERT_TRUE(s.title_html.has_value());
  EXPECT_EQ(*s.title_html, inline_html(s.title_atoms, url_for));
  ASSERT_TRUE(s.paragraphs[0].html.has_value());
  EXPECT_EQ(*s.paragraphs[0].html, inline_html(s.paragraphs[0].atoms, url_for));
  // The link sits inside emphasis: the paragraph still has no page-independent HTML.
  EXPECT_FALSE(s.paragraphs[1].html.has_value());
  EXPECT_EQ(plain_html(s.paragraphs[1], url_for), inline_html(s.paragraphs[1].atoms, url_for));
  EXPECT_NE(plain_html(s.paragraphs[1], url_for).find("href=\"u:../letters/l1.md\""), std::string::npos);

  Comparison held = compare(x, y);
  const Comparison fresh = compare(x, y);
  hold_html(held);
  int with_html = 0, without = 0;
  for (std::size_t i = 0; i < held.sections.size(); ++i) {
    EXPECT_EQ(title_html(held.sections[i], url_for), inline_html(fresh.sections[i].title_words, url_for));
    for (std::size_t j = 0; j < held.sections[i].paragraphs.size(); ++j) {
      const ParagraphChange& c = held.sections[i].paragraphs[j];
      (c.html ? with_html : without)++;
      EXPECT_EQ(inline_html(c, url_for), inline_html(fresh.sections[i].paragraphs[j], url_for));
    }
  }
  EXPECT_EQ(with_html, 3);  // day -> week, 3 removed, 4 added
  EXPECT_EQ(without, 1);    // the changed paragraph with the link
}

}  // namespace
}  // namespace travaux::diff
