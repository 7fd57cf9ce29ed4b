#pragma once
// Markdown built to make parsers go quadratic or recurse deeply (issue #7; the cases follow
// cmark's test/pathological_tests.py). Shared by tests/unit/hostile_markdown_test.cpp, which
// checks that each one builds, and bench/pathological_bench.cpp, which times them.

#include <string>
#include <vector>

namespace travaux::test {

struct PathologicalCase {
  std::string name;  // "nested-block-quotes"
  std::string body;  // the Markdown body of one letter
};

/// Every case, in a fixed order.
const std::vector<PathologicalCase>& pathological_cases();

/// The body of the case called `name` (empty if there is none).
const std::string& pathological_body(const std::string& name);

}  // namespace travaux::test
