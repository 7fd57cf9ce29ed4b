#pragma once
// The whole archive after loading: settings, people and documents (CONTENT-MODEL.md).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace travaux::model {

struct Person {
  std::string id;
  std::string name;
  std::string role;
};

/// archive.toml.
struct ArchiveConfig {
  std::string source_text;  // archive.toml as read, for the lines of diagnostics about it
  std::string title;
  std::string description;
  std::string base_url = "/";
  std::string language = "en";
  std::string theme = "default";
  diag::SourcePos theme_pos{"archive.toml", 0, 0};  // the `theme` key, when written
  std::string time_zone = "UTC";
  bool unsafe_html = false;
  bool pretty_urls = false;
  std::string process_name;
  std::optional<Date> process_start;
  std::optional<Date> process_end;
  std::string process_text;            // `[process] text`: the principal negotiated text
  diag::SourcePos process_text_pos;    // where it was written
  std::vector<Person> people;  // sorted by id
};

/// A file under static/, copied as-is to the output root.
struct StaticFile {
  std::string path;         // relative to static/: "pdf/zero-draft.pdf"
  std::string source_path;  // absolute path on disk
};

/// Everything `load` produced. Documents are sorted by kind, date, then id, so every later
/// stage iterates in an order that never depends on the file system.
/// An archive's own theme files, read by load (render only formats): file name -> bytes, and
/// file name -> its path in the content folder ("themes/mine/page.html") for error messages.
struct ThemeSources {
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> origins;
};

struct Archive {
  ArchiveConfig config;
  ThemeSources theme;
  std::vector<Document> documents;
  std::optional<Document> home;  // content/_index.md
  std::vector<StaticFile> static_files;
  std::string content_root;  // absolute, for themes/ inside the archive
  /// Every topic as written -> its slug (topics/<slug>/). Names equal after case folding share
  /// one slug; distinct names never do (docs/content-model.md, "Topic and people slugs").
  std::map<std::string, std::string, std::less<>> topic_slugs;
  /// Senders named in `from` that are neither a person's id nor a person's name -> the slug of
  /// their page (people/<slug>/): "Jürg Lauber" -> "jurg-lauber".
  std::map<std::string, std::string, std::less<>> sender_slugs;
  /// `draft = true` documents: id -> source path. They get no page; a link to one is an error.
  std::map<std::string, std::string, std::less<>> unpublished;

  /// Every document's body is held packed (Document::packed_body), and link packs their HTML
  /// too: load's choice for the largest archives (docs/architecture.md, "Texts held packed").
  bool packed = false;

  const Document* find(std::string_view id) const;
  const Person* find_person(std::string_view id) const;
  /// The person a `from` value names: by id, else by exact name.
  const Person* find_sender(std::string_view from) const;
  std::vector<const Document*> of_kind(Kind kind) const;
  /// Rebuilds the id and person-name indexes; call after changing `documents` or `people`.
  void index();

 private:
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::map<std::string, std::size_t, std::less<>> person_by_name_;  // first person of each name
};

}  // namespace travaux::model
