// Tests for link/mentions.cpp: aliases, rounds, objectives and paragraphs linked in running
// text, resolved against the draft in force (issue #3, CONTENT-MODEL.md "Cross-references").
#include "link/mentions.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::link {
namespace {

/// Three draft versions with real text, growing by one objective and one paragraph each.
constexpr const char* kDrafts =
    "-- archive.toml --\ntitle = \"Test archive\"\n"
    "-- drafts/zero.md --\n+++\ntitle = \"Zero draft\"\nlabel = \"Zero draft\"\ndate = 2018-02-05\n"
    "version = 1\naliases = [\"zero draft\"]\n+++\n"
    "## Preamble\n\n1. We, the Heads of State.\n\n## Objective 1: Collect data\n\n2. We commit to Objective 1.\n\n"
    "## Objective 2: Minimize drivers\n\n3. We commit, as paragraph 2 says.\n"
    "-- drafts/plus.md --\n+++\ntitle = \"Zero draft plus\"\nlabel = \"Zero draft plus\"\ndate = 2018-03-05\n"
    "version = 2\naliases = [\"zero draft plus\"]\n+++\n"
    "## Preamble\n\n1. We, the Heads of State.\n\n## Objective 1: Collect data\n\n2. Data.\n\n"
    "## Objective 2: Minimize drivers\n\n3. Drivers.\n\n## Objective 3: Information\n\n4. Information.\n"
    "-- drafts/rev-1.md --\n+++\ntitle = \"Draft Rev 1\"\nlabel = \"Rev 1\"\ndate = 2018-03-26\n"
    "version = 3\naliases = [\"Rev 1\", \"Draft Rev 1\"]\n+++\n"
    "## Preamble\n\n1. We, the Heads of State.\n\n## Objective 1: Collect data\n\n2. Data.\n\n"
    "## Objective 2: Minimize drivers\n\n3. Drivers.\n\n## Objective 3: Information\n\n4. Information.\n\n"
    "## Objective 4: Identity\n\n5. Identity.\n"
    "-- rounds/round-1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\n+++\n"
    "The first round took place in New York.\n"
    "-- rounds/round-2.md --\n+++\ntitle = \"Second round\"\ndate = 2018-03-12\nnumber = 2\n+++\n"
    "-- documents/res.md --\n+++\ntitle = \"Resolution 71/280\"\ndate = 2017-04-06\n"
    "aliases = [\"A/RES/71/280\"]\nfull_text = false\n+++\n";

struct Linked {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  LinkedArchive linked;

  const LinkedDocument& doc(std::string_view id) const {
    const model::Document* d = archive.find(id);
    EXPECT_NE(d, nullptr) << id;
    return linked.of(archive, *d);
  }
};

std::unique_ptr<Linked> link_tree(const std::string& spec) {
  auto l = std::make_unique<Linked>();
  test::write_tree(l->dir.path(), spec);
  l->archive = load::load_archive(l->dir.path(), l->diags);
  EXPECT_EQ(test::diagnostics_text(l->diags), "") << "the archive should load cleanly";
  l->linked = link_archive(l->archive, l->diags);
  l->diags.sort();
  return l;
}

std::string letter(std::string_view id, std::string_view date, std::string_view body) {
  return "-- letters/" + std::string(id) + ".md --\n+++\ntitle = \"" + std::string(id) + "\"\ndate = " +
         std::string(date) + "\n+++\n" + std::string(body) + "\n";
}

TEST(Mentions, ObjectiveResolvesToTheDraftInForceOnTheLettersDate) {
  auto l = link_tree(std::string(kDrafts) + letter("feb", "2018-02-10", "See Objective 2.") +
                     letter("mar", "2018-03-05", "See Objective 2.") +
                     letter("apr", "2018-04-01", "See Objective 2."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("feb").body_html,
            "<p>See <a href=\"travaux:drafts/zero/#objective-2\" class=\"mention\" "
            "title=\"Objective 2 of Zero draft\">Objective 2</a>.</p>\n");
  // A draft dated on the letter's day is in force that day.
  EXPECT_NE(l->doc("mar").body_html.find("href=\"travaux:drafts/plus/#objective-2\""), std::string::npos);
  EXPECT_NE(l->doc("apr").body_html.find("href=\"travaux:drafts/rev-1/#objective-2\""), std::string::npos);
  const auto& refs = l->doc("apr").references;
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].to_id, "rev-1");
  EXPECT_EQ(refs[0].anchor, "objective-2");
  EXPECT_EQ(refs[0].context, "See Objective 2.");
  EXPECT_EQ(refs[0].via, Reference::Via::mention);
  EXPECT_EQ(refs[0].pos, (diag::SourcePos{"letters/apr.md", 5, 5}));
}

