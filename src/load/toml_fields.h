#pragma once
// Typed access to a TOML table that reports wrong types and missing keys at the value's own
// file position (STYLE.md: "Report a wrong-typed value at node.source()"). The only place
// besides parse_toml that includes toml++.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "diag/diagnostic.h"
#include "model/date.h"

namespace travaux::load {

/// Parses `text` as TOML. `first_line` is the file line of its first line, so errors point
/// into the .md file, not into the cut-out front matter. Reports and returns nullopt on error.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, int first_line,
                                      diag::Diagnostics& diags);

/// Reads keys of one table; remembers which keys were read so the rest can be reported.
class FieldReader {
 public:
  FieldReader(const toml::table& table, std::string path, int first_line, diag::Diagnostics& diags,
              std::string context = {})
      : table_(table), path_(std::move(path)), first_line_(first_line), diags_(diags),
        context_(std::move(context)) {}

  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<model::Date> date(std::string_view key, bool required = false);
  std::optional<long long> integer(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  /// An array of strings (a single string is a list of one). `positions`, when given, receives
  /// each kept value's own position, parallel to the result.
  std::vector<std::string> strings(std::string_view key, std::vector<diag::SourcePos>* positions = nullptr);
  /// An array of tables (`[[sessions]]`) or a single sub-table, as a list of tables.
  std::vector<const toml::table*> tables(std::string_view key);
  const toml::table* table(std::string_view key);

  /// Warns about every key not read so far, suggesting the nearest known key.
  void warn_unknown_keys(const std::vector<std::string>& known);

  diag::SourcePos pos(const toml::source_region& region) const;
  diag::SourcePos pos_of_key(std::string_view key) const;
  diag::SourcePos table_pos() const { return pos(table_.source()); }
  const std::string& path() const { return path_; }
  int first_line() const { return first_line_; }
  diag::Diagnostics& diags() { return diags_; }

 private:
  const toml::node* find(std::string_view key, bool required, const char* expected);
  void wrong_type(std::string_view key, const toml::node& node, const char* expected);

  const toml::table& table_;
  std::string path_;
  int first_line_;
  diag::Diagnostics& diags_;
  std::string context_;  // "session 2 of " etc., prefixed to messages
  std::set<std::string, std::less<>> read_;
};

}  // namespace travaux::load
