// Tests for compare/provenance.cpp and render/provenance_page.cpp (docs/drafts-and-changes.md,
// "Provenance"): on the invented example examples/drafts-demo, the version that introduced
// each paragraph of the final text and every version that changed it; the share of words by
// version; the pages' links, escaping, and a text whose versions are not held.
#include "compare/provenance.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "link/link.h"
#include "load/load.h"
#include "support/built_demo.h"
#include "support/test_tree.h"

namespace travaux::compare {
namespace {

using Kind = ProvenanceEvent::Kind;

struct Staged {
  model::Archive archive;
  link::LinkedArchive linked;
  ComparedArchive compared;
  std::string diagnostics;
};

std::unique_ptr<Staged> stage_dir(const std::filesystem::path& root) {
  auto s = std::make_unique<Staged>();
  diag::Diagnostics diags;
  s->archive = load::load_archive(root, diags);
  s->linked = link::link_archive(s->archive, diags);
  s->compared = compare_texts(s->archive, s->linked);
  s->diagnostics = test::diagnostics_text(diags);
  return s;
}

std::unique_ptr<Staged> stage(const std::string& spec) {
  test::TempDir dir;
  test::write_tree(dir.path(), spec);
  return stage_dir(dir.path());
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::introduced: return "introduced";
    case Kind::untraced: return "untraced";
    case Kind::split_off: return "split off";
    case Kind::reworded: return "reworded";
    case Kind::moved: return "moved";
    case Kind::renumbered: return "renumbered";
    case Kind::removed: return "removed";
    case Kind::restored: return "restored";
  }
  return "?";
}

/// "introduced Zero draft; renumbered Rev 1 (was 4)" for the paragraph numbered `number` of
/// version `k`.
std::string story(const ComparedText& ct, const TextProvenance& tp, std::size_t k, int number) {
  const diff::DraftText& text = *ct.versions[k].text;
  for (std::size_t s = 0; s < text.sections.size(); ++s)
    for (std::size_t i = 0; i < text.sections[s].paragraphs.size(); ++i) {
      if (text.sections[s].paragraphs[i].number != number) continue;
      std::string out;
      for (const ProvenanceEvent* e : tp.history(tp.versions[k].sections[s][i])) {
        out += std::string(out.empty() ? "" : "; ") + kind_name(e->kind) + " " + ct.versions[e->version].doc->display_name();
        if (e->was) out += " (was " + std::to_string(e->was) + ")";
      }
      return out;
    }
  return "no paragraph " + std::to_string(number);
}

class ProvenanceDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    staged_ = stage_dir(std::filesystem::path(TRAVAUX_SOURCE_DIR) / "examples/drafts-demo").release();
    text_ = &staged_->compared.texts.at(0);
    tp_ = new TextProvenance(trace_provenance(*text_));
  }
  static void TearDownTestSuite() {
    delete tp_;
    delete staged_;
  }
  static inline Staged* staged_ = nullptr;
  static inline const ComparedText* text_ = nullptr;
  static inline TextProvenance* tp_ = nullptr;
};

TEST_F(ProvenanceDemo, EveryParagraphOfTheFinalTextHasItsStory) {
  ASSERT_EQ(staged_->diagnostics, "");
  ASSERT_EQ(text_->versions.size(), 4u);
  const std::vector<std::string> expected = {
      "",  // paragraphs are numbered from 1
      "introduced Zero draft",
      "introduced Zero draft; reworded Rev 1; reworded Rev 2",  // sustains -> supports; + its fisheries
      "introduced Zero draft; reworded Rev 1",                  // the link's destination changed
      "introduced Rev 1",
      "introduced Final text",
      // Renumbered twice, never reworded.
      "introduced Zero draft; renumbered Rev 1 (was 4); renumbered Final text (was 5)",
      "introduced Zero draft; renumbered Rev 1 (was 5); renumbered Final text (was 6)",
      "introduced Zero draft; reworded Rev 1; renumbered Rev 1 (was 6); renumbered Final text (was 7)",
      "introduced Zero draft; renumbered Rev 1 (was 9); moved Rev 2 (was 10); renumbered Final text (was 8)",
      "introduced Zero draft; reworded Rev 1; renumbered Rev 2 (was 8); renumbered Final text (was 9)",
      // Split off from paragraph 8 of Rev 1's predecessor: it inherits that paragraph's start.
      "introduced Zero draft; split off Rev 1 (was 8); reworded Rev 2; renumbered Rev 2 (was 9); "
      "renumbered Final text (was 10)",
      // Moved from Objective 1 to Objective 2.
      "introduced Zero draft; moved Rev 1 (was 7); renumbered Final text (was 11)",
      "introduced Zero draft; renumbered Rev 1 (was 10); reworded Final text; renumbered Final text (was 12)",
      // Removed in Rev 2, restored word for word.
      "introduced Zero draft; renumbered Rev 1 (was 11); removed Rev 2 (was 13); restored Final text",
      "introduced Rev 2; renumbered Final text (was 13)",
      "introduced Final text",
  };
  for (int n = 1; n <= 16; ++n) EXPECT_EQ(story(*text_, *tp_, 3, n), expected[static_cast<std::size_t>(n)]) << "paragraph " << n;
}

