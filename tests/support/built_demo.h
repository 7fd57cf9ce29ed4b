#pragma once
// A test fixture over examples/drafts-demo, built once per test suite by the travaux binary.

#include <gtest/gtest.h>

#include <string>

#include "support/test_tree.h"

namespace travaux::test {

class BuiltDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new TempDir;
    const std::string cmd = std::string(TRAVAUX_BINARY) + " build --content " + TRAVAUX_SOURCE_DIR +
                            "/examples/drafts-demo --out " + (out_->path() / "site").string();
    status_ = run_command(cmd, &output_);
  }
  static void TearDownTestSuite() {
    delete out_;
    out_ = nullptr;
  }
  /// A file of the built site, by its path under the output root.
  static std::string page(const std::string& path) { return read_file(out_->path() / "site" / path); }

  static inline TempDir* out_ = nullptr;
  static inline int status_ = -1;
  static inline std::string output_;
};

}  // namespace travaux::test
