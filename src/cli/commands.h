#pragma once
// One function per subcommand; cli.cpp lists them in one table (as ninja's kTools).

#include <filesystem>
#include <string>

#include "diag/report.h"
#include "serve/server.h"

namespace travaux::cli {

struct BuildOptions {
  std::filesystem::path content = "content";
  std::filesystem::path out = "site";
  bool quiet = false;
  bool verbose = false;  // per-stage timings
  bool no_wait = false;  // exit 1 at once when another build holds the output folder's lock
};
int run_build(const BuildOptions& o);

struct CheckOptions {
  std::filesystem::path content = "content";
  diag::Format format = diag::Format::text;
  bool strict = false;
};
int run_check(const CheckOptions& o);

struct NewOptions {
  std::filesystem::path content = "content";
  std::string kind;
  std::string title;
};
int run_new(const NewOptions& o);

/// Every command's options, filled by CLI11; each row of the table reads its own.
struct CommandLine {
  BuildOptions build;
  CheckOptions check;
  NewOptions made;
  serve::ServeOptions serve;
  int jobs = 0;  // --jobs N: worker threads, 0 for one per core
};

}  // namespace travaux::cli
