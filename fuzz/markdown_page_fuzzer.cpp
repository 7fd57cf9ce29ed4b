// libFuzzer target: the Markdown-to-page pipeline (issue #7, "Fuzzing"): the fuzzed bytes are
// the body of a letter and a draft in a small archive, which is loaded, linked (explicit
// links, anchors, mentions) and rendered to pages with the default theme.
#include "fuzz/fuzz_archive.h"
#include "link/link.h"
#include "render/render.h"
#include "render/theme.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace travaux;
  diag::Diagnostics diags;
  model::Archive archive = load::build_archive(fuzz::archive_around(fuzz::bytes(data, size)), diags);
  if (diags.has_errors()) return 0;  // e.g. invalid UTF-8: load stops the build here
  link::LinkedArchive linked = link::link_archive(archive, diags);
  if (diags.has_errors()) return 0;
  static auto theme = render::Theme::load(archive, diags);
  if (!theme) __builtin_trap();  // the built-in theme always loads
  render::render_site(archive, linked, *theme, diags);
  return 0;
}
