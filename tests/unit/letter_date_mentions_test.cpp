// Tests for link/letter_date_mentions.cpp and its use in mentions.cpp: letters named by their
// date (CONTENT-MODEL.md, "Cross-references"; docs/cross-references.md, "Letters named by their
// date"): every written form, year inference, the shared-sender tie-break, the warnings.
#include "link/letter_date_mentions.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::link {
namespace {

// ---- The scanner: which words make a mention, and what date they say ----

struct Scanned {
  std::string text;  // the bytes the link would cover
  int day, month, year;  // year 0: not written
};

std::vector<Scanned> scan(std::string_view text) {
  std::vector<Scanned> out;
  for (const auto& m : scan_letter_date_mentions(text, 0, text.size()))
    out.push_back({std::string(text.substr(m.begin, m.end - m.begin)), m.day, m.month, m.year.value_or(0)});
  return out;
}

bool operator==(const Scanned& a, const Scanned& b) {
  return a.text == b.text && a.day == b.day && a.month == b.month && a.year == b.year;
}
std::ostream& operator<<(std::ostream& os, const Scanned& s) {
  return os << "{" << s.text << " " << s.day << "/" << s.month << "/" << s.year << "}";
}
using S = std::vector<Scanned>;

TEST(LetterDateScanner, DayMonthWithAndWithoutTheYear) {
  EXPECT_EQ(scan("As conveyed in our letter of 28 February, the first three days"),
            (S{{"letter of 28 February", 28, 2, 0}}));
  EXPECT_EQ(scan("Further to my letter dated 5 February 2018 concerning"),
            (S{{"letter dated 5 February 2018", 5, 2, 2018}}));
  EXPECT_EQ(scan("the letter of 13 February 2018."), (S{{"letter of 13 February 2018", 13, 2, 2018}}));
}

TEST(LetterDateScanner, MonthDayYearAsInAmericanCorrespondence) {
  EXPECT_EQ(scan("their letter of February 28, 2018, says"), (S{{"letter of February 28, 2018", 28, 2, 2018}}));
  EXPECT_EQ(scan("his letter dated March 5 announced"), (S{{"letter dated March 5", 5, 3, 0}}));
}

TEST(LetterDateScanner, OrdinalDays) {
  EXPECT_EQ(scan("her letter of 28th February"), (S{{"letter of 28th February", 28, 2, 0}}));
  EXPECT_EQ(scan("the letter of the 1st of March 2018"), (S{{"letter of the 1st of March 2018", 1, 3, 2018}}));
  EXPECT_EQ(scan("our letter dated February 2nd, 2018"), (S{{"letter dated February 2nd, 2018", 2, 2, 2018}}));
  EXPECT_EQ(scan("my letter of 23rd March"), (S{{"letter of 23rd March", 23, 3, 0}}));
}

TEST(LetterDateScanner, EveryDeterminerAndNoneAnyCase) {
  for (const char* det : {"our", "my", "the", "their", "his", "her", "this Office's"}) {
    const std::string text = std::string("In ") + det + " letter of 5 March 2018 we";
    EXPECT_EQ(scan(text), (S{{"letter of 5 March 2018", 5, 3, 2018}})) << det;
  }
  EXPECT_EQ(scan("Letter dated 5 MARCH 2018 from the co-facilitators"),
            (S{{"Letter dated 5 MARCH 2018", 5, 3, 2018}}));
  EXPECT_EQ(scan("by letter of 5\xC2\xA0March 2018"), (S{{"letter of 5\xC2\xA0March 2018", 5, 3, 2018}}));
}

TEST(LetterDateScanner, WhatIsNotALetterNamedByItsDate) {
  EXPECT_EQ(scan("a letter of 5 March 2018 was sent"), S{});  // indefinite: not a particular letter
  EXPECT_EQ(scan("another letter dated 5 March"), S{});
  EXPECT_EQ(scan("the letters of 5 February and 13 February"), S{});
  EXPECT_EQ(scan("the cover letter of the same date"), S{});
  EXPECT_EQ(scan("newsletter of 5 March"), S{});
  EXPECT_EQ(scan("letter of 5 Marches"), S{});
  EXPECT_EQ(scan("letter of 123 March"), S{});
  EXPECT_EQ(scan("letter of 32 March"), S{});
  EXPECT_EQ(scan("letter of March 2018"), S{});
  EXPECT_EQ(scan("letter of 5th"), S{});
  // A year that is not four digits is not read as the year.
  EXPECT_EQ(scan("letter of 5 March 18"), (S{{"letter of 5 March", 5, 3, 0}}));
}

TEST(LetterDateScanner, ScansInOnePassAndHonoursTheWindow) {
  const std::string text = "our letter of 5 March and my letter dated 6 March 2018.";
  EXPECT_EQ(scan(text).size(), 2u);
  const auto second = scan_letter_date_mentions(text, 10, text.size());
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].day, 6);
  // A long text of near-misses is read once: no mention, no time to speak of.
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "letter of the letter dated 31 ";
  EXPECT_TRUE(scan_letter_date_mentions(big, 0, big.size()).empty());
}

