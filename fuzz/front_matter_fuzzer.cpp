// libFuzzer target: one source file's bytes -> Document, and the same bytes as archive.toml
// (issue #7, "Fuzzing"; CONTENT-MODEL.md, "Front matter" and the UTF-8 edge rules).
#include "fuzz/fuzz_archive.h"
#include "load/archive_config.h"
#include "load/parse_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace travaux;
  const std::string text = fuzz::bytes(data, size);
  for (const char* path : {"letters/fuzz.md", "drafts/fuzz.md", "rounds/fuzz.md", "about/fuzz.md"}) {
    diag::Diagnostics diags;
    load::parse_document(path, text, diags);
  }
  diag::Diagnostics diags;
  load::parse_archive_config("archive.toml", text, diags);
  return 0;
}
