// Tests for render/urls.cpp (CONTENT-MODEL.md, "Output": relative links that name the file).
#include "render/urls.h"

#include <gtest/gtest.h>

namespace travaux::render {
namespace {

TEST(PageLocation, LinksNameTheFileUnlessPretty) {
  PageLocation letter{"letters/x", false};
  EXPECT_EQ(letter.root(), "../../");
  EXPECT_EQ(letter.url("drafts/rev-1/"), "../../drafts/rev-1/index.html");
  EXPECT_EQ(letter.url("drafts/rev-1/#objective-7"), "../../drafts/rev-1/index.html#objective-7");
  EXPECT_EQ(letter.url(""), "../../index.html");
  EXPECT_EQ(letter.url("pdf/a.pdf"), "../../pdf/a.pdf");
  EXPECT_EQ(letter.file(), "letters/x/index.html");
  PageLocation pretty{"letters/x", true};
  EXPECT_EQ(pretty.url("drafts/rev-1/"), "../../drafts/rev-1/");
  PageLocation home{"", true};
  EXPECT_EQ(home.url(""), "./");
  EXPECT_EQ(home.file(), "index.html");
  PageLocation changes{"drafts/rev-1/changes", false};
  EXPECT_EQ(changes.url("drafts/zero/"), "../../../drafts/zero/index.html");
}

TEST(Relativize, RewritesOnlyInternalAttributeValues) {
  PageLocation at{"letters/x", false};
  EXPECT_EQ(relativize("<a href=\"travaux:rounds/round-2/\">x</a> travaux:text <img src=\"travaux:img/a.png\">", at),
            "<a href=\"../../rounds/round-2/index.html\">x</a> travaux:text <img src=\"../../img/a.png\">");
}

TEST(Permalink, UsesTheFolderFormUnderBaseUrl) {
  EXPECT_EQ(permalink("https://example.org/gcm/", "letters/x/"), "https://example.org/gcm/letters/x/");
  EXPECT_EQ(permalink("https://example.org/gcm", ""), "https://example.org/gcm/");
}

}  // namespace
}  // namespace travaux::render
