// libFuzzer target: mention detection (issue #7, "Fuzzing"; CONTENT-MODEL.md,
// "Cross-references" and "Edge rules"): the fuzzed bytes are running text in a letter and
// in a draft of an archive with aliases, rounds, objectives and numbered paragraphs, and
// the link stage is run over it. Goes through link::link_archive, not mention internals.
#include "fuzz/fuzz_archive.h"
#include "link/link.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace travaux;
  // Mentions live in running text: make the input one paragraph so most bytes reach the
  // mention finder rather than block syntax.
  std::string text = "\n";
  for (size_t i = 0; i < size; ++i) {
    char c = static_cast<char>(data[i]);
    text += (c == '\n' || c == '\r') ? ' ' : c;
  }
  text += "\n";
  diag::Diagnostics diags;
  model::Archive archive = load::build_archive(fuzz::archive_around(text), diags);
  if (diags.has_errors()) return 0;
  link::link_archive(archive, diags);
  return 0;
}
