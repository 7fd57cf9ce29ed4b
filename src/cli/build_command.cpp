// `travaux build` and `travaux check` (CONTENT-MODEL.md, "The command"; exit codes). Both run
// site::generate: check stops before the write, so it fails whenever build would.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "site/generate.h"
#include "write/output_folder.h"

namespace travaux::cli {

namespace {

/// --quiet: print errors only. A plain flag because OutputLock takes a plain function pointer.
bool quiet_build = false;

void say_waiting(const std::filesystem::path& lock_file) {
  if (quiet_build) return;
  std::cerr << "travaux: another build is writing to this output folder; waiting for it to finish (lock "
            << lock_file.string() << "; --no-wait fails at once instead)\n";
}

/// Takes the output folder's lock, or says why not. nullopt: return `*code`.
std::optional<write::OutputLock> lock_output(const BuildOptions& o, int* code) {
  if (o.content.empty()) {
    std::cerr << "travaux build: --content is empty: name the content folder\n";
    *code = kUsageError;
    return std::nullopt;
  }
  if (auto problem = write::output_problem(o.content, o.out)) {
    std::cerr << "travaux build: " << *problem
              << "\n  hint: choose an --out outside the content folder, such as site/ beside it\n";
    *code = kUsageError;
    return std::nullopt;
  }
  std::string error;
  auto lock = write::OutputLock::acquire(o.out, o.no_wait ? write::OutputLock::Wait::no : write::OutputLock::Wait::yes,
                                         say_waiting, &error);
  if (!lock) {
    if (error.empty())
      std::cerr << "travaux build: another build is writing to " << o.out.string()
                << "; nothing written (run again when it has finished, or without --no-wait to wait for it)\n";
    else
      std::cerr << error << "\n  hint: check that the output folder's parent exists and is writable\n";
    *code = kContentError;
  }
  return lock;
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

}  // namespace

int run_build(const BuildOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  quiet_build = o.quiet;
  int code = kOk;
  auto lock = lock_output(o, &code);
  if (!lock) return code;
  diag::Diagnostics diags;
  diag::Progress progress;
  std::optional<ProgressLine> line;
  if (progress_wanted(o.quiet)) line.emplace(progress, STDERR_FILENO);
  auto generated = site::generate(o.content, site::Until::write, diags, o.out, &progress);
  line.reset();  // erases the progress line before anything else is printed
  diags.sort();
  if (o.quiet) {
    diag::Diagnostics errors;
    for (const auto& d : diags.items())
      if (d.severity == diag::Severity::error) errors.add(d);
    diag::report(errors, diag::Format::text, std::cerr);
  } else {
    diag::report(diags, diag::Format::text, std::cerr);
  }
  if (!generated) {
    std::cerr << "travaux: " << diags.error_count() << " error(s); nothing written, " << o.out.string()
              << " left as it was\n";
    return kContentError;
  }
  if (o.verbose && !o.quiet)
    for (std::size_t i = 0; i < generated->stage_seconds.size(); ++i) {
      const auto& [stage, seconds] = generated->stage_seconds[i];
      std::cerr << "travaux: " << stage << " " << seconds_text(seconds);
      if (i < generated->stage_peak_kb.size() && generated->stage_peak_kb[i] > 0)
        std::cerr << " (peak memory " << (generated->stage_peak_kb[i] + 512) / 1024 << " MB)";
      std::cerr << "\n";
    }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.quiet) {
    std::cout << "travaux: " << generated->documents << " documents, " << generated->files << " files written to "
              << o.out.string() << " in " << seconds_text(seconds);
    if (diags.warning_count() > 0) std::cout << " (" << diags.warning_count() << " warning(s))";
    std::cout << "\n";
  }
  return kOk;
}

int run_check(const CheckOptions& o) {
  diag::Diagnostics diags;
  site::generate(o.content, site::Until::render, diags);
  if (o.strict) {
    diag::Diagnostics strict;
    for (auto d : diags.items()) {
      d.severity = diag::Severity::error;
      strict.add(std::move(d));
    }
    diags = std::move(strict);
  }
  diags.sort();
  diag::report(diags, o.format, std::cout);
  if (o.format == diag::Format::text)
    std::cerr << "travaux check: " << diags.error_count() << " error(s), " << diags.warning_count() << " warning(s)\n";
  return diags.has_errors() ? kContentError : kOk;
}

}  // namespace travaux::cli