TEST(Mentions, ListsAndRangesLinkEveryNumber) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("apr", "2018-04-01", "Objectives 1, 2, and 4 and objectives 1-3; Objectives 2 to 4."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("apr").body_html,
            "<p><a href=\"travaux:drafts/rev-1/#objective-1\" class=\"mention\" title=\"Objective 1 of Rev 1\">"
            "Objectives 1</a>, <a href=\"travaux:drafts/rev-1/#objective-2\" class=\"mention\" "
            "title=\"Objective 2 of Rev 1\">2</a>, and <a href=\"travaux:drafts/rev-1/#objective-4\" "
            "class=\"mention\" title=\"Objective 4 of Rev 1\">4</a> and "
            "<a href=\"travaux:drafts/rev-1/#objective-1\" class=\"mention\" title=\"Objective 1 of Rev 1\">"
            "objectives 1</a>-<a href=\"travaux:drafts/rev-1/#objective-3\" class=\"mention\" "
            "title=\"Objective 3 of Rev 1\">3</a>; <a href=\"travaux:drafts/rev-1/#objective-2\" "
            "class=\"mention\" title=\"Objective 2 of Rev 1\">Objectives 2</a> to "
            "<a href=\"travaux:drafts/rev-1/#objective-4\" class=\"mention\" title=\"Objective 4 of Rev 1\">4</a>."
            "</p>\n");
}

TEST(Mentions, ParagraphsAndTheirListsLinkToParaAnchors) {
  auto l = link_tree(std::string(kDrafts) + letter("apr", "2018-04-01", "In paragraphs 2 and 3, and paragraph 5:"));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  const std::string& html = l->doc("apr").body_html;
  EXPECT_NE(html.find(">paragraphs 2</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"travaux:drafts/rev-1/#para-3\" class=\"mention\" title=\"Paragraph 3 of Rev 1\">3</a>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("href=\"travaux:drafts/rev-1/#para-5\""), std::string::npos) << html;
}

TEST(Mentions, ANumberTheDraftInForceLacksIsAnErrorAtItsPosition) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("feb", "2018-02-10", "Objective 3 is new.\nSo are objectives 1 to 4 and paragraph 9."));
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/feb.md:5:1: error: 'Objective 3' does not resolve: zero (Zero draft), the draft in force "
            "on 2018-02-10, has no anchor '#objective-3'\n"
            "letters/feb.md:6:24: error: 'Objective 3' does not resolve: zero (Zero draft), the draft in force "
            "on 2018-02-10, has no anchor '#objective-3'\n"
            "letters/feb.md:6:30: error: 'paragraph 9' does not resolve: zero (Zero draft), the draft in force "
            "on 2018-02-10, has no anchor '#para-9'\n");
}

TEST(Mentions, NoDraftInForceLeavesPlainTextWithAWarning) {
  auto l = link_tree(std::string(kDrafts) + letter("early", "2017-12-01", "It will have an Objective 7."));
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/early.md:5:17: warning: 'Objective 7' is not linked: no draft is in force on 2017-12-01 "
            "(the first, zero, is dated 2018-02-05)\n");
  EXPECT_EQ(l->doc("early").body_html, "<p>It will have an Objective 7.</p>\n");
  EXPECT_TRUE(l->doc("early").references.empty());
}

TEST(Mentions, InADraftMentionsResolveToThatDraftAsInPageAnchors) {
  auto l = link_tree(std::string(kDrafts));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  const std::string& html = l->doc("zero").body_html;
  EXPECT_NE(html.find("We commit to <a href=\"#objective-1\" class=\"mention\" title=\"Objective 1 of Zero draft\">"
                      "Objective 1</a>."),
            std::string::npos) << html;
  EXPECT_NE(html.find("as <a href=\"#para-2\""), std::string::npos) << html;
  // Headings of a draft are never linked, and a page does not reference itself.
  EXPECT_NE(html.find("Objective 1: Collect data"), std::string::npos);
  EXPECT_TRUE(l->doc("zero").references.empty());
}

