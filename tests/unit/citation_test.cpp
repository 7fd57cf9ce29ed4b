// Tests for render/citation.cpp: the <meta> tags, JSON-LD, the "Cite this" reference, and
// cite.bib / cite.ris read back by independent parsers (python3-bibtexparser and a strict RIS
// reader written here) and checked field by field against the front matter (docs/citations.md).
#include "render/citation.h"

#include <gtest/gtest.h>

#include <fstream>

#include "link/link.h"
#include "load/load.h"
#include "render/render.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

// Values chosen to break each format: BibTeX specials and braces, quotes and markup for HTML,
// a line break for RIS, names with diacritics.
constexpr const char* kSpec =
    "-- archive.toml --\ntitle = \"GCM {negotiations} & 100% <archive>\"\nbase_url = \"https://example.org/gcm/\"\n"
    "language = \"en\"\n[process]\nname = \"Global Compact for Migration\"\n"
    "[people.cofac]\nname = \"Jürg Lauber\"\nrole = \"Co-facilitator\"\n"
    "-- static/pdf/zero.pdf --\n%PDF-1.4\n"
    "-- letters/zero.md --\n+++\ntitle = \"Zero draft: \\\"50% & {more}\\\" </script><b>_x_ ~ ^ # $ \\\\ end\"\n"
    "date = 2018-02-05\nfrom = [\"cofac\", \"Juan José Gómez Camacho\"]\nto = \"All Permanent Representatives\"\n"
    "place = \"New York\"\nsource = \"static/pdf/zero.pdf\"\ntopics = [\"drafts\", \"réinstallation\"]\n"
    "summary = \"Sharing the text.\\nSecond line.\"\nrounds = [\"round-1\"]\n+++\nBody.\n"
    "-- drafts/zero-draft.md --\n+++\ntitle = \"Global Compact: Zero Draft\"\nlabel = \"Zero draft\"\ndate = 2018-02-05\n+++\n"
    "1. Text.\n"
    "-- rounds/round-1.md --\n+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\nlocation = \"UNHQ\"\n"
    "drafts = [\"zero-draft\"]\n+++\n";

const std::string kTitle = "Zero draft: \"50% & {more}\" </script><b>_x_ ~ ^ # $ \\ end";
const std::string kArchive = "GCM {negotiations} & 100% <archive>";

struct Built {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  link::LinkedArchive linked;
  render::SiteImage site;
  Built() {
    test::write_tree(dir.path(), kSpec);
    archive = load::load_archive(dir.path(), diags);
    linked = link::link_archive(archive, diags);
    auto theme = Theme::load(archive, diags);
    site = render_site(archive, linked, *theme, diags);
    EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  }
  std::filesystem::path save(const std::string& site_path) const {
    auto path = dir.path() / ("out-" + std::to_string(std::hash<std::string>{}(site_path)));
    std::ofstream(path, std::ios::binary) << site.files.at(site_path);
    return path;
  }
};

