#pragma once
// Shared by the libFuzzer targets (issue #7, "Fuzzing"): an archive built in memory around
// the fuzzer's bytes, so every target runs the real stages without touching the disk.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/load.h"
#include "load/source_tree.h"

namespace travaux::fuzz {

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// A small archive with rounds, two drafts (headings, objectives, numbered paragraphs) and
/// aliases, so links and mentions in the fuzzed text have something to resolve to. The
/// fuzzed `body` becomes the body of letters/fuzz.md and of drafts/fuzz-draft.md.
inline load::SourceTree archive_around(const std::string& body) {
  load::SourceTree tree;
  tree.root = "/nonexistent-fuzz-archive";
  tree.archive_toml = load::SourceFile{
      "archive.toml",
      "title = \"Fuzz\"\n[people.chair]\nname = \"Chair\"\n"};
  auto add = [&](std::string path, std::string text) { tree.markdown.push_back({std::move(path), std::move(text)}); };
  add("drafts/zero.md",
      "+++\ntitle = \"Zero draft\"\ndate = 2018-02-05\nversion = 1\naliases = [\"zero draft\"]\n+++\n\n"
      "## Preamble\n\n1. First.\n2. Second.\n\n## Objective 1: Data\n\n3. Third.\n\n## Objective 2: Drivers\n\n4. Fourth.\n");
  add("drafts/rev-1.md",
      "+++\ntitle = \"Revision 1\"\ndate = 2018-03-05\nversion = 2\naliases = [\"Rev 1\", \"revised draft\"]\n+++\n\n"
      "## Preamble\n\n1. First.\n2. Second.\n3. Third.\n\n## Objective 1: Data\n\n4. Fourth.\n");
  add("drafts/fuzz-draft.md", "+++\ntitle = \"Fuzz draft\"\ndate = 2018-04-01\nversion = 3\n+++\n" + body);
  add("letters/fuzz.md",
      "+++\ntitle = \"Fuzz letter\"\ndate = 2018-03-10\nfrom = [\"chair\"]\naliases = [\"this letter\"]\n+++\n" + body);
  add("letters/other.md", "+++\ntitle = \"Other\"\ndate = 2018-02-01\naliases = [\"General Assembly resolution 71/280\"]\n+++\n\nText.\n");
  add("rounds/first.md", "+++\ntitle = \"First round\"\ndate = 2018-02-20\nnumber = 1\n+++\n");
  add("rounds/second.md", "+++\ntitle = \"Second round\"\ndate = 2018-03-12\nnumber = 2\n+++\n");
  add("about.md", "+++\ntitle = \"About\"\ndate = 2018-01-01\n+++\n\nSee [the letter](letters/fuzz.md).\n");
  return tree;
}

}  // namespace travaux::fuzz
