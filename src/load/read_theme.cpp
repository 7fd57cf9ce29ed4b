// An archive's own theme files (docs/content-model.md, "Themes").
#include "load/read_theme.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace travaux::load {

namespace fs = std::filesystem;

void read_theme(const fs::path& content_root, model::Archive& archive, diag::Diagnostics& diags) {
  const std::string& name = archive.config.theme;
  const fs::path own = content_root / "themes" / name;
  std::error_code ec;
  if (!fs::is_directory(own, ec)) {
    if (name != "default")
      diags.error(archive.config.theme_pos, "theme '" + name + "' not found",
                  "create themes/" + name + "/ in the content folder, or use theme = \"default\"");
    return;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(own, ec))
    if (e.is_regular_file(ec)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    const std::string file = p.filename().string();
    const std::string origin = "themes/" + name + "/" + file;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in && !in.eof()) {
      diags.error({origin, 0, 0}, "cannot read the theme file", "check its permissions");
      continue;
    }
    archive.theme.files[file] = s.str();
    archive.theme.origins[file] = origin;
  }
}

}  // namespace travaux::load