TEST(Mentions, RoundsByOrdinalByNumberAndInLists) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("mar", "2018-03-01",
                            "The second round of intergovernmental negotiations follows the first and second "
                            "rounds plan; see Round 1. The first three days matter."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("mar").body_html,
            "<p>The <a href=\"travaux:rounds/round-2/\" class=\"mention\" title=\"Second round\">second round of "
            "intergovernmental negotiations</a> follows the <a href=\"travaux:rounds/round-1/\" class=\"mention\" "
            "title=\"First round\">first</a> and <a href=\"travaux:rounds/round-2/\" class=\"mention\" "
            "title=\"Second round\">second</a> rounds plan; see <a href=\"travaux:rounds/round-1/\" "
            "class=\"mention\" title=\"First round\">Round 1</a>. The first three days matter.</p>\n");
}

TEST(Mentions, ARoundTheArchiveDoesNotHaveIsAWarning) {
  auto l = link_tree(std::string(kDrafts) + letter("mar", "2018-03-01", "Until the sixth round."));
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/mar.md:5:11: warning: 'sixth round' is not linked: the archive has no round 6\n");
}

TEST(Mentions, LongestAliasWinsAndMatchingIsCaseInsensitiveOnWholeWords) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("mar", "2018-03-06", "The Zero Draft Plus replaces the zero draft; Rev 12 and "
                                                 "draft rev 1 differ; zero drafts are not aliases."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("mar").body_html,
            "<p>The <a href=\"travaux:drafts/plus/\" class=\"mention\" title=\"Zero draft plus\">Zero Draft Plus</a> "
            "replaces the <a href=\"travaux:drafts/zero/\" class=\"mention\" title=\"Zero draft\">zero draft</a>; "
            "Rev 12 and <a href=\"travaux:drafts/rev-1/\" class=\"mention\" title=\"Rev 1\">draft rev 1</a> differ; "
            "zero drafts are not aliases.</p>\n");
  std::vector<std::string> to;
  for (const auto& r : l->doc("mar").references) {
    to.push_back(r.to_id);
    EXPECT_EQ(r.via, Reference::Via::alias);
  }
  EXPECT_EQ(to, (std::vector<std::string>{"plus", "zero", "rev-1"}));
}

TEST(Mentions, AliasesWithSlashesAndDots) {
  auto l = link_tree(std::string(kDrafts) +
                     "-- documents/conf.md --\n+++\ntitle = \"Outcome\"\ndate = 2018-07-13\n"
                     "aliases = [\"A/CONF.231/3\"]\n+++\n" +
                     letter("jul", "2018-07-20", "Adopted as A/CONF.231/3. See A/RES/71/280, not A/RES/71/2801."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("jul").body_html,
            "<p>Adopted as <a href=\"travaux:documents/conf/\" class=\"mention\" title=\"Outcome\">A/CONF.231/3</a>. "
            "See <a href=\"travaux:documents/res/\" class=\"mention\" title=\"Resolution 71/280\">A/RES/71/280</a>, "
            "not A/RES/71/2801.</p>\n");
}

TEST(Mentions, CodeLinksAndOwnPageAreLeftAlone) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("apr", "2018-04-01",
                            "`Objective 2` and [the zero draft](@zero) and [Objective 3](https://example.org/).\n\n"
                            "```\nparagraph 2\n```") +
                     "-- rounds/round-3.md --\n+++\ntitle = \"Third round\"\ndate = 2018-04-03\nnumber = 3\n+++\n"
                     "The third round and round 3 are this page; the second round is not.\n");
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("apr").body_html,
            "<p><code>Objective 2</code> and <a href=\"travaux:drafts/zero/\">the zero draft</a> and "
            "<a href=\"https://example.org/\">Objective 3</a>.</p>\n<pre><code>paragraph 2\n</code></pre>\n");
  EXPECT_EQ(l->doc("round-3").body_html,
            "<p>The third round and round 3 are this page; the <a href=\"travaux:rounds/round-2/\" "
            "class=\"mention\" title=\"Second round\">second round</a> is not.</p>\n");
}

