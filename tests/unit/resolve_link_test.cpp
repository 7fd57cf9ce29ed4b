// Tests for link/resolve_link.cpp: explicit links and front-matter references, every broken
// case with its exact file:line:column (issue #3, CONTENT-MODEL.md "Cross-references").
#include "link/resolve_link.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "support/test_tree.h"

namespace travaux::link {
namespace {

constexpr const char* kBase =
    "-- archive.toml --\ntitle = \"T\"\n"
    "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-05\n+++\n"
    "## Objective 1: Data\n\n1. We commit.\n"
    "-- letters/wip.md --\n+++\ntitle = \"WIP\"\ndate = 2018-02-06\ndraft = true\n+++\n"
    "-- static/pdf/a.pdf --\n%PDF\n";

struct Result {
  diag::Diagnostics diags;
  std::string html;
  std::vector<Reference> refs;
};

/// Links an archive holding kBase plus letters/a.md with `front` (extra front matter) and `body`.
Result link_letter(const std::string& front, const std::string& body) {
  test::TempDir dir;
  test::write_tree(dir.path(), std::string(kBase) + "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-03-01\n" +
                                   front + "+++\n" + body + "\n");
  Result r;
  auto archive = load::load_archive(dir.path(), r.diags);
  EXPECT_EQ(test::diagnostics_text(r.diags), "");
  auto linked = link_archive(archive, r.diags);
  r.diags.sort();
  const auto& doc = linked.of(archive, *archive.find("a"));
  r.html = doc.body_html;
  r.refs = doc.references;
  return r;
}

TEST(ResolveLink, PathsAndIdsBecomeSitePathsWithCheckedAnchors) {
  auto r = link_letter("", "[a](../drafts/zero.md#objective-1), [b](@zero#para-1), [c](@zero), "
                           "[d](../static/pdf/a.pdf), [e](https://example.org/x).");
  EXPECT_EQ(test::diagnostics_text(r.diags), "");
  EXPECT_EQ(r.html,
            "<p><a href=\"travaux:drafts/zero/#objective-1\">a</a>, <a href=\"travaux:drafts/zero/#para-1\">b</a>, "
            "<a href=\"travaux:drafts/zero/\">c</a>, <a href=\"travaux:pdf/a.pdf\">d</a>, "
            "<a href=\"https://example.org/x\">e</a>.</p>\n");
  ASSERT_EQ(r.refs.size(), 3u);
  EXPECT_EQ(r.refs[0].pos, (diag::SourcePos{"letters/a.md", 5, 1}));
  EXPECT_EQ(r.refs[0].anchor, "objective-1");
  EXPECT_EQ(r.refs[1].pos, (diag::SourcePos{"letters/a.md", 5, 37}));
}

TEST(ResolveLink, UnknownIdIsAnErrorAtTheLinkWithASuggestion) {
  auto r = link_letter("", "Éé [x](@zer0).");
  EXPECT_EQ(test::diagnostics_text(r.diags), "letters/a.md:5:4: error: unknown document '@zer0'\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].hint, "did you mean '@zero'?");
  EXPECT_EQ(r.html, "<p>Éé <a href=\"\">x</a>.</p>\n");
}

TEST(ResolveLink, UnknownAnchorIsAnError) {
  auto r = link_letter("", "Text.\nSee [x](@zero#objective-9) and [y](../drafts/zero.md#para-7).");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:6:5: error: 'zero' has no anchor '#objective-9'\n"
            "letters/a.md:6:32: error: 'zero' has no anchor '#para-7'\n");
}

TEST(ResolveLink, MissingFileIsAnError) {
  auto r = link_letter("", "[x](../drafts/zro.md)");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:5:1: error: link to '../drafts/zro.md': no such file in the archive "
            "(looked for drafts/zro.md)\n");
  EXPECT_EQ(r.diags.items()[0].hint, "did you mean 'drafts/zero.md'?");
}

TEST(ResolveLink, LinkToAnUnpublishedDocumentIsAnError) {
  auto r = link_letter("", "[x](@wip) [y](wip.md)");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:5:1: error: '@wip' links to letters/wip.md, which has draft = true and is not published\n"
            "letters/a.md:5:11: error: link to letters/wip.md, which has draft = true and is not published\n");
}

TEST(ResolveLink, UnsafeSchemeIsAnError) {
  auto r = link_letter("", "Click [here](javascript:alert(1)).");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:5:7: error: link with the script-capable scheme 'javascript:'\n");
  EXPECT_EQ(r.html.find("javascript"), std::string::npos);
}

TEST(ResolveLink, OrdinarySchemesAreExternalLinks) {
  // Only script-capable schemes are refused (docs/hostile-input.md, "Links").
  auto r = link_letter("", "[a](irc://irc.libera.chat/quic) [b](mailto:x@example.org) [c](tel:+41227917111) "
                           "[d](ftp://ftp.example.org/f.pdf) [e](urn:isbn:9789211013955) <irc://irc.example.org/x> "
                           "![f](data:image/png;base64,iVBORw0KGgo=)");
  EXPECT_EQ(test::diagnostics_text(r.diags), "");
  for (const char* href : {"irc://irc.libera.chat/quic", "mailto:x@example.org", "tel:+41227917111",
                           "ftp://ftp.example.org/f.pdf", "urn:isbn:9789211013955", "irc://irc.example.org/x"})
    EXPECT_NE(r.html.find(std::string("href=\"") + href + "\""), std::string::npos) << href << "\n" << r.html;
}

TEST(ResolveLink, FileAndNonImageDataSchemesAreErrors) {
  auto r = link_letter("", "[a](file:///etc/passwd) [b](data:image/svg+xml;base64,PHN2Zz4=) [c](DATA:text/html,x)");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:5:1: error: link with the script-capable scheme 'file:'\n"
            "letters/a.md:5:25: error: link with the script-capable scheme 'data:'\n"
            "letters/a.md:5:65: error: link with the script-capable scheme 'data:'\n");
}

TEST(ResolveLink, LinkLeavingTheContentRootIsAnError) {
  auto r = link_letter("", "[x](../../etc/passwd)");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:5:1: error: link '../../etc/passwd' leads outside the content folder\n");
}

TEST(ResolveLink, MissingStaticFileAndOwnAnchorAreErrors) {
  auto r = link_letter("", "## Notes\n\n[x](../static/pdf/b.pdf) [y](#notes) [z](#nowhere)");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:7:1: error: link to '../static/pdf/b.pdf': no such file in the archive "
            "(looked for static/pdf/b.pdf)\n"
            "letters/a.md:7:38: error: this page has no anchor '#nowhere'\n");
}

TEST(ResolveLink, UnknownAttachmentRoundAndDraftIdsAreErrorsAtTheirKeys) {
  auto r = link_letter("attachments = [\"zeroo\"]\nrounds = [\"round-9\"]\ndrafts = [\"zero\"]\n", "Body.");
  EXPECT_EQ(test::diagnostics_text(r.diags),
            "letters/a.md:4:1: error: 'attachments' names unknown document 'zeroo'\n"
            "letters/a.md:5:1: error: 'rounds' names unknown document 'round-9'\n");
  EXPECT_EQ(r.diags.items()[0].hint, "did you mean 'zero'?");
  ASSERT_EQ(r.refs.size(), 1u);
  EXPECT_EQ(r.refs[0].to_id, "zero");
  EXPECT_EQ(r.refs[0].via, Reference::Via::front_matter);
}

}  // namespace
}  // namespace travaux::link