// ---- Resolution and linking in an archive ----

constexpr const char* kArchive =
    "-- archive.toml --\ntitle = \"Test archive\"\n"
    "[people.pga]\nname = \"P\"\nrole = \"President\"\n"
    "[people.cof1]\nname = \"C1\"\nrole = \"Co-facilitator\"\n"
    "[people.cof2]\nname = \"C2\"\nrole = \"Co-facilitator\"\n";

std::string letter(std::string_view id, std::string_view date, std::string_view from, std::string_view body,
                   std::string_view extra = "") {
  return "-- letters/" + std::string(id) + ".md --\n+++\ntitle = \"Letter " + std::string(id) + "\"\ndate = " +
         std::string(date) + "\nfrom = [" + std::string(from) + "]\n" + std::string(extra) + "+++\n" +
         std::string(body) + "\n";
}

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
  /// Ids of the documents `id`'s body links to, in order.
  std::vector<std::string> targets(std::string_view id) const {
    std::vector<std::string> out;
    for (const auto& r : doc(id).references) out.push_back(r.to_id);
    return out;
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

using V = std::vector<std::string>;

/// Two letters of 5 February 2018 (the President's and the co-facilitators'), as in the
/// shipped archive, and one of 28 February.
const std::string kLetters =
    std::string(kArchive) + letter("pga-feb5", "2018-02-05", "\"pga\"", "Text.", "full_text = false\n") +
    letter("cof-feb5", "2018-02-05", "\"cof1\", \"cof2\"", "Text.") +
    letter("cof-feb28", "2018-02-28", "\"cof1\", \"cof2\"", "As conveyed in our letter of 28 February.");

TEST(LetterDateMentions, LinksTheLetterOfThatDateAndRecordsAReference) {
  auto l = link_tree(kLetters + letter("cof-mar5", "2018-03-05", "\"cof1\", \"cof2\"",
                                       "As conveyed in our letter of 28 February, the days are set."));
  EXPECT_EQ(l->doc("cof-mar5").body_html,
            "<p>As conveyed in our <a href=\"travaux:letters/cof-feb28/\" class=\"mention\" "
            "title=\"Letter cof-feb28\">letter of 28 February</a>, the days are set.</p>\n");
  const auto& refs = l->doc("cof-mar5").references;
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].to_id, "cof-feb28");
  EXPECT_EQ(refs[0].via, Reference::Via::mention);
  EXPECT_EQ(refs[0].context, "As conveyed in our letter of 28 February, the days are set.");
  EXPECT_EQ(refs[0].pos.line, 6);
  EXPECT_EQ(refs[0].pos.column, 20);
  // "Referenced by" on the letter named.
  auto it = l->linked.backlinks.find("cof-feb28");
  ASSERT_NE(it, l->linked.backlinks.end());
  ASSERT_EQ(it->second.size(), 1u);
  EXPECT_EQ(it->second[0].from_id, "cof-mar5");
}

TEST(LetterDateMentions, EveryWrittenFormLinks) {
  std::string body;
  for (const char* s : {"our letter of 28 February", "my letter dated 28 February 2018",
                        "the letter of February 28, 2018", "their letter of 28th February",
                        "his letter of the 28th of February", "her letter dated February 28th",
                        "this Office's letter of 28 February 2018", "Letter of 28 February"})
    body += std::string("See ") + s + ".\n\n";
  auto l = link_tree(kLetters + letter("mar", "2018-03-10", "\"pga\"", body));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->targets("mar"), V(8, "cof-feb28"));
}

TEST(LetterDateMentions, TheOmittedYearIsTheOneOnOrBeforeTheDocumentAcrossANewYear) {
  const std::string spec =
      std::string(kArchive) + letter("dec-2017", "2017-12-20", "\"cof1\"", "Text.") +
      letter("dec-2018", "2018-12-20", "\"cof1\"", "Text.") +
      letter("jan", "2019-01-10", "\"cof1\"", "Further to our letter of 20 December.") +
      letter("dec-19", "2018-12-19", "\"pga\"", "Before our letter of 20 December.") +
      "-- documents/note.md --\n+++\ntitle = \"Note\"\ndate = 2018-12-20\n+++\nOn the letter of 20 December.\n";
  auto l = link_tree(spec);
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->targets("jan"), V{"dec-2018"});     // across the new year: 2018, not 2019
  EXPECT_EQ(l->targets("dec-19"), V{"dec-2017"});  // 20 December 2018 is after it
  EXPECT_EQ(l->targets("note"), V{"dec-2018"});    // the day itself counts
}

