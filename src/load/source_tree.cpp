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

namespace {

/// A line of raw bytes as split_front_matter sees it once the text is normalized: without the
/// '\r' of a CRLF ending, and a fence when it holds only "+++" and trailing blanks.
bool raw_fence(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

/// The front matter of the file at `p`: its bytes up to the end of the line that closes it,
/// read in blocks up to its first 64 KB, and the file's size; nullopt when the file does not
/// open with front matter closed within them (then it is read whole, and any error reported
/// as usual).
std::optional<std::pair<std::string, std::size_t>> read_head(const fs::path& p) {
  constexpr std::size_t kBlock = 4096, kHead = 64 * 1024;
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  char block[kBlock];
  std::string head;
  std::size_t pos = 0;  // where the next line starts
  int lines = 0;        // lines looked at
  bool opened = true;   // false once the first line is seen not to be a fence
  std::optional<std::pair<std::string, std::size_t>> found;
  while (!found && opened && head.size() < kHead) {
    const ssize_t n = ::read(fd, block, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    head.append(block, static_cast<std::size_t>(n));
    if (lines == 0 && pos == 0 && head.starts_with("\xEF\xBB\xBF")) pos = 3;
    for (std::size_t end; !found && opened && (end = head.find('\n', pos)) != std::string::npos; pos = end + 1) {
      const bool fence = raw_fence(std::string_view(head).substr(pos, end - pos));
      if (lines++ == 0) opened = fence;
      else if (fence) found.emplace(head.substr(0, end + 1), static_cast<std::size_t>(st.st_size));
    }
  }
  ::close(fd);
  return found;
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

  /// Reads the Markdown files the walk found, in parallel: most of the content's bytes. Of
  /// those in `heads_only`, only the front matter.
  void read_markdown(const HeadsOnly* heads_only, const KnownHeads* known) {
    std::vector<char> failed(tree.markdown.size(), 0);
    tbb::parallel_for(std::size_t{0}, tree.markdown.size(), [&](std::size_t i) {
      SourceFile& file = tree.markdown[i];
      if (heads_only) {
        if (auto it = heads_only->find(file.path); it != heads_only->end()) {
          if (known) {
            if (auto k = known->find(file.path); k != known->end() && k->second.hash == it->second) {
              file.size = k->second.size;
              file.head_only = file.known = true;
              file.hash = it->second;
              return;
            }
          }
          if (auto head = read_head(markdown_paths[i])) {
            file.text = std::move(head->first);
            file.size = head->second;
            file.head_only = true;
            file.hash = it->second;
            return;
          }
        }
      }
      auto text = read_file(markdown_paths[i]);
      if (!text) {
        failed[i] = 1;
        return;
      }
      file.text = std::move(*text);
      file.size = file.text.size();
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
      tree.markdown.push_back({rel, {}, 0, false, 0});  // read after the walk, in parallel (read_markdown)
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

SourceTree read_source_tree(const fs::path& root, diag::Diagnostics& diags, const HeadsOnly* heads_only,
                            const KnownHeads* known) {
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
  walker.read_markdown(heads_only, known);
  return std::move(walker.tree);
}

}  // namespace travaux::load
