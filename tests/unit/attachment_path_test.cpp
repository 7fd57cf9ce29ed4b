// Tests for model/content_path.cpp and the attachment check in link/link.cpp: an attachment
// path is resolved like a Markdown link target, relative to the document's own file, and
// `static/...` from the content root keeps working (CONTENT-MODEL.md, "Front matter").
#include "model/content_path.h"

#include <gtest/gtest.h>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "support/test_tree.h"

namespace travaux {
namespace {

TEST(ContentPath, JoinsRelativeToTheDocumentsFolder) {
  EXPECT_EQ(model::join_content_path("letters/x.md", "../static/pdf/memo.pdf"), "static/pdf/memo.pdf");
  EXPECT_EQ(model::join_content_path("letters/x.md", "./y.md"), "letters/y.md");
  EXPECT_EQ(model::join_content_path("x.md", "static/a.pdf"), "static/a.pdf");
  EXPECT_EQ(model::join_content_path("letters/x.md", "/static/a.pdf"), "static/a.pdf");
  EXPECT_EQ(model::join_content_path("letters/x.md", "../../a.pdf"), std::nullopt);
}

TEST(ContentPath, AttachmentValuesThatNameFiles) {
  EXPECT_TRUE(model::is_attachment_file("static/pdf/memo.pdf"));
  EXPECT_TRUE(model::is_attachment_file("../static/memo.pdf"));
  EXPECT_FALSE(model::is_attachment_file("zero-draft"));
  EXPECT_FALSE(model::is_attachment_file("../drafts/zero.md"));
  EXPECT_EQ(model::attachment_static_path("letters/x.md", "../static/pdf/memo.pdf"), "pdf/memo.pdf");
  EXPECT_EQ(model::attachment_static_path("letters/x.md", "static/pdf/memo.pdf"), "pdf/memo.pdf");
  EXPECT_EQ(model::attachment_static_path("letters/sub/x.md", "../../static/memo.pdf"), "memo.pdf");
  EXPECT_EQ(model::attachment_static_path("letters/x.md", "memo.pdf"), std::nullopt);  // letters/memo.pdf
  EXPECT_EQ(model::attachment_static_path("letters/x.md", "../../memo.pdf"), std::nullopt);
  EXPECT_EQ(model::attachment_static_path("letters/x.md", "../static/"), std::nullopt);
}

struct Built {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  link::LinkedArchive linked;
  render::SiteImage site;
  explicit Built(const std::string& spec) {
    test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n-- static/pdf/memo.pdf --\n%PDF-1.4\n" + spec);
    archive = load::load_archive(dir.path(), diags);
    linked = link::link_archive(archive, diags);
    if (diags.has_errors()) return;
    auto theme = render::Theme::load(archive, diags);
    site = render::render_site(archive, linked, *theme, diags);
  }
};

TEST(AttachmentPath, RelativeAndRootPathsBothLinkTheFile) {
  Built b("-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n"
          "attachments = [\"../static/pdf/memo.pdf\"]\n+++\nBody.\n"
          "-- letters/sub/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-06\n"
          "attachments = [\"static/pdf/memo.pdf\", \"../../static/pdf/memo.pdf\"]\n+++\nBody.\n");
  EXPECT_EQ(test::diagnostics_text(b.diags), "");
  const std::string& a = b.site.files.at("letters/a/index.html");
  EXPECT_NE(a.find("href=\"../../pdf/memo.pdf\""), std::string::npos);
  const std::string& page_b = b.site.files.at("letters/b/index.html");
  std::size_t first = page_b.find("href=\"../../pdf/memo.pdf\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(page_b.find("href=\"../../pdf/memo.pdf\"", first + 1), std::string::npos);
}

TEST(AttachmentPath, IdsMarkdownPathsAndFilesAreListedInTheOrderWritten) {
  Built b("-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n"
          "attachments = [\"../static/pdf/memo.pdf\", \"../drafts/zero.md\", \"note\"]\n+++\nBody.\n"
          "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-01\n+++\n1. Text.\n"
          "-- documents/note.md --\n+++\ntitle = \"Note\"\ndate = 2018-02-01\n+++\nText.\n");
  EXPECT_EQ(test::diagnostics_text(b.diags), "");
  const std::string& a = b.site.files.at("letters/a/index.html");
  const auto memo = a.find("<a href=\"../../pdf/memo.pdf\">memo.pdf</a>");
  const auto zero = a.find("<a href=\"../../drafts/zero/index.html\">Zero</a>");
  const auto note = a.find("<a href=\"../../documents/note/index.html\">Note</a>");
  ASSERT_NE(memo, std::string::npos) << a;
  ASSERT_NE(zero, std::string::npos) << a;
  ASSERT_NE(note, std::string::npos) << a;
  EXPECT_LT(memo, zero);
  EXPECT_LT(zero, note);
  // The other direction, whether the attachment was named by id or by path.
  for (const char* target : {"drafts/zero/index.html", "documents/note/index.html"})
    EXPECT_NE(b.site.files.at(target).find("<dt>Attached to</dt><dd><ul class=\"inline\"><li><a href=\"../../letters/a/index.html\">A</a>"),
              std::string::npos) << target;
}

TEST(AttachmentPath, APathOutsideStaticIsAnErrorAtTheValue) {
  Built b("-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\n"
          "attachments = [\"zero\", \"memo.pdf\", \"../static/pdf/nope.pdf\", \"../../x.pdf\"]\n+++\nBody.\n"
          "-- drafts/zero.md --\n+++\ntitle = \"Zero\"\ndate = 2018-02-01\n+++\n1. Text.\n");
  EXPECT_EQ(test::diagnostics_text(b.diags),
            "letters/a.md:4:24: error: attachment 'memo.pdf' names 'letters/memo.pdf', which is not under static/\n"
            "letters/a.md:4:36: error: attachment '../static/pdf/nope.pdf' names 'static/pdf/nope.pdf', "
            "which does not exist\n"
            "letters/a.md:4:62: error: attachment '../../x.pdf' leads outside the content folder\n");
  ASSERT_EQ(b.diags.items().size(), 3u);
  EXPECT_EQ(b.diags.items()[0].hint,
            "put the file under static/ and write its path relative to this file (e.g. '../static/memo.pdf') "
            "or from the content root ('static/...'), or give a document id");
}

}  // namespace
}  // namespace travaux
