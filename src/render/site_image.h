#pragma once
// The whole output as data: every page's path and bytes, and the static files to copy.
// `check`, `serve` and the tests render into it (through ImageSink); a build streams its pages
// to disk instead (write::StagingSink). Ordered maps keep the writing order stable.

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "render/page_sink.h"

namespace travaux::render {

struct SiteImage {
  /// Output path relative to the output root ("letters/x/index.html") -> bytes.
  std::map<std::string, std::string> files;
  /// Output path -> absolute source path, copied byte for byte (static/).
  std::map<std::string, std::string> copies;
  /// Pages of the previous image that a rebuild kept rather than rendered again, to be
  /// moved from it (site::take_kept; docs/incremental-builds.md, "serve").
  std::vector<std::string> kept;

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

/// A PageSink that fills a SiteImage, from any thread.
class ImageSink final : public PageSink {
 public:
  explicit ImageSink(SiteImage& image) : image_(image) {}
  bool add(std::string path, std::string bytes) override {
    std::lock_guard lock(mutex_);
    return image_.add(std::move(path), std::move(bytes));
  }
  bool add_copy(std::string path, std::string source) override {
    std::lock_guard lock(mutex_);
    return image_.add_copy(std::move(path), std::move(source));
  }
  void replace(std::string path, std::string bytes) override {
    std::lock_guard lock(mutex_);
    image_.files[std::move(path)] = std::move(bytes);
  }
  /// A page of the previous image, listed in SiteImage::kept (serve's rebuilds).
  void keep(std::string path) override {
    std::lock_guard lock(mutex_);
    image_.kept.push_back(std::move(path));
  }

 private:
  SiteImage& image_;
  std::mutex mutex_;
};

}  // namespace travaux::render
