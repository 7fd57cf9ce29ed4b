// Front matter -> Document: kinds, ids, typed keys, sessions (CONTENT-MODEL.md, "The content
// tree", "Front matter", "Edge rules").
#include "load/parse_document.h"

#include <algorithm>

#include "load/check_sessions.h"
#include "load/front_matter.h"
#include "load/toml_fields.h"

namespace travaux::load {

namespace {

using model::Document;
using model::Kind;

const std::vector<std::string> kCommonKeys = {"title", "date",   "id",    "aliases", "summary",
                                              "source", "topics", "draft", "type",    "full_text"};
const std::vector<std::string> kLetterKeys = {"from", "to", "place", "attachments", "rounds", "drafts"};
const std::vector<std::string> kDraftKeys = {"version", "label", "status", "supersedes", "objectives", "text"};
const std::vector<std::string> kRoundKeys = {"number", "end", "location", "drafts", "sessions"};
const std::vector<std::string> kSessionKeys = {"date", "until", "start", "end",
                                               "title", "room", "kind", "note"};

std::vector<std::string> known_keys(Kind kind) {
  std::vector<std::string> keys = kCommonKeys;
  auto add = [&](const std::vector<std::string>& more) { keys.insert(keys.end(), more.begin(), more.end()); };
  switch (kind) {
    case Kind::letter: case Kind::document: add(kLetterKeys); break;
    case Kind::draft: add(kDraftKeys); break;
    case Kind::round: add(kRoundKeys); break;
    case Kind::page: break;
  }
  return keys;
}

/// Kind from the first folder of the path; everything else is a plain page.
Kind kind_from_path(const std::string& path) {
  auto slash = path.find('/');
  if (slash == std::string::npos) return Kind::page;
  std::string_view folder(path.data(), slash);
  for (Kind k : {Kind::letter, Kind::draft, Kind::round, Kind::document})
    if (model::kind_folder(k) == folder) return k;
  return Kind::page;
}

std::string stem_of(const std::string& path) {
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.substr(0, name.size() - 3);  // ".md"
}

/// A 24-hour "HH:MM" from 00:00 to 23:59 (24:00 is not a time a session starts or ends at).
bool is_time(const std::string& t) {
  const auto m = model::clock_minutes(t);
  return m && *m < 24 * 60;
}

void read_sessions(FieldReader& fields, Document& doc) {
  int n = 0;
  for (const toml::table* t : fields.tables("sessions")) {
    ++n;
    FieldReader s(*t, fields.path(), fields.first_line(), fields.diags(),
                  "session " + std::to_string(n) + ": ");
    model::Session session;
    session.pos = s.table_pos();
    session.date = s.date("date", true).value_or(model::Date{});
    session.until = s.date("until");
    session.date_pos = s.pos_of_key("date");
    session.until_pos = s.pos_of_key("until");
    session.start = s.string("start").value_or("");
    session.end = s.string("end").value_or("");
    session.title = s.string("title", true).value_or("");
    session.room = s.string("room").value_or("");
    session.kind = s.string("kind").value_or("negotiation");
    session.note = s.string("note").value_or("");
    for (const char* key : {"start", "end"}) {
      const std::string& v = key[0] == 's' ? session.start : session.end;
      if (!v.empty() && !is_time(v))
        fields.diags().error(s.pos_of_key(key), "session " + std::to_string(n) + ": '" + key +
                             "' must be a 24-hour time like \"10:00\", not \"" + v + "\"");
    }
    if (std::find(std::begin(model::kSessionKinds), std::end(model::kSessionKinds), session.kind) ==
        std::end(model::kSessionKinds))
      fields.diags().error(s.pos_of_key("kind"),
                           "session " + std::to_string(n) + ": unknown kind '" + session.kind + "'",
                           "use negotiation, informal-dialogue, hearing, briefing or other");
    s.warn_unknown_keys(kSessionKeys);
    doc.sessions.push_back(std::move(session));
  }
}

void check_round_dates(const Document& doc, diag::Diagnostics& diags) {
  const model::Date last = doc.end.value_or(doc.date);
  if (doc.end && *doc.end < doc.date)
    diags.error(doc.pos_of("end"), "round ends (" + doc.end->iso() + ") before it starts (" +
                doc.date.iso() + ")", "'end' is the last day of the round, on or after 'date'");
  for (std::size_t i = 0; i < doc.sessions.size(); ++i) {
    const auto& s = doc.sessions[i];
    if (!s.date.valid()) continue;
    const model::Date s_last = s.until.value_or(s.date);
    if (s.date < doc.date || s_last > last)
      diags.error(s.date < doc.date || !s.until ? s.date_pos : s.until_pos, "session " + std::to_string(i + 1) + " (" + s.date.iso() +
                  ") lies outside the round (" + doc.date.iso() + " to " + last.iso() + ")",
                  "correct the session's date or the round's 'date'/'end'");
    if (s.until && *s.until < s.date)
      diags.error(s.until_pos, "session " + std::to_string(i + 1) + ": 'until' is before 'date'");
  }
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && c == '-');
  };
  if (!ok(id[0], true)) return false;
  for (char c : id.substr(1))
    if (!ok(c, false)) return false;
  return true;
}