TEST(Mentions, OfFollowedByAnAliasPointsIntoThatDocument) {
  auto l = link_tree(std::string(kDrafts) +
                     letter("apr", "2018-04-01",
                            "Paragraph 2 of the zero draft, paragraph 27 of General Assembly resolution 71/280, "
                            "paragraph 3 of A/RES/71/280 and Objective 4 of the Global Compact."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->doc("apr").body_html,
            "<p><a href=\"travaux:drafts/zero/#para-2\" class=\"mention\" title=\"Paragraph 2 of Zero draft\">"
            "Paragraph 2</a> of the <a href=\"travaux:drafts/zero/\" class=\"mention\" title=\"Zero draft\">"
            "zero draft</a>, paragraph 27 of General Assembly resolution 71/280, "
            "<a href=\"travaux:documents/res/\" class=\"mention\" title=\"Paragraph 3 of Resolution 71/280\">"
            "paragraph 3</a> of <a href=\"travaux:documents/res/\" class=\"mention\" title=\"Resolution 71/280\">"
            "A/RES/71/280</a> and <a href=\"travaux:drafts/rev-1/#objective-4\" class=\"mention\" "
            "title=\"Objective 4 of Rev 1\">Objective 4</a> of the Global Compact.</p>\n");
}

TEST(Mentions, OfAnAliasWhoseTextLacksTheAnchorIsAWarningAndPlainText) {
  // CONTENT-MODEL.md, "Edge rules": a historical letter cannot be corrected, so never an error.
  auto l = link_tree(std::string(kDrafts) + letter("apr", "2018-04-01", "See paragraph 4 of the zero draft."));
  EXPECT_FALSE(l->diags.has_errors());
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/apr.md:5:5: warning: 'paragraph 4' is not linked: zero (Zero draft), named after 'of', "
            "has no anchor '#para-4'\n");
  EXPECT_EQ(l->doc("apr").body_html,
            "<p>See paragraph 4 of the <a href=\"travaux:drafts/zero/\" class=\"mention\" title=\"Zero draft\">"
            "zero draft</a>.</p>\n");
}

TEST(Mentions, ParagraphOfALetterLinksToThatLettersNumberedParagraph) {
  auto l = link_tree(std::string(kDrafts) +
                     "-- letters/roadmap.md --\n+++\ntitle = \"Roadmap\"\ndate = 2018-01-10\n"
                     "aliases = [\"the roadmap\"]\n+++\nDear colleagues,\n\n1. First.\n2. Second.\n3. Third.\n4. Fourth.\n" +
                     letter("apr", "2018-04-01", "As paragraph 4 of the roadmap says, and paragraph 9 of the roadmap."));
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/apr.md:5:41: warning: 'paragraph 9' is not linked: roadmap (Roadmap), named after 'of', "
            "has no anchor '#para-9'\n");
  const std::string& html = l->doc("apr").body_html;
  EXPECT_NE(html.find("<a href=\"travaux:letters/roadmap/#para-4\" class=\"mention\" "
                      "title=\"Paragraph 4 of Roadmap\">paragraph 4</a>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("says, and paragraph 9 of <a href=\"travaux:letters/roadmap/\""), std::string::npos) << html;
  const auto& roadmap = l->doc("roadmap");
  EXPECT_EQ(roadmap.anchors, (std::vector<std::string>{"para-1", "para-2", "para-3", "para-4"}));
  EXPECT_NE(roadmap.body_html.find("<li id=\"para-4\" value=\"4\">"), std::string::npos) << roadmap.body_html;
}

TEST(Mentions, ListBrokenAcrossLinesStillLinksEachNumber) {
  auto l = link_tree(std::string(kDrafts) + letter("apr", "2018-04-01", "Objectives 1,\n3 and 4."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  const std::string& html = l->doc("apr").body_html;
  EXPECT_NE(html.find(">Objectives 1</a>,\n<a href=\"travaux:drafts/rev-1/#objective-3\""), std::string::npos) << html;
  EXPECT_NE(html.find("#objective-4\" class=\"mention\" title=\"Objective 4 of Rev 1\">4</a>."), std::string::npos)
      << html;
}

TEST(Mentions, DraftWhoseTextIsNotHeldAcceptsDeclaredObjectivesAndLinksItsPage) {
  auto l = link_tree(
      "-- archive.toml --\ntitle = \"T\"\n"
      "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-05\nfull_text = false\nobjectives = 22\n+++\n"
      "Not held.\n" +
      letter("apr", "2018-04-01", "Objectives 21, 22 and 23."));
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/apr.md:5:23: error: 'Objective 23' does not resolve: zero (Zero), the draft in force on "
            "2018-04-01, has no anchor '#objective-23'\n");
  EXPECT_EQ(l->doc("apr").body_html,
            "<p><a href=\"travaux:drafts/zero/\" class=\"mention\" title=\"Objective 21 of Zero\">Objectives 21</a>, "
            "<a href=\"travaux:drafts/zero/\" class=\"mention\" title=\"Objective 22 of Zero\">22</a> and 23.</p>\n");
}

}  // namespace
}  // namespace travaux::link
