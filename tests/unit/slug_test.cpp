// Tests for model/slug.cpp and load/slugs.cpp: topic and people slugs are lowercase ASCII,
// transliterated by ICU, never empty, and two names never share one page (CONTENT-MODEL.md,
// "Output": topics; docs/content-model.md, "Topic and people slugs").
#include "model/slug.h"

#include <gtest/gtest.h>

#include <regex>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

TEST(AsciiSlug, TransliteratesLatinCyrillicArabicAndChinese) {
  EXPECT_EQ(model::ascii_slug("réinstallation"), "reinstallation");
  EXPECT_EQ(model::ascii_slug("Jürg Lauber"), "jurg-lauber");
  EXPECT_EQ(model::ascii_slug("Juan José Gómez Camacho"), "juan-jose-gomez-camacho");
  EXPECT_EQ(model::ascii_slug("Москва"), "moskva");
  EXPECT_EQ(model::ascii_slug("Straße & Co."), "strasse-co");
  const std::regex ascii("[a-z0-9]+(-[a-z0-9]+)*");
  for (const char* name : {"الهجرة", "移民", "Ελλάδα", "Łódź"}) {
    const std::string s = model::ascii_slug(name);
    EXPECT_TRUE(std::regex_match(s, ascii)) << name << " -> " << s;
  }
  EXPECT_EQ(model::ascii_slug("移民"), "yi-min");
}

TEST(AsciiSlug, NothingLeftGivesEmptyAndTheFallbackIsStable) {
  EXPECT_EQ(model::ascii_slug("!!! ... ???"), "");
  EXPECT_EQ(model::ascii_slug(""), "");
  const std::string h = model::hashed_slug("topic", "!!!");
  EXPECT_TRUE(std::regex_match(h, std::regex("topic-[0-9a-f]{8}"))) << h;
  EXPECT_EQ(h, model::hashed_slug("topic", "!!!"));
  EXPECT_NE(h, model::hashed_slug("topic", "???"));
}

TEST(AssignSlugs, CollidingNamesKeepDistinctSlugsAndTheSmallestKeepsThePlainOne) {
  std::vector<std::pair<std::string, std::string>> collisions;
  auto slugs = model::assign_slugs({"réinstallation", "reinstallation", "!!!", "Return"}, "topic", {}, &collisions);
  EXPECT_EQ(slugs.at("reinstallation"), "reinstallation");  // "r" < "\xc3" in bytes
  EXPECT_TRUE(std::regex_match(slugs.at("réinstallation"), std::regex("reinstallation-[0-9a-f]{6}")));
  EXPECT_EQ(slugs.at("!!!"), model::hashed_slug("topic", "!!!"));
  EXPECT_EQ(slugs.at("Return"), "return");
  ASSERT_EQ(collisions.size(), 1u);
  EXPECT_EQ(collisions[0], (std::pair<std::string, std::string>{"réinstallation", "reinstallation"}));
  // A reserved slug (a person's id) is never given to a name.
  auto people = model::assign_slugs({"Jürg Lauber"}, "person", {"jurg-lauber"}, nullptr);
  EXPECT_TRUE(std::regex_match(people.at("Jürg Lauber"), std::regex("jurg-lauber-[0-9a-f]{6}")));
}

TEST(ArchiveSlugs, TopicAndSenderPagesUseAsciiSlugsAndNeverOverwriteEachOther) {
  test::TempDir dir;
  test::write_tree(dir.path(),
                   "-- archive.toml --\ntitle = \"T\"\n[people.gomez]\nname = \"Juan José Gómez Camacho\"\n"
                   "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\nfrom = [\"Jürg Lauber\", \"Juan José Gómez Camacho\"]\n"
                   "topics = [\"Réinstallation\", \"!!!\", \"Migration\"]\n+++\nBody.\n"
                   "-- letters/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-06\nfrom = [\"gomez\"]\n"
                   "topics = [\"reinstallation\", \"migration\"]\n+++\nBody.\n");
  diag::Diagnostics diags;
  auto archive = load::load_archive(dir.path(), diags);
  // "Réinstallation" sorts before "reinstallation" in bytes ('R' < 'r'), so it keeps the slug.
  EXPECT_EQ(test::diagnostics_text(diags),
            "letters/b.md:5:11: warning: topic 'reinstallation' has the same slug as 'Réinstallation'; "
            "its page is at '" + archive.topic_slugs.at("reinstallation") + "'\n");
  EXPECT_EQ(archive.topic_slugs.at("Réinstallation"), "reinstallation");
  EXPECT_TRUE(std::regex_match(archive.topic_slugs.at("reinstallation"), std::regex("reinstallation-[0-9a-f]{6}")));
  EXPECT_EQ(archive.topic_slugs.at("Migration"), "migration");
  EXPECT_EQ(archive.topic_slugs.at("migration"), "migration");  // one term, two spellings
  EXPECT_EQ(archive.topic_slugs.at("!!!"), model::hashed_slug("topic", "!!!"));
  EXPECT_EQ(archive.sender_slugs.size(), 1u);
  EXPECT_EQ(archive.sender_slugs.at("Jürg Lauber"), "jurg-lauber");

  auto linked = link::link_archive(archive, diags);
  auto theme = render::Theme::load(archive, diags);
  auto site = render::render_site(archive, linked, *theme, diags);
  EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  EXPECT_EQ(site.files.count("topics/reinstallation/index.html"), 1u);
  EXPECT_EQ(site.files.count("topics/" + archive.topic_slugs.at("reinstallation") + "/index.html"), 1u);
  EXPECT_EQ(site.files.count("topics//index.html"), 0u);
  EXPECT_EQ(site.files.count("people/jurg-lauber/index.html"), 1u);
  EXPECT_EQ(site.files.count("people/gomez/index.html"), 1u);
  for (const auto& [path, bytes] : site.files)
    if (path.starts_with("topics/") || path.starts_with("people/"))
      EXPECT_TRUE(std::regex_match(path, std::regex("(topics|people)/([a-z0-9-]+/)?index\\.html"))) << path;
  // The name-only sender links to its page, and the person named by name links to the id's page.
  const std::string& a = site.files.at("letters/a/index.html");
  EXPECT_NE(a.find("../../people/jurg-lauber/index.html"), std::string::npos);
  EXPECT_NE(a.find("../../people/gomez/index.html"), std::string::npos);
  // Both letters are on gomez's page: one by id, one by name.
  const std::string& gomez = site.files.at("people/gomez/index.html");
  EXPECT_NE(gomez.find("letters/a/index.html"), std::string::npos);
  EXPECT_NE(gomez.find("letters/b/index.html"), std::string::npos);
}

}  // namespace
}  // namespace travaux