namespace {

std::optional<ParsedDocument> parse_normalized(const std::string& path, const std::string& text,
                                               diag::Diagnostics& diags);

}  // namespace

std::optional<ParsedDocument> parse_document(const std::string& path, std::string raw,
                                             diag::Diagnostics& diags) {
  auto text = normalize_text(std::move(raw), path, diags);
  if (!text) return std::nullopt;
  auto parsed = parse_normalized(path, *text, diags);
  diags.attach_lines(path, *text);  // while the whole text is at hand (docs/architecture.md)
  return parsed;
}

namespace {

std::optional<ParsedDocument> parse_normalized(const std::string& path, const std::string& text,
                                               diag::Diagnostics& diags) {
  auto fm = split_front_matter(text, path, diags);
  if (!fm) return std::nullopt;
  auto table = parse_toml(fm->toml, path, fm->toml_line, diags);
  if (!table) return std::nullopt;

  ParsedDocument parsed;
  Document& doc = parsed.doc;
  doc.source_path = path;
  doc.body = std::string(fm->body);
  doc.body_line = fm->body_line;
  doc.front_matter = std::string(fm->toml);
  doc.front_matter_line = fm->toml_line;
  FieldReader f(*table, path, fm->toml_line, diags);
  for (auto&& [k, v] : *table) doc.key_pos[std::string(k.str())] = f.pos(k.source());

  doc.kind = kind_from_path(path);
  if (auto type = f.string("type")) {
    if (auto k = model::kind_from_name(*type)) doc.kind = *k;
    else diags.error(f.pos_of_key("type"), "unknown type '" + *type + "'",
                     "use letter, draft, round, document or page, or remove 'type'");
  }
  doc.id = f.string("id").value_or(stem_of(path));
  // content/_index.md is the home page's introduction, not a document with an id.
  if (path != "_index.md" && !is_valid_id(doc.id)) {
    if (doc.key_pos.count("id"))
      diags.error(f.pos_of_key("id"), "invalid id '" + doc.id + "'",
                  "ids use lowercase letters, digits and '-', and start with a letter or digit");
    else
      diags.error({path, 1, 1}, "the file name gives the invalid id '" + doc.id + "'",
                  "rename the file to lowercase letters, digits and '-', or set id = \"...\"");
  }
  doc.title = f.string("title", true).value_or("");
  if (auto d = f.date("date", true)) doc.date = *d;
  doc.aliases = f.strings("aliases");
  doc.summary = f.string("summary").value_or("");
  doc.source = f.string("source").value_or("");
  doc.topics = f.strings("topics", &doc.value_pos["topics"]);
  parsed.work_in_progress = f.boolean("draft").value_or(false);
  doc.full_text = f.boolean("full_text").value_or(true);
  if (!doc.source.empty() && !doc.source.starts_with("http://") && !doc.source.starts_with("https://") &&
      !doc.source.starts_with("static/") && !doc.source.starts_with("/static/"))
    diags.error(f.pos_of_key("source"), "'source' must be an http(s):// URL or a path into static/",
                "write the full address, e.g. \"https://...\", or \"static/originals/file.pdf\"");

  switch (doc.kind) {
    case Kind::letter:
    case Kind::document:
      doc.from = f.strings("from", &doc.value_pos["from"]);
      doc.to = f.string("to").value_or("");
      doc.place = f.string("place").value_or("");
      doc.attachments = f.strings("attachments", &doc.value_pos["attachments"]);
      doc.rounds = f.strings("rounds");
      doc.drafts = f.strings("drafts");
      break;
    case Kind::draft:
      if (auto v = f.integer("version")) doc.version = *v;
      doc.text = f.string("text").value_or("");
      if (!doc.text.empty() && !is_valid_id(doc.text))
        diags.error(f.pos_of_key("text"), "invalid text id '" + doc.text + "'",
                    "a text id names history/<text>/ folders: use lowercase letters, digits and '-'");
      doc.label = f.string("label").value_or("");
      doc.status = f.string("status").value_or("");
      doc.supersedes = f.string("supersedes").value_or("");
      if (auto n = f.integer("objectives")) doc.objectives = static_cast<int>(*n);
      break;
    case Kind::round:
      if (auto n = f.integer("number", true)) doc.number = *n;
      doc.end = f.date("end");
      doc.location = f.string("location").value_or("");
      doc.drafts = f.strings("drafts");
      read_sessions(f, doc);
      check_round_dates(doc, diags);
      check_sessions(doc, diags);
      break;
    case Kind::page:
      break;
  }
  f.warn_unknown_keys(known_keys(doc.kind));

  // Output folder (CONTENT-MODEL.md, "Output"): kind folder, or the page's own folder.
  if (doc.kind == Kind::page) {
    auto slash = path.rfind('/');
    doc.url_folder = slash == std::string::npos ? doc.id : path.substr(0, slash) + "/" + doc.id;
  } else {
    doc.url_folder = std::string(model::kind_folder(doc.kind)) + "/" + doc.id;
  }
  return parsed;
}

}  // namespace

}  // namespace travaux::load