TEST_F(ProvenanceDemo, EarlierVersionsStopAtTheirOwnVersion) {
  // Rev 2 does not know what the final text will do, nor holds the removed paragraph.
  EXPECT_EQ(story(*text_, *tp_, 2, 12), "introduced Zero draft; renumbered Rev 1 (was 10)");
  EXPECT_EQ(story(*text_, *tp_, 2, 13), "introduced Rev 2");
  EXPECT_EQ(story(*text_, *tp_, 1, 13), "introduced Zero draft; renumbered Rev 1 (was 11)");
  for (int n = 1; n <= 11; ++n) EXPECT_EQ(story(*text_, *tp_, 0, n), "introduced Zero draft") << n;
}

TEST_F(ProvenanceDemo, EventsPointAtTheParagraphOnTheChangesPageOrTheFirstDraft) {
  const auto& v = tp_->versions[3];
  const auto history = tp_->history(v.sections[1][0]);  // Principles of cooperation, paragraph 6
  ASSERT_EQ(history.size(), 3u);
  EXPECT_TRUE(history[0]->on_draft_page);
  EXPECT_EQ(history[0]->anchor, "para-4");
  EXPECT_FALSE(history[1]->on_draft_page);
  EXPECT_EQ(history[1]->anchor, "para-5");
  EXPECT_EQ(history[2]->anchor, "para-6");
  // The removal points at the removed paragraph on Rev 2's changes page.
  const auto restored = tp_->history(v.sections[4][1]);  // Objective 3, paragraph 14
  ASSERT_EQ(restored.size(), 4u);
  EXPECT_EQ(restored[2]->anchor, "was-para-13");
}

TEST_F(ProvenanceDemo, WordsAreCountedByTheVersionTheyDateFrom) {
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& v = tp_->versions[k];
    std::size_t sum = 0, paragraphs = 0;
    for (std::size_t j = 0; j < v.words_from.size(); ++j) sum += v.words_from[j];
    for (const auto& s : v.sections)
      for (const auto& p : s) paragraphs += p.words;
    EXPECT_EQ(sum, v.words) << k;
    EXPECT_EQ(paragraphs, v.words) << k;
  }
  EXPECT_EQ(tp_->versions[0].words_from, std::vector<std::size_t>{tp_->versions[0].words});
  // Rev 1 reworded "sustains" to "supports" in paragraph 2: one of its 16 words dates from
  // Rev 1, the others from the zero draft.
  const auto& p2 = tp_->versions[1].sections[0][1];
  EXPECT_EQ(p2.words, 16u);
  EXPECT_EQ(p2.newest, 1u);
}

TEST(Provenance, SharesFollowTheWordDiff) {
  const std::string spec =
      "-- archive.toml --\ntitle = \"T\"\n"
      "-- drafts/a.md --\n+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\n1. Alpha beta gamma delta.\n"
      "-- drafts/b.md --\n+++\ntitle = \"B\"\ndate = 2020-02-01\n+++\n1. Alpha beta gamma epsilon.\n\n2. New words here.\n"
      "-- drafts/c.md --\n+++\ntitle = \"C\"\ndate = 2020-03-01\n+++\n1. Alpha beta gamma epsilon.\n\n"
      "2. New words here.\n\n3. Alpha beta gamma delta.\n";
  auto s = stage(spec);
  ASSERT_EQ(s->diagnostics, "");
  const TextProvenance tp = trace_provenance(s->compared.texts.at(0));
  EXPECT_EQ(tp.versions[0].words_from, (std::vector<std::size_t>{4}));
  EXPECT_EQ(tp.versions[1].words_from, (std::vector<std::size_t>{3, 4}));
  // C adds A's first wording again, but B reworded that paragraph rather than removing it: a
  // new paragraph, whose words are new.
  EXPECT_EQ(tp.versions[2].words_from, (std::vector<std::size_t>{3, 4, 4}));
}

