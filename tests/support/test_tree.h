#pragma once
// Whole archives from one inline string (STYLE.md item 9, after hugo's integration tests):
//   make_tree("-- archive.toml --\ntitle = \"T\"\n-- letters/a.md --\n+++\n...")

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace travaux::test {

/// A fresh temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Writes every "-- path --" section of `spec` under `root` (creating folders).
void write_tree(const std::filesystem::path& root, std::string_view spec);

/// All diagnostics as "file:line:column: error: message" lines, one per line.
std::string diagnostics_text(const diag::Diagnostics& diags);

/// Reads a whole file.
std::string read_file(const std::filesystem::path& path);

/// Every regular file under `root` (relative path -> bytes), for before/after comparisons.
std::map<std::string, std::string> files_under(const std::filesystem::path& root);

/// How two sites (relative path -> bytes) differ, "" when they hold the same files with the
/// same bytes: "missing: <paths>; extra: <paths>; differ: <paths>", `got` against `want`.
std::string differing_files(const std::map<std::string, std::string>& want,
                            const std::map<std::string, std::string>& got);

/// The names of the entries of `dir`, sorted.
std::vector<std::string> names_in(const std::filesystem::path& dir);

/// Runs a shell command, returns its exit status and fills `output` with stdout+stderr.
int run_command(const std::string& command, std::string* output = nullptr);

}  // namespace travaux::test
