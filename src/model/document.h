#pragma once
// A document of the archive: one Markdown file with its front matter (CONTENT-MODEL.md,
// "The content tree" and "Front matter"). Plain data: no I/O, no Markdown.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "model/date.h"
#include "text/packed.h"

namespace travaux::model {

enum class Kind { letter, draft, round, document, page };

/// "letter", "draft", ...: the value of `type = "..."`.
std::string_view kind_name(Kind kind);
/// "letters", "drafts", ...: the content folder and the URL folder ("" for pages).
std::string_view kind_folder(Kind kind);
/// "Letters", "Drafts", ...: the heading of the kind's index page.
std::string_view kind_title(Kind kind);
std::optional<Kind> kind_from_name(std::string_view name);

/// The values of a session's `kind`, in the order legends list them.
inline constexpr std::string_view kSessionKinds[] = {"negotiation", "informal-dialogue", "hearing", "briefing",
                                                     "other"};
/// "informal-dialogue" -> "Informal dialogue".
std::string session_kind_label(std::string_view kind);

/// One segment of a round's programme of work (`[[sessions]]`).
struct Session {
  Date date;
  std::optional<Date> until;  // last day of a segment spanning several days (extension)
  std::string start;          // "10:00", empty when the sources give no time
  std::string end;
  std::string title;
  std::string room;
  std::string kind = "negotiation";  // negotiation | informal-dialogue | hearing | briefing | other
  std::string note;
  diag::SourcePos pos;        // the `[[sessions]]` header, for errors about the whole session
  diag::SourcePos date_pos;   // its `date` value, for errors about the day
  diag::SourcePos until_pos;  // its `until` value
};

/// The front matter and body of one source file.
struct Document {
  Kind kind = Kind::page;
  std::string id;
  std::string source_path;  // relative to the content root: "letters/2018-02-05-x.md"
  std::string url_folder;   // output folder without trailing slash: "letters/<id>", "<path>/<id>"

  // Common keys.
  std::string title;
  Date date;
  std::vector<std::string> aliases;
  std::string summary;
  std::string source;
  std::vector<std::string> topics;
  bool full_text = true;  // false: the archive does not hold the text; the body is a note

  // Letters.
  std::vector<std::string> from;
  std::string to;
  std::string place;
  std::vector<std::string> attachments;
  std::vector<std::string> rounds;
  std::vector<std::string> drafts;  // letters and rounds: drafts concerned / under negotiation

  // Drafts.
  std::optional<std::int64_t> version;  // 64-bit, as TOML integers are
  std::string label;
  std::string status;
  std::string supersedes;
  std::string text;  // the negotiated text it is a version of ("" : the id of its first version)
  std::optional<int> objectives;  // declared objective count, for drafts whose text is not held

  // Rounds.
  std::optional<std::int64_t> number;
  std::optional<Date> end;
  std::string location;
  std::vector<Session> sessions;

  /// The Markdown after the front matter, and the file line it starts on. In the largest
  /// archives load holds it compressed instead (`packed_body`, `body` empty): read it with
  /// markdown().
  std::string body;
  text::Packed packed_body;
  int body_line = 1;
  /// A body load did not read: an incremental build reads only the front matter of a file
  /// unchanged since the last build, and the body when a later stage first asks for it
  /// (docs/incremental-builds.md, "Bodies not read"). `read` gives the body, or nullopt when
  /// the file no longer holds the bytes the build scanned (`changed` is then set).
  struct DeferredBody {
    std::function<std::optional<std::string>()> read;
    std::size_t file_size = 0;  // an upper bound of the body's size, before it is read
    bool pack = false;          // held packed once read, as load packs bodies (Archive::packed)
    std::once_flag once;
    std::string body;
    text::Packed packed;
    std::atomic<bool> changed{false};
    std::atomic<bool> asked{false};  // read (or tried), for build --verbose
  };
  std::shared_ptr<DeferredBody> deferred_body;
  /// XXH3-64 of the source file's bytes, set by load: what the document is, for the build cache.
  std::uint64_t source_hash = 0;
  /// source_hash, or for a document load did not make, a hash of its front matter and body.
  std::uint64_t digest() const;
  /// The TOML between the `+++` lines, and the file line it starts on: with the body, what
  /// a later stage's diagnostic needs to show its line (diag::Diagnostics::attach_lines).
  std::string front_matter;
  int front_matter_line = 2;

  /// Where each front-matter key was written, to report errors found after loading.
  std::map<std::string, diag::SourcePos> key_pos;
  /// Where each element of an array-of-strings key was written (e.g. one attachment path).
  std::map<std::string, std::vector<diag::SourcePos>> value_pos;

  /// The body, unpacked into `scratch` when it is held packed (docs/architecture.md, "Texts held packed").
  std::string_view markdown(std::string& scratch) const;
  /// The body's size in bytes, packed or not (a deferred body's file size until it is read).
  std::size_t markdown_size() const {
    if (deferred_body) return deferred_body->file_size;
    return packed_body.empty() ? body.size() : packed_body.size();
  }

  /// Position of `key` if it was written, else the top of the file.
  diag::SourcePos pos_of(const std::string& key) const;
  /// Position of the `index`-th value of an array key, else of the key.
  diag::SourcePos pos_of(const std::string& key, std::size_t index) const;
  /// The label a reader knows the document by: a draft's `label`, else its title.
  const std::string& display_name() const { return label.empty() ? title : label; }
};

}  // namespace travaux::model
