// Texts held packed (text/packed.h; docs/architecture.md, "Memory"): a packed archive gives
// the same documents, the same diagnostics and the same site, byte for byte, as one held plain.
#include <gtest/gtest.h>

#include <limits>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "render/theme.h"
#include "support/test_tree.h"
#include "text/packed.h"

namespace travaux {
namespace {

namespace fs = std::filesystem;

TEST(Packed, GivesBackEveryByte) {
  std::string varied;
  for (int i = 0; i < 200000; ++i) varied += static_cast<char>((i * 7919) % 256);
  for (const std::string& text : {std::string(), std::string("a"), std::string("x\0y\r\n\xff", 6),
                                  std::string(100000, 'z'), varied}) {
    const text::Packed p = text::Packed::pack(text);
    EXPECT_EQ(p.size(), text.size());
    EXPECT_EQ(p.empty(), text.empty());
    EXPECT_TRUE(p.unpack() == text);
    EXPECT_EQ(p.text_digest(), text::Packed::digest(text));
    std::string reused = "left over from before";
    p.unpack(reused);
    EXPECT_TRUE(reused == text);
  }
  // Text does shrink: what the packing is for.
  std::string prose;
  for (int i = 0; i < 2000; ++i) prose += "Member States commit to strengthen cooperation on migration. ";
  EXPECT_LT(text::Packed::pack(prose).held() * 4, prose.size());
}

struct Built {
  model::Archive archive;
  std::string diagnostics;
  render::SiteImage site;
};

Built build(const fs::path& content, std::size_t pack_above) {
  Built b;
  diag::Diagnostics diags;
  b.archive = load::load_archive(content, diags, pack_above);
  const link::LinkedArchive linked = link::link_archive(b.archive, diags);
  const auto theme = render::Theme::load(b.archive, diags);
  if (theme) b.site = render::render_site(b.archive, linked, *theme, diags);
  diags.sort();
  b.diagnostics = test::diagnostics_text(diags);
  return b;
}

void expect_same_site(const fs::path& content) {
  const Built plain = build(content, std::numeric_limits<std::size_t>::max());
  const Built packed = build(content, 0);
  EXPECT_FALSE(plain.archive.packed);
  ASSERT_TRUE(packed.archive.packed);
  ASSERT_EQ(plain.archive.documents.size(), packed.archive.documents.size());
  std::size_t held_packed = 0;
  for (std::size_t i = 0; i < plain.archive.documents.size(); ++i) {
    const model::Document& p = plain.archive.documents[i];
    const model::Document& q = packed.archive.documents[i];
    std::string s1, s2;
    EXPECT_EQ(p.markdown(s1), q.markdown(s2)) << p.source_path;
    EXPECT_TRUE(p.packed_body.empty());
    if (!q.packed_body.empty()) {
      ++held_packed;
      EXPECT_TRUE(q.body.empty()) << q.source_path;  // not held twice
    }
  }
  EXPECT_GT(held_packed, 0u);
  EXPECT_EQ(plain.diagnostics, packed.diagnostics);
  ASSERT_FALSE(plain.site.files.empty()) << plain.diagnostics;
  EXPECT_EQ(test::differing_files(plain.site.files, packed.site.files), "") << "when the texts are held packed";
}

TEST(PackedArchive, ShippedArchiveGivesTheSameSite) {
  expect_same_site(fs::path(TRAVAUX_SOURCE_DIR) / "content");
}

TEST(PackedArchive, RealDraftsGiveTheSameSite) {
  // Not a skip, as in quic_http_archive_test.cpp: CI clones the repository beside shared/.
  const fs::path content = fs::path(TRAVAUX_SOURCE_DIR) / "../shared/real/quic-http/content";
  ASSERT_TRUE(fs::is_directory(content))
      << content << " is missing: the quic-http archive must sit in shared/real/ beside the repository";
  expect_same_site(content);
}

TEST(PackedArchive, WarningsAndNotesGiveTheSameReport) {
  // A broken mention (a warning found by link), a draft whose text is not held (its note is
  // the changes page's body), a link between documents.
  test::TempDir dir;
  test::write_tree(dir.path(),
                   "-- archive.toml --\ntitle = \"T\"\n"
                   "-- drafts/zero.md --\n+++\nid = \"zero\"\ntype = \"draft\"\ntitle = \"Zero draft\"\n"
                   "date = 2018-02-05\nversion = 0\n+++\n## Objective 1: Data\n\n1. Collect *accurate* data.\n\n"
                   "2. Share ~~all~~ data.\n"
                   "-- drafts/rev1.md --\n+++\nid = \"rev1\"\ntype = \"draft\"\ntitle = \"Rev 1\"\n"
                   "date = 2018-03-05\nversion = 1\nsupersedes = \"zero\"\nfull_text = false\n+++\n"
                   "Rev 1 changed [objective 1](@zero#objective-1).\n"
                   "-- letters/a.md --\n+++\nid = \"a\"\ntype = \"letter\"\ntitle = \"A letter\"\n"
                   "date = 2018-02-20\nfrom = [\"Co-facilitators\"]\n+++\n"
                   "We refer to paragraph 9 of the zero draft, and to [Rev 1](../drafts/rev1.md).\n");
  expect_same_site(dir.path());
}

}  // namespace
}  // namespace travaux
