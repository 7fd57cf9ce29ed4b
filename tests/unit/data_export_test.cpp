// Tests for render/documents_csv.cpp and docs/archive.schema.json: documents.csv has one
// RFC 4180 row per published document with archive.json's fields, and archive.json (of a
// generated archive and of the shipped one) validates against the schema with
// python3-jsonschema (docs/content-model.md, "Data for reuse").
#include "render/documents_csv.h"

#include <gtest/gtest.h>

#include <fstream>

#include "link/link.h"
#include "load/load.h"
#include "text/escape.h"
#include "render/render.h"
#include "support/test_tree.h"

namespace travaux::render {
namespace {

namespace fs = std::filesystem;

TEST(CsvField, QuotesOnlyWhatNeedsItAndDisarmsFormulas) {
  EXPECT_EQ(text::csv_field("plain"), "plain");
  EXPECT_EQ(text::csv_field(""), "");
  EXPECT_EQ(text::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(text::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(text::csv_field("line\r\nbreak"), "\"line\r\nbreak\"");
  EXPECT_EQ(text::csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(text::csv_field("+1"), "'+1");
  EXPECT_EQ(text::csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(text::csv_field("-2"), "'-2");
  EXPECT_EQ(text::csv_field(std::string("Nul\0here \x1b[31m", 14)), "Nul\xEF\xBF\xBDhere \xEF\xBF\xBD[31m");
}

struct Generated {
  test::TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  link::LinkedArchive linked;
  render::SiteImage site;
  explicit Generated(const fs::path& content) {
    archive = load::load_archive(content, diags);
    linked = link::link_archive(archive, diags);
    auto theme = Theme::load(archive, diags);
    site = render_site(archive, linked, *theme, diags);
    EXPECT_FALSE(diags.has_errors()) << test::diagnostics_text(diags);
  }
  fs::path save(const std::string& site_path) const {
    fs::path p = dir.path() / site_path;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << site.files.at(site_path);
    return p;
  }
};

constexpr const char* kSpec =
    "-- archive.toml --\ntitle = \"T\"\nbase_url = \"https://example.org/a/\"\n"
    "-- letters/a.md --\n+++\ntitle = \"=cmd|' /C calc'!A0, \\\"quoted\\\"\"\ndate = 2018-02-05\n"
    "from = [\"X, Y\", \"Z\"]\ntopics = [\"t1\", \"t;2\"]\nsummary = \"Line one.\\nLine two.\"\n+++\nSee [b](@b).\n"
    "-- drafts/b.md --\n+++\ntitle = \"B\"\ndate = 2018-02-01\nlabel = \"Zero\"\nversion = 1\n+++\n1. Text.\n"
    "-- rounds/r.md --\n+++\ntitle = \"R\"\ndate = 2018-02-20\nend = 2018-02-22\nnumber = 1\n+++\n"
    "-- letters/hidden.md --\n+++\ntitle = \"Hidden\"\ndate = 2018-03-01\ndraft = true\n+++\n";

/// Reads documents.csv with Python's csv module (strict) and archive.json, and checks that the
/// two agree cell by cell; prints the first letter's row.
constexpr const char* kCompare = R"(import csv, json, sys
site = sys.argv[1]
raw = open(site + '/documents.csv', 'rb').read()
assert not raw.startswith(b'\xef\xbb\xbf')
rows = list(csv.DictReader(open(site + '/documents.csv', newline='', encoding='utf-8'), strict=True))
docs = json.load(open(site + '/archive.json', encoding='utf-8'))['documents']
assert [r['id'] for r in rows] == [d['id'] for d in docs], ([r['id'] for r in rows], [d['id'] for d in docs])
def cell(v):
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, list): return '; '.join(v)
    return str(v)
for r, d in zip(rows, docs):
    for k in r:
        want = cell(d.get(k, ''))
        got = r[k][1:] if r[k][:1] == "'" and want[:1] in '=+-@' and want else r[k]
        assert got == want, (d['id'], k, r[k], want)
    for k in d: assert k in r, k
print(json.dumps(rows[[r['kind'] for r in rows].index('letter')], ensure_ascii=False, sort_keys=True))
)";

TEST(DocumentsCsv, OneRowPerPublishedDocumentMatchingArchiveJson) {
  test::TempDir content;
  test::write_tree(content.path(), kSpec);
  Generated g(content.path());
  const std::string& csv = g.site.files.at("documents.csv");
  EXPECT_TRUE(csv.starts_with("id,kind,title,date,url,permalink,source_path,summary,source,full_text,label,version,"
                              "number,end,from,topics,links_to\r\n"));
  EXPECT_EQ(csv.find("Hidden"), std::string::npos);
  g.save("documents.csv");
  g.save("archive.json");
  const fs::path script = g.dir.path() / "compare.py";
  std::ofstream(script) << kCompare;
  std::string out;
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " + g.dir.path().string(), &out), 0) << out;
  EXPECT_EQ(out,
            "{\"date\": \"2018-02-05\", \"end\": \"\", \"from\": \"X, Y; Z\", \"full_text\": \"true\", \"id\": \"a\", "
            "\"kind\": \"letter\", \"label\": \"\", \"links_to\": \"b\", \"number\": \"\", "
            "\"permalink\": \"https://example.org/a/letters/a/\", \"source\": \"\", \"source_path\": \"letters/a.md\", "
            "\"summary\": \"Line one.\\nLine two.\", \"title\": \"'=cmd|' /C calc'!A0, \\\"quoted\\\"\", "
            "\"topics\": \"t1; t;2\", \"url\": \"letters/a/\", \"version\": \"\"}\n");
}

constexpr const char* kValidate = R"(import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
data = json.load(open(sys.argv[2], encoding='utf-8'))
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
for e in errors: print(list(e.path), e.message)
print(len(data['documents']), 'documents,', len(errors), 'errors')
)";

std::string validate(const fs::path& archive_json, const fs::path& dir) {
  const fs::path script = dir / "validate.py";
  std::ofstream(script) << kValidate;
  std::string out;
  test::run_command("/usr/bin/python3 " + script.string() + " " +
                        (fs::path(TRAVAUX_SOURCE_DIR) / "docs/archive.schema.json").string() + " " +
                        archive_json.string(),
                    &out);
  return out;
}

TEST(ArchiveSchema, GeneratedArchiveJsonValidates) {
  test::TempDir content;
  test::write_tree(content.path(), kSpec);
  Generated g(content.path());
  EXPECT_EQ(validate(g.save("archive.json"), g.dir.path()), "3 documents, 0 errors\n");
}

TEST(ArchiveSchema, ShippedArchiveJsonValidates) {
  Generated g(fs::path(TRAVAUX_SOURCE_DIR) / "content");
  const std::string out = validate(g.save("archive.json"), g.dir.path());
  EXPECT_TRUE(out.ends_with(" documents, 0 errors\n")) << out;
  EXPECT_FALSE(out.starts_with("0 documents")) << out;
}

TEST(ArchiveSchema, ASchemaViolationIsReported) {
  // The schema is not vacuous: a record without its id, or with an unknown kind, fails.
  test::TempDir dir;
  const fs::path bad = dir.path() / "bad.json";
  std::ofstream(bad) << R"({"title": "T", "description": "", "base_url": "/", "language": "en", "people": [],
    "documents": [{"kind": "memo", "title": "x", "date": "2018-02-05", "url": "x/", "permalink": "/x/",
    "source_path": "x.md", "summary": "", "full_text": true, "links_to": []}]})";
  const std::string out = validate(bad, dir.path());
  EXPECT_NE(out.find("'id' is a required property"), std::string::npos) << out;
  EXPECT_NE(out.find("'memo' is not one of"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("1 documents, 2 errors\n")) << out;
}

}  // namespace
}  // namespace travaux::render