TEST(Provenance, AVersionAfterOneNotHeldIsTracedOnlyFromThere) {
  const std::string spec =
      "-- archive.toml --\ntitle = \"T\"\n"
      "-- drafts/a.md --\n+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\n1. One two.\n"
      "-- drafts/b.md --\n+++\ntitle = \"B\"\ndate = 2020-02-01\nfull_text = false\n+++\nNot held.\n"
      "-- drafts/c.md --\n+++\ntitle = \"C\"\ndate = 2020-03-01\n+++\n1. One two.\n\n2. Three.\n"
      "-- drafts/d.md --\n+++\ntitle = \"D\"\ndate = 2020-04-01\n+++\n1. One two.\n\n2. Three four.\n";
  auto s = stage(spec);
  ASSERT_EQ(s->diagnostics, "");
  const ComparedText& ct = s->compared.texts.at(0);
  const TextProvenance tp = trace_provenance(ct);
  EXPECT_FALSE(tp.versions[1].held);
  EXPECT_EQ(tp.versions[2].traced_from, 2u);
  EXPECT_EQ(tp.versions[3].traced_from, 2u);
  EXPECT_EQ(story(ct, tp, 3, 1), "untraced C");
  EXPECT_EQ(story(ct, tp, 3, 2), "untraced C; reworded D");
  EXPECT_TRUE(tp.history(tp.versions[3].sections[0][0])[0]->on_draft_page);
  EXPECT_EQ(tp.versions[3].words_from, (std::vector<std::size_t>{0, 0, 3, 1}));
}

TEST(Provenance, ParagraphIdsAreUniqueOnAPage) {
  const diff::DraftText text = diff::read_draft("Intro.\n\n## A\n\n1. One.\n2. Two.\n\nLoose.\n\n## B\n\n1. Again one.\n", 1);
  const auto ids = paragraph_ids(text);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], (std::vector<std::string>{"opening_1"}));
  EXPECT_EQ(ids[1], (std::vector<std::string>{"para-1", "para-2", "a_3"}));
  EXPECT_EQ(ids[2], (std::vector<std::string>{"b_1"}));  // para-1 is taken
  EXPECT_EQ(removed_id("para-2"), "was-para-2");
}

// The pages, built by the binary.
class ProvenancePages : public test::BuiltDemo {};

TEST_F(ProvenancePages, FinalTextShowsEachParagraphsVersionsLinkedToTheChangesPages) {
  ASSERT_EQ(status_, 0) << output_;
  const std::string html = page("drafts/final-text/provenance/index.html");
  EXPECT_NE(html.find("<h1>Where each paragraph of Final text comes from</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"prov-note\"><span class=\"ev\">Introduced in <a href=\"../../../drafts/zero-draft/index.html#para-4\">Zero draft</a></span> "
                      "<span class=\"ev\">Renumbered in <a href=\"../../../drafts/rev-1/changes/index.html#para-5\">Rev 1</a> (was 4), "
                      "<a href=\"../../../drafts/final-text/changes/index.html#para-6\">Final text</a> (was 5)</span></p>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ev\">Removed in <a href=\"../../../drafts/rev-2/changes/index.html#was-para-13\">Rev 2</a> (as paragraph 13)</span> "
                      "<span class=\"ev\">Restored in <a href=\"../../../drafts/final-text/changes/index.html#para-14\">Final text</a></span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ev\">Split off in <a href=\"../../../drafts/rev-1/changes/index.html#para-9\">Rev 1</a> (from paragraph 8)</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ev\">Introduced in <a href=\"../../../drafts/zero-draft/index.html#para-8\">Zero draft</a> (in paragraph 8)</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ev\">Introduced in <a href=\"../../../drafts/final-text/changes/index.html#para-16\">Final text</a></span>"),
            std::string::npos);
}

TEST_F(ProvenancePages, ShareLineAndChart) {
  const std::string zero = page("drafts/zero-draft/provenance/index.html");
  EXPECT_NE(zero.find("Zero draft is the first version: all its 169 words are new in it."), std::string::npos);
  const std::string fin = page("drafts/final-text/provenance/index.html");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(fin, m, std::regex("<p class=\"share\" id=\"prov-share\">([^<]*)</p>")));
  EXPECT_EQ(m[1].str(),
            "Of its 232 words, 70% are unchanged since Zero draft, 8% since Rev 1, 11% since Rev 2 and 11% are new in Final text.");
  // The bar: one segment per version, widths adding up to the whole.
  std::regex rect("<rect x=\"([0-9.]+)\" y=\"0\" width=\"([0-9.]+)\"");
  double sum = 0;
  int n = 0;
  for (auto it = std::sregex_iterator(fin.begin(), fin.end(), rect); it != std::sregex_iterator(); ++it, ++n)
    sum += std::stod((*it)[2].str());
  EXPECT_EQ(n, 4);
  EXPECT_NEAR(sum, 100.0, 0.01);
  EXPECT_NE(fin.find("<svg class=\"prov-bar\" viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" aria-hidden=\"true\""), std::string::npos);
  EXPECT_NE(fin.find("<a href=\"../../../drafts/zero-draft/provenance/index.html\">Zero draft</a>: 70%"), std::string::npos);
}

