#pragma once
// The whole output as data: every page's path and bytes, and the static files to copy.
// render fills it; write puts it on disk. Ordered maps keep the writing order stable.

#include <map>
#include <string>
#include <vector>

namespace travaux::render {

struct SiteImage {
  /// Output path relative to the output root ("letters/x/index.html") -> bytes.
  std::map<std::string, std::string> files;
  /// Output path -> absolute source path, copied byte for byte (static/).
  std::map<std::string, std::string> copies;

  /// Adds a generated file. Returns false if the path is already taken by a file or copy.
  bool add(std::string path, std::string bytes) {
    if (copies.count(path)) return false;
    return files.emplace(std::move(path), std::move(bytes)).second;
  }
  bool add_copy(std::string path, std::string source) {
    if (files.count(path)) return false;
    return copies.emplace(std::move(path), std::move(source)).second;
  }
};

}  // namespace travaux::render
