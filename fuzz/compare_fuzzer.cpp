// libFuzzer target: the comparison of two draft versions (docs/drafts-and-changes.md, "How two
// versions are compared"). The fuzzed bytes are split at the first "\n---8<---\n" into the
// old and the new body; both are read, compared and written as HTML. Beyond crashes, it checks
// what every changes page relies on: each paragraph of either version is shown exactly once.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "diff/compare.h"
#include "diff/draft_text.h"
#include "diff/inline_html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace travaux::diff;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string cut = "\n---8<---\n";
  const std::size_t at = input.find(cut);
  const std::string a = input.substr(0, at);
  const std::string b = at == std::string::npos ? input : input.substr(at + cut.size());
  const DraftText before = read_draft(a, 1), after = read_draft(b, 1);
  const Comparison c = compare(before, after);

  std::map<const Paragraph*, int> shown_before, shown_after;
  using K = ParagraphChange::Kind;
  for (const auto& sc : c.sections)
    for (const auto& p : sc.paragraphs) {
      if (p.kind == K::unchanged || p.kind == K::changed || p.kind == K::added) ++shown_after[p.after];
      if (p.kind == K::unchanged || p.kind == K::changed || p.kind == K::removed) ++shown_before[p.before];
      if (inline_html(p, nullptr).size() > 64 * (a.size() + b.size()) + 1024) __builtin_trap();
    }
  if (shown_after.size() != after.paragraph_count() || shown_before.size() != before.paragraph_count())
    __builtin_trap();
  for (const auto& [p, n] : shown_after)
    if (n != 1) __builtin_trap();
  for (const auto& [p, n] : shown_before)
    if (n != 1) __builtin_trap();
  return 0;
}
