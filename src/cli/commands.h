#pragma once
// One function per subcommand; cli.cpp wires them to CLI11 from one table.

#include <filesystem>
#include <string>

#include "cli/report.h"

namespace travaux::cli {

struct BuildOptions {
  std::filesystem::path content = "content";
  std::filesystem::path out = "site";
  bool quiet = false;
  bool no_wait = false;  // exit 1 at once when another build holds the output folder's lock
};
int run_build(const BuildOptions& o);

struct CheckOptions {
  std::filesystem::path content = "content";
  Format format = Format::text;
  bool strict = false;
};
int run_check(const CheckOptions& o);

struct NewOptions {
  std::filesystem::path content = "content";
  std::string kind;
  std::string title;
};
int run_new(const NewOptions& o);

}  // namespace travaux::cli
