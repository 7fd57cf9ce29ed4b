// Tests for load/archive_config.cpp (CONTENT-MODEL.md, "archive.toml").
#include "load/archive_config.h"

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::load {
namespace {

TEST(ArchiveConfig, ReadsSettingsProcessAndPeople) {
  diag::Diagnostics diags;
  auto c = parse_archive_config("archive.toml",
                                "title = \"GCM\"\n"
                                "description = \"The record\"\n"
                                "base_url = \"https://example.org/gcm\"\n"
                                "language = \"fr\"\n"
                                "pretty_urls = true\n"
                                "time_zone = \"America/New_York\"\n"
                                "[process]\n"
                                "name = \"Negotiations\"\n"
                                "start = 2018-02-05\n"
                                "end = 2018-07-13\n"
                                "[people.lauber]\n"
                                "name = \"Jürg Lauber\"\n"
                                "role = \"Co-facilitator\"\n"
                                "[people.gomez-camacho]\n"
                                "name = \"Juan José Gómez Camacho\"\n",
                                diags);
  EXPECT_EQ(test::diagnostics_text(diags), "");
  EXPECT_EQ(c.title, "GCM");
  EXPECT_EQ(c.base_url, "https://example.org/gcm/");  // a trailing slash is added
  EXPECT_EQ(c.language, "fr");
  EXPECT_TRUE(c.pretty_urls);
  EXPECT_FALSE(c.unsafe_html);
  EXPECT_EQ(c.time_zone, "America/New_York");
  EXPECT_EQ(c.process_name, "Negotiations");
  EXPECT_EQ(c.process_end, (model::Date{2018, 7, 13}));
  ASSERT_EQ(c.people.size(), 2u);
  EXPECT_EQ(c.people[0].id, "gomez-camacho");  // sorted by id
  EXPECT_EQ(c.people[1].name, "Jürg Lauber");
}

TEST(ArchiveConfig, ReportsMissingTitleBadTypesAndUnknownKeys) {
  diag::Diagnostics diags;
  parse_archive_config("archive.toml",
                       "language = 5\n"
                       "theem = \"x\"\n"
                       "[people.lauber]\n"
                       "role = \"Co-facilitator\"\n",
                       diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "archive.toml:1:1: error: missing required key 'title'\n"
            "archive.toml:1:12: error: 'language' must be a string in quotes\n"
            "archive.toml:3:1: error: [people.lauber]: missing required key 'name'\n"
            "archive.toml:2:1: warning: unknown key 'theem'\n");
  EXPECT_EQ(diags.items()[3].hint, "did you mean 'theme'?");
}

TEST(ArchiveConfig, TomlSyntaxErrorHasItsPosition) {
  diag::Diagnostics diags;
  parse_archive_config("archive.toml", "title = \"x\"\nbase_url = /\n", diags);
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(diags.items()[0].pos.line, 2);
  EXPECT_EQ(diags.items()[0].pos.column, 12);
}

}  // namespace
}  // namespace travaux::load
