// Walks the content folder into a SourceTree (CONTENT-MODEL.md, "The content tree" and the
// symbolic-link edge rule).
#include "load/source_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <set>

namespace travaux::load {

namespace fs = std::filesystem;

namespace {

/// The whole file, read straight into its string (sized by fstat, then on to the end in case
/// it grew); nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::string out(::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 4096, '\0');
  std::size_t got = 0;
  for (;;) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == out.size()) out.resize(out.size() * 2);
  }
  ::close(fd);
  out.resize(got);
  return out;
}

class Walker {
 public:
  Walker(fs::path root, diag::Diagnostics& diags) : root_(std::move(root)), diags_(diags) {}

  void walk(const fs::path& dir, const std::string& rel, bool in_static) {
    std::error_code ec;
    fs::path real = fs::canonical(dir, ec);
    if (ec) {
      diags_.error({rel, 0, 0}, "cannot read folder: " + ec.message());
      return;
    }
    if (!visiting_.insert(real).second) {
      diags_.error({rel, 0, 0}, "symbolic link loop: '" + rel + "' leads back to a folder above it",
                   "remove the link or point it at a folder that does not contain it");
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    if (ec) diags_.error({rel, 0, 0}, "cannot list folder: " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& entry : entries) visit(entry, rel, in_static);
    visiting_.erase(real);
  }

  /// Reads the Markdown files the walk found, in parallel: most of the content's bytes.
  void read_markdown() {
    std::vector<char> failed(tree.markdown.size(), 0);
    tbb::parallel_for(std::size_t{0}, tree.markdown.size(), [&](std::size_t i) {
      auto text = read_file(markdown_paths[i]);
      if (text) tree.markdown[i].text = std::move(*text);
      else failed[i] = 1;
    });
    for (std::size_t i = 0; i < failed.size(); ++i)
      if (failed[i]) diags_.error({tree.markdown[i].path, 0, 0}, "cannot read file");
  }

  SourceTree tree;

 private:
  void visit(const fs::directory_entry& entry, const std::string& parent_rel, bool in_static) {
    const std::string name = entry.path().filename().string();
    if (name.empty()) return;
    // Outside static/, dot-files are tooling (.git, .DS_Store, editor swap files). Inside it they
    // are part of what gets published as is (.nojekyll, .well-known/): docs/content-model.md.
    const bool entering_static = parent_rel.empty() && name == "static";
    if (name[0] == '.' && !in_static) return;
    const std::string rel = parent_rel.empty() ? name : parent_rel + "/" + name;
    std::error_code ec;
    if (entry.is_symlink(ec) && !inside_root(entry.path())) {
      diags_.error({rel, 0, 0}, "symbolic link '" + rel + "' leads outside the content folder",
                   "copy the file into the content folder instead of linking to it");
      return;
    }
    if (entry.is_directory(ec)) {
      if (parent_rel.empty() && name == "themes" && !in_static) return;  // read by the theme loader
      walk(entry.path(), rel, in_static || entering_static);
      return;
    }
    if (!entry.is_regular_file(ec)) {
      if (entry.is_symlink()) diags_.error({rel, 0, 0}, "symbolic link '" + rel + "' points nowhere");
      return;
    }
    if (in_static) {
      tree.static_files.push_back({rel.substr(std::string("static/").size()), entry.path().string()});
    } else if (rel == "archive.toml") {
      tree.archive_toml = SourceFile{rel, read(entry.path(), rel)};
    } else if (entry.path().extension() == ".md") {
      tree.markdown.push_back({rel, {}});  // read after the walk, in parallel (read_markdown)
      markdown_paths.push_back(entry.path());
    }
  }

  bool inside_root(const fs::path& p) {
    std::error_code ec;
    fs::path target = fs::canonical(p, ec);
    if (ec) return true;  // dangling: reported as "points nowhere"
    auto [r, t] = std::mismatch(root_.begin(), root_.end(), target.begin(), target.end());
    return r == root_.end();
  }

  std::string read(const fs::path& p, const std::string& rel) {
    auto text = read_file(p);
    if (!text) diags_.error({rel, 0, 0}, "cannot read file");
    return text ? std::move(*text) : std::string();
  }

  std::vector<fs::path> markdown_paths;  // parallel to tree.markdown

  fs::path root_;
  diag::Diagnostics& diags_;
  std::set<fs::path> visiting_;
};

}  // namespace

SourceTree read_source_tree(const fs::path& root, diag::Diagnostics& diags) {
  std::error_code ec;
  fs::path real = fs::canonical(root, ec);
  if (ec || !fs::is_directory(real)) {
    diags.error({root.string(), 0, 0}, "content folder not found",
                "pass the archive's folder with --content DIR");
    return {};
  }
  Walker walker(real, diags);
  walker.tree.root = real;
  walker.walk(real, "", false);
  walker.read_markdown();
  return std::move(walker.tree);
}

}  // namespace travaux::load