TEST(Citation, MetaTagsAndJsonLdAreEscapedAndCarryTheFrontMatter) {
  Built b;
  const std::string& html = b.site.files.at("letters/zero/index.html");
  const std::string head = html.substr(0, html.find("</head>"));
  EXPECT_NE(head.find("<meta name=\"citation_title\" content=\"Zero draft: &quot;50% &amp; {more}&quot; "
                      "&lt;/script&gt;&lt;b&gt;_x_ ~ ^ # $ \\ end\">"),
            std::string::npos) << head;
  EXPECT_NE(head.find("<meta name=\"citation_author\" content=\"Jürg Lauber\">\n"
                      "<meta name=\"citation_author\" content=\"Juan José Gómez Camacho\">"),
            std::string::npos);
  EXPECT_NE(head.find("<meta name=\"citation_date\" content=\"2018/02/05\">"), std::string::npos);
  EXPECT_NE(head.find("<meta name=\"citation_publisher\" content=\"GCM {negotiations} &amp; 100% &lt;archive&gt;\">"),
            std::string::npos);
  EXPECT_NE(head.find("<meta name=\"citation_public_url\" content=\"https://example.org/gcm/letters/zero/\">"),
            std::string::npos);
  EXPECT_NE(head.find("<meta name=\"citation_pdf_url\" content=\"https://example.org/gcm/pdf/zero.pdf\">"),
            std::string::npos);
  EXPECT_NE(head.find("<meta name=\"DC.relation\" content=\"https://example.org/gcm/rounds/round-1/\">"),
            std::string::npos);
  EXPECT_NE(head.find("<meta name=\"DC.coverage\" content=\"New York\">"), std::string::npos);
  // The title's "</script>" cannot close the JSON-LD script: '<' is \u003c there.
  const auto ld = head.find("<script type=\"application/ld+json\">");
  ASSERT_NE(ld, std::string::npos);
  const std::string json = head.substr(ld, head.find("</script>", ld) - ld);
  EXPECT_EQ(json.find('<', 1), std::string::npos) << json;
  EXPECT_NE(json.find("\"@type\": \"Message\""), std::string::npos);
  // The Cite block is in the page, escaped as HTML text.
  EXPECT_NE(html.find("<p class=\"cite-text\">Jürg Lauber and Juan José Gómez Camacho to All Permanent "
                      "Representatives, letter “Zero draft: &quot;50% &amp; {more}&quot; &lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find(", New York, 5 February 2018. GCM {negotiations} &amp; 100% &lt;archive&gt; (Global Compact "
                      "for Migration). https://example.org/gcm/letters/zero/</p>"),
            std::string::npos);
  EXPECT_NE(html.find("href=\"../../letters/zero/cite.bib\""), std::string::npos);
  EXPECT_NE(html.find("href=\"../../letters/zero/cite.ris\""), std::string::npos);
}

TEST(Citation, EveryDocumentPageHasItsBibtexAndRisFiles) {
  Built b;
  for (const auto& d : b.archive.documents) {
    EXPECT_EQ(b.site.files.count(d.url_folder + "/cite.bib"), 1u) << d.id;
    EXPECT_EQ(b.site.files.count(d.url_folder + "/cite.ris"), 1u) << d.id;
    EXPECT_NE(b.site.files.at(d.url_folder + "/index.html").find("<h2 id=\"cite-this\">Cite this</h2>"),
              std::string::npos) << d.id;
  }
}

/// Unescapes what escape_bibtex wrote and prints every field as "name=value" lines.
constexpr const char* kReadBibtex = R"(import sys, re, bibtexparser
from bibtexparser.bparser import BibTexParser
parser = BibTexParser(common_strings=False)
parser.ignore_nonstandard_types = False
db = bibtexparser.loads(open(sys.argv[1], encoding='utf-8').read(), parser)
assert len(db.entries) == 1, db.entries
e = db.entries[0]
def unescape(v):
    return re.sub(r'\\textbackslash\{\}|\\\^\{\}|\\~\{\}|\\([{}%&$#_])',
                  lambda m: {'\\textbackslash{}': '\\', '\\^{}': '^', '\\~{}': '~'}.get(m.group(0), m.group(1)), v)
def unbrace(v):
    assert v.startswith('{') and v.endswith('}'), v
    return v[1:-1]
print('type=' + e['ENTRYTYPE'])
print('key=' + e['ID'])
for name in sorted(k for k in e if k not in ('ENTRYTYPE', 'ID')):
    v = e[name]
    if name == 'title': v = unbrace(v)
    if name == 'author':
        for a in v.split(' and '): print('author=' + unescape(unbrace(a)))
        continue
    print(name + '=' + unescape(v))
)";

