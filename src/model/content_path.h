#pragma once
// Paths written in front matter, resolved the way a Markdown link target is (CONTENT-MODEL.md,
// "Front matter": attachments). Pure string work: no file system.

#include <optional>
#include <string>
#include <string_view>

namespace travaux::model {

/// Joins `rel` onto the folder of `from_path` ("letters/x.md") and normalizes "." and "..";
/// a `rel` starting with '/' is taken from the content root. nullopt if it leaves the root.
std::optional<std::string> join_content_path(std::string_view from_path, std::string_view rel);

/// True if an `attachments` value names a file rather than a document: it has a '/' or a '.'
/// (ids never do) and is not a Markdown source file.
bool is_attachment_file(std::string_view value);

/// The path under static/ ("pdf/memo.pdf") that an attachment value names, written in the
/// document at `from_path`: `static/...` is taken from the content root, anything else relative
/// to the document's own folder. nullopt when the result is not under static/.
std::optional<std::string> attachment_static_path(std::string_view from_path, std::string_view value);

}  // namespace travaux::model