TEST(LetterDateMentions, TwoLettersOfOneDateTheSharedSenderWins) {
  auto l = link_tree(kLetters +
                     letter("pga-feb15", "2018-02-15", "\"pga\"", "Further to my letter dated 5 February 2018.") +
                     letter("cof-feb13", "2018-02-13", "\"cof2\"", "Further to our letter of 5 February.") +
                     "-- rounds/round-1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\n+++\n"
                     "Its dates were given in the letter of 5 February 2018.\n");
  EXPECT_EQ(l->targets("pga-feb15"), V{"pga-feb5"});  // known only from other sources, linked all the same
  EXPECT_EQ(l->targets("cof-feb13"), V{"cof-feb5"});
  // The round page names no sender: still ambiguous, a warning at the mention, plain text.
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "rounds/round-1.md:6:29: warning: 'letter of 5 February 2018' is not linked: 2 letters are dated "
            "2018-02-05 (cof-feb5, pga-feb5) and this document names no sender to choose by\n");
  ASSERT_EQ(l->diags.items().size(), 1u);
  EXPECT_EQ(l->diags.items()[0].hint,
            "link the letter meant explicitly, e.g. [letter of 5 February 2018](@cof-feb5)");
  EXPECT_EQ(l->targets("round-1"), V{});
  EXPECT_EQ(l->doc("round-1").body_html, "<p>Its dates were given in the letter of 5 February 2018.</p>\n");
}

TEST(LetterDateMentions, SharingASenderWithBothIsStillAmbiguous) {
  auto l = link_tree(kLetters + letter("joint", "2018-02-20", "\"pga\", \"cof1\"", "After the letter of 5 February."));
  EXPECT_EQ(l->targets("joint"), V{});
  const std::string text = test::diagnostics_text(l->diags);
  EXPECT_NE(text.find("letters/joint.md:6:11: warning: 'letter of 5 February' is not linked: 2 letters are dated "
                      "2018-02-05 (the year inferred from this document's date, 2018-02-20) (cof-feb5, pga-feb5) "
                      "and 2 share a sender with this document\n"),
            std::string::npos)
      << text;
  ASSERT_EQ(l->diags.items().size(), 1u);
  EXPECT_EQ(l->diags.items()[0].hint,
            "link the letter meant explicitly, e.g. [letter of 5 February](@cof-feb5), or give this document "
            "the `from` it shares with that letter");
}

TEST(LetterDateMentions, NoLetterOfThatDateOrNoSuchDayIsAWarningNeverAnError) {
  auto l = link_tree(std::string(kArchive) +
                     letter("x", "2018-03-01", "\"pga\"", "Our letter of 2 March 2017 and the letter of 30 February.\n"
                                                          "My letter dated 29 February 2018 too."));
  EXPECT_FALSE(l->diags.has_errors());
  EXPECT_EQ(l->targets("x"), V{});
  EXPECT_EQ(test::diagnostics_text(l->diags),
            "letters/x.md:6:5: warning: 'letter of 2 March 2017' is not linked: the archive has no letter dated "
            "2017-03-02\n"
            "letters/x.md:6:36: warning: 'letter of 30 February' is not linked: there is no such day\n"
            "letters/x.md:7:4: warning: 'letter dated 29 February 2018' is not linked: there is no such day\n");
  ASSERT_EQ(l->diags.items().size(), 3u);
  EXPECT_EQ(l->diags.items()[0].hint,
            "correct the date, or add the letter to letters/ (with full_text = false if its text is not held)");
  EXPECT_EQ(l->diags.items()[1].hint, "correct the date");
}

TEST(LetterDateMentions, TwentyNinthOfFebruaryGoesBackToTheLastLeapYear) {
  auto l = link_tree(std::string(kArchive) + letter("leap", "2016-02-29", "\"pga\"", "Text.") +
                     letter("later", "2018-03-01", "\"pga\"", "Further to my letter of 29 February."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->targets("later"), V{"leap"});
}

TEST(LetterDateMentions, NotInsideLinksCodeOrOnTheLettersOwnPage) {
  auto l = link_tree(kLetters + letter("mar", "2018-03-05", "\"cof1\"",
                                       "Our [letter of 28 February](https://example.org/x) and `letter of 28 "
                                       "February`.\n\n    letter of 28 February\n\n"
                                       "Their [letter dated 5 February 2018](@pga-feb5)."));
  EXPECT_EQ(test::diagnostics_text(l->diags), "");
  EXPECT_EQ(l->targets("mar"), V{"pga-feb5"});  // the explicit link only
  EXPECT_EQ(l->doc("mar").body_html.find("class=\"mention\""), std::string::npos);
  // The letter of 28 February quotes its own date ("our letter of 28 February"): no link, no warning.
  EXPECT_EQ(l->targets("cof-feb28"), V{});
  EXPECT_EQ(l->doc("cof-feb28").body_html, "<p>As conveyed in our letter of 28 February.</p>\n");
}

}  // namespace
}  // namespace travaux::link
