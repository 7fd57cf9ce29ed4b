// Tests for load/front_matter.cpp: BOM, CRLF, invalid UTF-8, fences (issue #2, #7).
#include "load/front_matter.h"

#include <gtest/gtest.h>

#include "support/test_tree.h"

namespace travaux::load {
namespace {

TEST(NormalizeText, StripsByteOrderMarkAndCrlf) {
  diag::Diagnostics diags;
  auto text = normalize_text("\xEF\xBB\xBF+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n", "a.md", diags);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "+++\ntitle = \"x\"\n+++\nbody\n");
  EXPECT_FALSE(diags.has_errors());
}

TEST(NormalizeText, InvalidUtf8IsAnErrorAtItsLineAndColumn) {
  diag::Diagnostics diags;
  auto text = normalize_text("+++\ntitle = \"é\xFFx\"\n", "letters/a.md", diags);
  EXPECT_FALSE(text);
  EXPECT_EQ(test::diagnostics_text(diags), "letters/a.md:2:11: error: invalid UTF-8 (byte 0xFF)\n");
}

TEST(NormalizeText, OverlongAndSurrogateSequencesAreInvalid) {
  diag::Diagnostics diags;
  EXPECT_FALSE(normalize_text("\xC0\xAF", "a.md", diags));
  EXPECT_FALSE(normalize_text("\xED\xA0\x80", "a.md", diags));
  EXPECT_EQ(diags.error_count(), 2);
}

TEST(SplitFrontMatter, FindsTomlAndBodyWithTheirLines) {
  diag::Diagnostics diags;
  auto fm = split_front_matter("+++\na = 1\nb = 2\n+++\n\nBody\n", "a.md", diags);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->toml, "a = 1\nb = 2\n");
  EXPECT_EQ(fm->toml_line, 2);
  EXPECT_EQ(fm->body, "\nBody\n");
  EXPECT_EQ(fm->body_line, 5);
}

TEST(SplitFrontMatter, FrontMatterWithoutBodyIsFine) {
  diag::Diagnostics diags;
  auto fm = split_front_matter("+++\na = 1\n+++", "a.md", diags);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->body, "");
  EXPECT_FALSE(diags.has_errors());
}

TEST(SplitFrontMatter, ReportsEmptyMissingAndUnclosed) {
  diag::Diagnostics diags;
  EXPECT_FALSE(split_front_matter("", "e.md", diags));
  EXPECT_FALSE(split_front_matter("# Title\n", "m.md", diags));
  EXPECT_FALSE(split_front_matter("+++\ntitle = \"x\"\n", "u.md", diags));
  EXPECT_EQ(test::diagnostics_text(diags),
            "e.md:1:1: error: empty file\n"
            "m.md:1:1: error: missing front matter: the file must begin with a '+++' line\n"
            "u.md:1:1: error: front matter opened with '+++' on line 1 is never closed\n");
}

}  // namespace
}  // namespace travaux::load
