#pragma once
// The default theme's files, compiled into the binary by cmake/embed_theme.cmake.

#include <string>
#include <vector>

namespace travaux::render {

struct ThemeFile {
  std::string name;     // "letter.html", "style.css"
  std::string content;
};

const std::vector<ThemeFile>& default_theme_files();

}  // namespace travaux::render