TEST(Citation, BibtexReadByBibtexparserMatchesTheFrontMatter) {
  Built b;
  test::TempDir tmp;
  const auto script = tmp.path() / "read_bib.py";
  std::ofstream(script) << kReadBibtex;
  std::string out;
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " + b.save("letters/zero/cite.bib").string(), &out),
            0) << out;
  EXPECT_EQ(out, "type=misc\nkey=zero\n"
                 "abstract=Sharing the text. Second line.\n"
                 "address=New York\n"
                 "author=Jürg Lauber\nauthor=Juan José Gómez Camacho\n"
                 "date=2018-02-05\n"
                 "howpublished=" + kArchive + "\n"
                 "keywords=drafts, réinstallation\n"
                 "language=en\n"
                 "month=2\n"
                 "note=Letter to All Permanent Representatives\n"
                 "publisher=" + kArchive + "\n"
                 "title=" + kTitle + "\n"
                 "type=Letter\n"
                 "url=https://example.org/gcm/letters/zero/\n"
                 "year=2018\n");
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " +
                                  b.save("drafts/zero-draft/cite.bib").string(), &out), 0) << out;
  // No abstract: the draft's text is a numbered list, which is not a summary paragraph.
  EXPECT_EQ(out, "type=techreport\nkey=zero-draft\n"
                 "date=2018-02-05\n"
                 "institution=Global Compact for Migration\n"
                 "language=en\n"
                 "month=2\n"
                 "number=Zero draft\n"
                 "publisher=" + kArchive + "\n"
                 "title=Global Compact: Zero Draft\n"
                 "type=Draft\n"
                 "url=https://example.org/gcm/drafts/zero-draft/\n"
                 "year=2018\n");
}

/// A strict RIS reader: CRLF lines, every line "XY  - value", TY first, ER last, known tags only.
constexpr const char* kReadRis = R"(import sys, re
data = open(sys.argv[1], 'rb').read().decode('utf-8')
assert data.endswith('\r\n'), 'lines end in CRLF'
lines = data[:-2].split('\r\n')
known = {'TY','TI','AU','A2','DA','PY','M3','ST','CY','PB','DB','LA','UR','L1','AB','KW','N1','ER'}
assert lines[0].startswith('TY  - '), lines[0]
assert lines[-1] == 'ER  - ', lines[-1]
for line in lines:
    assert '\n' not in line and '\r' not in line, repr(line)
    m = re.fullmatch(r'([A-Z][A-Z0-9])  - (.*)', line)
    assert m, 'malformed line: %r' % line
    assert m.group(1) in known, 'unknown tag %s' % m.group(1)
    if m.group(1) != 'ER':
        assert m.group(2) and m.group(2) == m.group(2).strip(), repr(line)
        print(m.group(1) + '=' + m.group(2))
)";

TEST(Citation, RisReadByAStrictReaderMatchesTheFrontMatter) {
  Built b;
  test::TempDir tmp;
  const auto script = tmp.path() / "read_ris.py";
  std::ofstream(script) << kReadRis;
  std::string out;
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " + b.save("letters/zero/cite.ris").string(), &out),
            0) << out;
  EXPECT_EQ(out, "TY=PCOMM\nTI=" + kTitle + "\nAU=Jürg Lauber\nAU=Juan José Gómez Camacho\n"
                 "A2=All Permanent Representatives\nDA=2018/02/05/\nPY=2018\nM3=Letter\nCY=New York\n"
                 "PB=" + kArchive + "\nDB=" + kArchive + "\nLA=en\nUR=https://example.org/gcm/letters/zero/\n"
                 "L1=https://example.org/gcm/pdf/zero.pdf\nAB=Sharing the text. Second line.\nKW=drafts\n"
                 "KW=réinstallation\n");
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " + b.save("rounds/round-1/cite.ris").string(),
                              &out), 0) << out;
  EXPECT_EQ(out, "TY=ELEC\nTI=First round\nDA=2018/02/20/\nPY=2018\nM3=Round\nCY=UNHQ\nPB=" + kArchive +
                 "\nDB=" + kArchive + "\nLA=en\nUR=https://example.org/gcm/rounds/round-1/\n");
}

}  // namespace
}  // namespace travaux::render
