// Tests for load/parse_document.cpp: kinds, ids, typed keys, positions (issue #2 "Loading").
#include "load/parse_document.h"

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::load {
namespace {

std::optional<ParsedDocument> parse(const std::string& path, const std::string& text, diag::Diagnostics& diags) {
  return parse_document(path, text, diags);
}

TEST(ParseDocument, ReadsALetter) {
  diag::Diagnostics diags;
  auto p = parse("letters/2018-02-05-zero-draft.md",
                 "+++\n"
                 "title = \"Zero draft shared\"\n"
                 "date = 2018-02-05\n"
                 "from = [\"gomez-camacho\", \"lauber\"]\n"
                 "to = \"All Permanent Representatives\"\n"
                 "place = \"New York\"\n"
                 "attachments = [\"zero-draft\"]\n"
                 "topics = [\"zero draft\"]\n"
                 "+++\n"
                 "\n"
                 "Excellency,\n",
                 diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(test::diagnostics_text(diags), "");
  const model::Document& d = p->doc;
  EXPECT_EQ(d.kind, model::Kind::letter);
  EXPECT_EQ(d.id, "2018-02-05-zero-draft");
  EXPECT_EQ(d.url_folder, "letters/2018-02-05-zero-draft");
  EXPECT_EQ(d.date, (model::Date{2018, 2, 5}));
  EXPECT_EQ(d.from, (std::vector<std::string>{"gomez-camacho", "lauber"}));
  EXPECT_EQ(d.attachments, std::vector<std::string>{"zero-draft"});
  EXPECT_EQ(d.body, "\nExcellency,\n");
  EXPECT_EQ(d.body_line, 10);
  EXPECT_FALSE(p->work_in_progress);
}

TEST(ParseDocument, KindComesFromTheFolderAndTypeOverridesIt) {
  diag::Diagnostics diags;
  auto page = parse("methodology/notes.md", "+++\ntitle = \"N\"\ndate = 2018-01-01\n+++\n", diags);
  auto typed = parse("documents/x.md", "+++\ntitle = \"X\"\ndate = 2018-01-01\ntype = \"letter\"\n+++\n", diags);
  ASSERT_TRUE(page && typed);
  EXPECT_EQ(page->doc.kind, model::Kind::page);
  EXPECT_EQ(page->doc.url_folder, "methodology/notes");
  EXPECT_EQ(typed->doc.kind, model::Kind::letter);
  EXPECT_EQ(typed->doc.url_folder, "letters/x");
  EXPECT_EQ(test::diagnostics_text(diags), "");
}

TEST(ParseDocument, IdKeyOverridesTheStem) {
  diag::Diagnostics diags;
  auto p = parse("drafts/Rev One.md", "+++\ntitle = \"R\"\ndate = 2018-03-26\nid = \"rev-1\"\n+++\n", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->doc.id, "rev-1");
  EXPECT_EQ(p->doc.url_folder, "drafts/rev-1");
  EXPECT_FALSE(diags.has_errors());
}

TEST(ParseDocument, TomlErrorIsReportedAtItsLineInTheMarkdownFile) {
  diag::Diagnostics diags;
  // Front-matter line 2 (the unclosed string) is line 3 of the file; toml++ points at
  // the end of the line, where the closing quote is missing.
  parse("letters/a.md", "+++\ntitle = \"ok\"\ndate = \"unclosed\n+++\n", diags);
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(diags.items()[0].pos, (diag::SourcePos{"letters/a.md", 3, 17}));
  EXPECT_TRUE(diags.items()[0].message.starts_with("invalid TOML: "));
}

TEST(ParseDocument, MissingTitleAndDateAreErrorsAtTheTable) {
  diag::Diagnostics diags;
  parse("letters/a.md", "+++\nplace = \"Geneva\"\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:2:1: error: missing required key 'title'\n"
            "letters/a.md:2:1: error: missing required key 'date'\n");
}

TEST(ParseDocument, WrongTypesAreReportedAtTheValue) {
  diag::Diagnostics diags;
  parse("rounds/r.md",
        "+++\n"
        "title = 7\n"
        "date = \"5 March\"\n"
        "number = \"two\"\n"
        "aliases = [\"ok\", 3]\n"
        "+++\n",
        diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "rounds/r.md:2:9: error: 'title' must be a string in quotes\n"
            "rounds/r.md:3:8: error: 'date' must be a date (YYYY-MM-DD)\n"
            "rounds/r.md:5:18: error: 'aliases' must be an array of strings\n"
            "rounds/r.md:4:10: error: 'number' must be an integer\n");
}

TEST(ParseDocument, QuotedIsoDateIsAccepted) {
  diag::Diagnostics diags;
  auto p = parse("letters/a.md", "+++\ntitle = \"A\"\ndate = \"2018-03-05\"\n+++\n", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->doc.date, (model::Date{2018, 3, 5}));
  EXPECT_FALSE(diags.has_errors());
}

TEST(ParseDocument, InvalidIdsAreErrors) {
  diag::Diagnostics diags;
  parse("letters/Bad Name.md", "+++\ntitle = \"A\"\ndate = 2018-01-01\n+++\n", diags);
  parse("letters/b.md", "+++\ntitle = \"B\"\ndate = 2018-01-01\nid = \"../../etc\"\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/Bad Name.md:1:1: error: the file name gives the invalid id 'Bad Name'\n"
            "letters/b.md:4:1: error: invalid id '../../etc'\n");
}

TEST(ParseDocument, UnknownTypeIsAnErrorAndUnknownKeysAreWarnings) {
  diag::Diagnostics diags;
  parse("letters/a.md", "+++\ntitle = \"A\"\ndate = 2018-01-01\ntype = \"memo\"\ntopcs = [\"x\"]\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:4:1: error: unknown type 'memo'\n"
            "letters/a.md:5:1: warning: unknown key 'topcs'\n");
  EXPECT_EQ(diags.items()[1].hint, "did you mean 'topics'?");
}

TEST(ParseDocument, DraftTrueMarksWorkInProgress) {
  diag::Diagnostics diags;
  auto p = parse("letters/a.md", "+++\ntitle = \"A\"\ndate = 2018-01-01\ndraft = true\n+++\n", diags);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->work_in_progress);
}

TEST(ParseDocument, SourceMustBeHttpOrStatic) {
  diag::Diagnostics diags;
  parse("letters/a.md", "+++\ntitle = \"A\"\ndate = 2018-01-01\nsource = \"javascript:alert(1)\"\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/a.md:4:1: error: 'source' must be an http(s):// URL or a path into static/\n");
}

TEST(ParseDocument, RoundSessionsAreReadAndChecked) {
  diag::Diagnostics diags;
  auto p = parse("rounds/round-1.md",
                 "+++\n"
                 "title = \"First round\"\n"
                 "date = 2018-02-20\n"
                 "end = 2018-02-23\n"
                 "number = 1\n"
                 "\n"
                 "[[sessions]]\n"
                 "date = 2018-02-20\n"
                 "start = \"10:00\"\n"
                 "end = \"13:00\"\n"
                 "title = \"General statements\"\n"
                 "room = \"Trusteeship Council\"\n"
                 "\n"
                 "[[sessions]]\n"
                 "date = 2018-02-24\n"
                 "start = \"25:00\"\n"
                 "title = \"Too late\"\n"
                 "kind = \"party\"\n"
                 "+++\n",
                 diags);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->doc.sessions.size(), 2u);
  EXPECT_EQ(p->doc.sessions[0].room, "Trusteeship Council");
  EXPECT_EQ(p->doc.sessions[0].kind, "negotiation");
  EXPECT_EQ(p->doc.number, 1);
  EXPECT_EQ(test::diagnostics_text(diags),
            "rounds/round-1.md:16:1: error: session 2: 'start' must be a 24-hour time like \"10:00\", not \"25:00\"\n"
            "rounds/round-1.md:18:1: error: session 2: unknown kind 'party'\n"
            "rounds/round-1.md:15:1: error: session 2 (2018-02-24) lies outside the round (2018-02-20 to 2018-02-23)\n");
}

TEST(ParseDocument, RoundEndingBeforeItStartsIsAnError) {
  diag::Diagnostics diags;
  parse("rounds/r.md", "+++\ntitle = \"R\"\ndate = 2018-03-15\nend = 2018-03-12\nnumber = 2\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "rounds/r.md:4:1: error: round ends (2018-03-12) before it starts (2018-03-15)\n");
}

TEST(ParseDocument, RoundNumberIsRequired) {
  diag::Diagnostics diags;
  parse("rounds/r.md", "+++\ntitle = \"R\"\ndate = 2018-03-15\n+++\n", diags);
  EXPECT_EQ(test::diagnostics_text(diags), "rounds/r.md:2:1: error: missing required key 'number'\n");
}

TEST(IsValidId, FollowsTheContractPattern) {
  EXPECT_TRUE(is_valid_id("rev-1"));
  EXPECT_TRUE(is_valid_id("2018-02-05-zero-draft"));
  EXPECT_FALSE(is_valid_id("-rev"));
  EXPECT_FALSE(is_valid_id("Rev"));
  EXPECT_FALSE(is_valid_id("a_b"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("a/b"));
}

}  // namespace
}  // namespace travaux::load
