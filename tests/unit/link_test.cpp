// Tests for link/link.cpp: anchors in drafts, backlinks with their sentence, relations from
// front matter and text, duplicate aliases (issue #3, CONTENT-MODEL.md "Cross-references").
#include "link/link.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <atomic>

#include "link/context.h"
#include "link/link_record.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::link {
namespace {

struct Linked {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  LinkedArchive linked;
  explicit Linked(const std::string& spec) {
    test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n" + spec);
    archive = load::load_archive(dir.path(), diags);
    EXPECT_EQ(test::diagnostics_text(diags), "");
    linked = link_archive(archive, diags);
    diags.sort();
  }
  const LinkedDocument& doc(std::string_view id) const { return linked.of(archive, *archive.find(id)); }
};

constexpr const char* kSpec =
    "-- drafts/zero.md --\n+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\naliases = [\"zero draft\"]\n+++\n"
    "## Preamble\n\n1. We, the Heads of State.\n\n## Objective 7: Address vulnerabilities\n\n"
    "2. We commit.\n3. Also.\n\n## Implementation\n"
    "-- rounds/round-1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\n+++\n"
    "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-10\nrounds = [\"round-1\"]\n+++\n"
    "We share the zero draft. It will be discussed in the first round. Objective 7 matters; see also "
    "[the preamble](@zero#preamble).\n"
    "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-11\n+++\nAs paragraph 3 says.\n";

TEST(LinkArchive, DraftsGetStableAnchorsWithMarkers) {
  Linked l(kSpec);
  EXPECT_EQ(test::diagnostics_text(l.diags), "");
  EXPECT_EQ(l.doc("zero").anchors,
            (std::vector<std::string>{"implementation", "objective-7", "para-1", "para-2", "para-3", "preamble"}));
  const std::string& html = l.doc("zero").body_html;
  // Whitespace inside the heading is the renderer's business; the id and the marker are ours.
  EXPECT_NE(html.find("<h2 id=\"objective-7\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<a class=\"here\" href=\"#objective-7\" aria-label=\"Link to this place\">#</a></h2>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("<li id=\"para-3\" value=\"3\"><a class=\"here\" href=\"#para-3\""), std::string::npos) << html;
}

TEST(LinkArchive, ReferencesKeepOrderAndKindAndBacklinksOnePerSource) {
  Linked l(kSpec);
  const auto& refs = l.doc("a").references;
  std::vector<std::string> seen;
  for (const auto& r : refs) seen.push_back(r.to_id + "#" + r.anchor);
  // Front matter first, then the body in reading order.
  EXPECT_EQ(seen, (std::vector<std::string>{"round-1#", "zero#preamble", "zero#", "round-1#", "zero#objective-7"}));
  EXPECT_EQ(refs[0].via, Reference::Via::front_matter);
  EXPECT_EQ(refs[1].via, Reference::Via::link);
  EXPECT_EQ(refs[2].via, Reference::Via::alias);
  EXPECT_EQ(refs[3].via, Reference::Via::mention);

  // One backlink per (source, target), with the sentence the first reference stands in.
  const auto& to_zero = l.linked.backlinks.at("zero");
  ASSERT_EQ(to_zero.size(), 2u);
  EXPECT_EQ(to_zero[0].from_id, "a");
  EXPECT_EQ(to_zero[0].context, "Objective 7 matters; see also the preamble.");
  EXPECT_EQ(to_zero[1].from_id, "b");
  EXPECT_EQ(to_zero[1].anchor, "para-3");
  EXPECT_EQ(to_zero[1].context, "As paragraph 3 says.");
  EXPECT_EQ(to_zero[1].pos, (diag::SourcePos{"letters/b.md", 5, 4}));
  // letters/a.md names round-1 in `rounds` first; the backlink quotes the text's mention.
  const auto& to_round = l.linked.backlinks.at("round-1");
  ASSERT_EQ(to_round.size(), 1u);
  EXPECT_EQ(to_round[0].from_id, "a");
  EXPECT_EQ(to_round[0].via, Reference::Via::mention);
  EXPECT_EQ(to_round[0].context, "It will be discussed in the first round.");
}

TEST(LinkArchive, MentionSentenceIsTakenFromTheWholeParagraph) {
  Linked l("-- rounds/round-1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\n+++\n"
           "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-10\n+++\n"
           "We write. The *agenda* of the\nfirst round is attached. Thanks.\n");
  const auto& refs = l.doc("a").references;
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].context, "The agenda of the first round is attached.");
  EXPECT_EQ(refs[0].pos, (diag::SourcePos{"letters/a.md", 6, 1}));
}