TEST_F(ProvenancePages, EveryLinkToAChangesOrDraftPageFindsItsAnchor) {
  std::regex link("href=\"\\.\\./\\.\\./\\.\\./drafts/([a-z0-9-]+)/(changes/)?index\\.html#([^\"]+)\"");
  int checked = 0;
  for (const char* id : {"zero-draft", "rev-1", "rev-2", "final-text"}) {
    const std::string html = page(std::string("drafts/") + id + "/provenance/index.html");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it) {
      const std::string target = page("drafts/" + (*it)[1].str() + "/" + (*it)[2].str() + "index.html");
      EXPECT_NE(target.find("id=\"" + (*it)[3].str() + "\""), std::string::npos) << id << " -> " << (*it)[0].str();
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
}

TEST_F(ProvenancePages, LinkedFromTheDraftChangesAndHistoryPages) {
  EXPECT_NE(page("drafts/rev-2/index.html").find("<a href=\"../../drafts/rev-2/provenance/index.html\">Where each paragraph comes from</a>"),
            std::string::npos);
  EXPECT_NE(page("drafts/rev-2/changes/index.html").find("<a href=\"../../../drafts/rev-2/provenance/index.html\">Where each paragraph of Rev 2 comes from</a>"),
            std::string::npos);
  EXPECT_NE(page("history/objective-3/index.html").find("<a href=\"../../drafts/final-text/provenance/index.html#objective-3\">"),
            std::string::npos);
}

TEST(ProvenancePagesInline, EscapedAndNotHeldTextsSaySo) {
  test::TempDir dir;
  test::write_tree(dir.path() / "content",
                   "-- archive.toml --\ntitle = \"T\"\n"
                   "-- drafts/a.md --\n+++\ntitle = \"A\"\nlabel = \"<b>A&1</b>\"\ndate = 2020-01-01\n+++\n"
                   "## Part <i>one</i>\n\n1. Keep `<script>` & \"this\".\n"
                   "-- drafts/b.md --\n+++\ntitle = \"B\"\nlabel = \"B\"\ndate = 2020-02-01\n+++\n"
                   "## Part <i>one</i>\n\n1. Keep `<script>` & \"this\", now.\n"
                   "-- drafts/g1.md --\n+++\ntitle = \"G1\"\ntext = \"gcm\"\ndate = 2020-01-01\nfull_text = false\n"
                   "objectives = 22\n+++\nThe zero draft.\n"
                   "-- drafts/g2.md --\n+++\ntitle = \"G2\"\ntext = \"gcm\"\ndate = 2020-03-01\nfull_text = false\n"
                   "objectives = 23\n+++\nRev 1 added an objective.\n"
                   "-- letters/l.md --\n+++\ntitle = \"L\"\ndate = 2020-03-02\n+++\n"
                   "[Rev 1](@g2#objective-23) adds an objective on returns.\n");
  std::string output;
  const std::string cmd = std::string(TRAVAUX_BINARY) + " build --content " + (dir.path() / "content").string() +
                          " --out " + (dir.path() / "site").string();
  ASSERT_EQ(test::run_command(cmd, &output), 0) << output;
  const std::string b = test::read_file(dir.path() / "site/drafts/b/provenance/index.html");
  EXPECT_EQ(b.find("<script>"), std::string::npos);
  EXPECT_EQ(b.find("<b>A"), std::string::npos);
  EXPECT_EQ(b.find("<i>"), std::string::npos);
  EXPECT_NE(b.find("&lt;b&gt;A&amp;1&lt;/b&gt;</a>"), std::string::npos);
  EXPECT_NE(b.find("<code>&lt;script&gt;</code> &amp; &quot;this&quot;, now."), std::string::npos);
  EXPECT_NE(b.find("<span class=\"ev\">Reworded in <a href=\"../../../drafts/b/changes/index.html#para-1\">B</a></span>"), std::string::npos);
  // The changes page carries the anchor the link names.
  EXPECT_NE(test::read_file(dir.path() / "site/drafts/b/changes/index.html").find("id=\"para-1\""), std::string::npos);

  const std::string g2 = test::read_file(dir.path() / "site/drafts/g2/provenance/index.html");
  EXPECT_NE(g2.find("This archive does not hold the text of G2"), std::string::npos);
  EXPECT_NE(g2.find("G1 has 22 objectives; G2 has 23 objectives."), std::string::npos);
  EXPECT_NE(g2.find("<blockquote>Rev 1 adds an objective on returns.</blockquote>"), std::string::npos);
  EXPECT_NE(g2.find("Rev 1 added an objective."), std::string::npos);
  const std::string g1 = test::read_file(dir.path() / "site/drafts/g1/provenance/index.html");
  EXPECT_NE(g1.find("This archive does not hold the text of G1"), std::string::npos);
  EXPECT_NE(g1.find("G1 has 22 objectives."), std::string::npos);
}

}  // namespace
}  // namespace travaux::compare
