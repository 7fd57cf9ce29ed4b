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
  std::string title;
  std::string description;
  std::string base_url = "/";
  std::string language = "en";
  std::string theme = "default";
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
struct Archive {
  ArchiveConfig config;
  std::vector<Document> documents;
  std::optional<Document> home;  // content/_index.md
  std::vector<StaticFile> static_files;
  std::string content_root;  // absolute, for themes/ inside the archive
  /// `draft = true` documents: id -> source path. They get no page; a link to one is an error.
  std::map<std::string, std::string, std::less<>> unpublished;

  const Document* find(std::string_view id) const;
  const Person* find_person(std::string_view id) const;
  std::vector<const Document*> of_kind(Kind kind) const;
  /// Rebuilds the id index; call after changing `documents`.
  void index();

 private:
  std::map<std::string, std::size_t, std::less<>> by_id_;
};

}  // namespace travaux::model