TEST(LinkArchive, ALinkQuotesItsOwnSentenceWhenItsTextRepeats) {
  Linked l("-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-10\n+++\nFirst see [here](b.md). Then not here.\n"
           "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-11\n+++\nThe text says here. Later see [here](a.md).\n");
  EXPECT_EQ(l.linked.backlinks.at("b")[0].context, "First see here.");
  EXPECT_EQ(l.linked.backlinks.at("a")[0].context, "Later see here.");
}

TEST(SentenceAround, EndsAtSentenceMarksIncludingAfterNumbers) {
  const std::string text = "It met on 7 May 2018. The third round, see No. 5 there, followed. Then more.";
  EXPECT_EQ(sentence_around(text, text.find("third")), "The third round, see No. 5 there, followed.");
  EXPECT_EQ(sentence_around(text, 0), "It met on 7 May 2018.");
}

TEST(LinkArchive, AnAliasClaimedTwiceIsAWarningAndTheFirstDocumentKeepsIt) {
  Linked l("-- documents/a.md --\n+++\ntitle = \"A\"\ndate = 2018-01-01\naliases = [\"the note\"]\n+++\n"
           "-- documents/b.md --\n+++\ntitle = \"B\"\ndate = 2018-01-02\naliases = [\"The Note\"]\n+++\n"
           "-- letters/c.md --\n+++\ntitle = \"C\"\ndate = 2018-01-03\n+++\nSee the note.\n");
  EXPECT_EQ(test::diagnostics_text(l.diags),
            "documents/b.md:4:1: warning: alias 'The Note' is also an alias of 'a'; its mentions link to 'a'\n");
  EXPECT_NE(l.doc("c").body_html.find("href=\"travaux:documents/a/\""), std::string::npos);
}

TEST(LinkArchive, ResultIsTheSameOnEveryRun) {
  Linked first(kSpec);
  Linked second(kSpec);
  for (const char* id : {"zero", "a", "b"}) EXPECT_EQ(first.doc(id).body_html, second.doc(id).body_html) << id;
}

TEST(AnchorTable, EachDocumentsAnchorsAreMadeOnceByWhicheverAsksFirst) {
  std::atomic<int> reads{0};
  AnchorTable table(3, [&](std::size_t i) {
    reads.fetch_add(1);
    return std::set<std::string>{"read-" + std::to_string(i)};
  }, true);
  // The document's own linking came first: its tree's anchors stand, nothing is read.
  EXPECT_EQ(table.settle(0, [] { return std::set<std::string>{"own"}; }), (std::set<std::string>{"own"}));
  EXPECT_EQ(table.at(0), (std::set<std::string>{"own"}));
  // A look-up came first: the body is read once, and the linking that follows keeps that.
  EXPECT_EQ(table.at(1), (std::set<std::string>{"read-1"}));
  EXPECT_EQ(table.settle(1, [] { return std::set<std::string>{"own"}; }), (std::set<std::string>{"read-1"}));
  EXPECT_EQ(table.bodies_read(), 1u);
  EXPECT_EQ(table.hash(1), anchor_set_hash({"read-1"}));
  // Many threads asking at once read the body once.
  tbb::parallel_for(0, 64, [&](int) { EXPECT_EQ(table.at(2).size(), 1u); });
  EXPECT_EQ(reads.load(), 2);
}

TEST(LinkArchive, ADraftCitingAnotherGetsItsAnchorWhicheverIsLinkedFirst) {
  // Drafts are linked before other documents and in parallel: the one cited may be linked
  // after the one citing it, and its anchors are then read for the look-up.
  std::string spec = kSpec;
  for (int i = 0; i < 40; ++i)
    spec += "-- drafts/d" + std::to_string(i) + ".md --\n+++\ntitle = \"D" + std::to_string(i) +
            "\"\ndate = 2018-01-01\n+++\nAs paragraph 3 of the zero draft says.\n";
  for (int jobs : {1, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(jobs));
    Linked l(spec);
    for (int i = 0; i < 40; ++i)
      EXPECT_NE(l.doc("d" + std::to_string(i)).body_html.find("href=\"travaux:drafts/zero/#para-3\""), std::string::npos) << i;
  }
}

}  // namespace
}  // namespace travaux::link
