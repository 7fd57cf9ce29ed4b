// Benchmark (issue #7): how long load + link + render take on each pathological Markdown
// body of tests/support/pathological_cases.h. Prints one line per case; no threshold.
#include <chrono>
#include <cstdio>

#include "site/generate.h"
#include "support/pathological_cases.h"
#include "support/test_tree.h"

int main() {
  using namespace travaux;
  int failed = 0;
  for (const auto& c : test::pathological_cases()) {
    test::TempDir dir;
    test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\n"
                                 "-- letters/a.md --\n+++\ntitle = \"A\"\ndate = 2018-02-05\naliases = [\"zero draft\"]\n+++\n" +
                                     c.body);
    const auto started = std::chrono::steady_clock::now();
    diag::Diagnostics diags;
    const bool ok = site::generate(dir.path(), site::Until::render, diags).has_value();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("%-26s %8.1f KB  %6.2f s  %s\n", c.name.c_str(), c.body.size() / 1024.0, s, ok ? "built" : "FAILED");
    failed += ok ? 0 : 1;
  }
  return failed == 0 ? 0 : 1;
}
