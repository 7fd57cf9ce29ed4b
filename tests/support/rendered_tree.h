#pragma once
// An archive written from one inline string (test_tree.h), loaded, linked and given its theme:
// the input of a single page renderer, for tests that call one without building the site.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "link/link.h"
#include "load/load.h"
#include "render/theme.h"
#include "render/view.h"
#include "support/test_tree.h"

namespace travaux::test {

struct RenderedTree {
  TempDir dir;
  diag::Diagnostics diags;
  model::Archive archive;
  link::LinkedArchive linked;
  std::unique_ptr<render::Theme> theme;

  /// Expects the archive to load and link without a single diagnostic.
  explicit RenderedTree(const std::string& spec) {
    write_tree(dir.path(), spec);
    archive = load::load_archive(dir.path(), diags);
    linked = link::link_archive(archive, diags);
    theme = render::Theme::load(archive, diags);
    EXPECT_EQ(diagnostics_text(diags), "");
  }
  render::RenderInput in() const { return {archive, linked, *theme}; }
};

}  // namespace travaux::test
