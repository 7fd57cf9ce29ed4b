// Test helpers: temporary content trees written from one string.
#include "support/test_tree.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

#include "diag/report.h"

namespace travaux::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("travaux-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_tree(const fs::path& root, std::string_view spec) {
  std::string path;
  std::string body;
  auto flush = [&] {
    if (path.empty()) return;
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << body;
  };
  std::size_t pos = 0;
  while (pos < spec.size()) {
    std::size_t end = spec.find('\n', pos);
    std::string_view line = spec.substr(pos, end == std::string_view::npos ? spec.npos : end - pos);
    pos = end == std::string_view::npos ? spec.size() : end + 1;
    if (line.starts_with("-- ") && line.ends_with(" --") && line.size() > 6) {
      flush();
      path = std::string(line.substr(3, line.size() - 6));
      body.clear();
    } else {
      body += line;
      if (end != std::string_view::npos) body += '\n';
    }
  }
  flush();
}

std::string diagnostics_text(const diag::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    std::string s = diag::format_text(d);
    out += s.substr(0, s.find('\n')) + "\n";
  }
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_command(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf;
  std::string out;
  while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  int status = pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::map<std::string, std::string> files_under(const std::filesystem::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root).string()] = read_file(e.path());
  return out;
}

std::string differing_files(const std::map<std::string, std::string>& want,
                            const std::map<std::string, std::string>& got) {
  std::string missing, extra, differ;
  for (const auto& [path, bytes] : want) {
    auto it = got.find(path);
    if (it == got.end()) missing += " " + path;
    else if (it->second != bytes) differ += " " + path;
  }
  for (const auto& [path, bytes] : got)
    if (!want.count(path)) extra += " " + path;
  std::string out;
  for (const auto& [name, list] : {std::pair{"missing:", &missing}, {"extra:", &extra}, {"differ:", &differ}})
    if (!list->empty()) out += (out.empty() ? "" : "; ") + std::string(name) + *list;
  return out;
}

std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace travaux::test
