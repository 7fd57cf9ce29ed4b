// `travaux build` and `travaux check` (CONTENT-MODEL.md, "The command"; exit codes).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "write/output_folder.h"
#include "write/write_site.h"

namespace travaux::cli {

namespace {

void say_waiting(const std::filesystem::path& lock_file) {
  std::cerr << "travaux: another build is writing to this output folder; waiting for it to finish (lock "
            << lock_file.string() << "; --no-wait fails at once instead)\n";
}

}  // namespace

int run_build(const BuildOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  if (o.content.empty()) {
    std::cerr << "travaux build: --content is empty: name the content folder\n";
    return kUsageError;
  }
  if (auto problem = write::output_problem(o.content, o.out)) {
    std::cerr << "travaux build: " << *problem << "\n  hint: choose an --out outside the content folder, such as site/ beside it\n";
    return kUsageError;
  }
  std::string lock_error;
  auto lock = write::OutputLock::acquire(
      o.out, o.no_wait ? write::OutputLock::Wait::no : write::OutputLock::Wait::yes, say_waiting, &lock_error);
  if (!lock) {
    if (lock_error.empty())
      std::cerr << "travaux build: another build is writing to " << o.out.string()
                << "; nothing written (run again when it has finished, or without --no-wait to wait for it)\n";
    else
      std::cerr << lock_error << "\n  hint: check that the output folder's parent exists and is writable\n";
    return kContentError;
  }
  diag::Diagnostics diags;
  auto generated = generate(o.content, false, diags);
  if (generated && !write::write_site(generated->site, o.out, diags)) generated.reset();
  diags.sort();
  report(diags, Format::text, o.content, std::cerr);
  if (!generated) {
    std::cerr << "travaux: " << diags.error_count() << " error(s); nothing written, " << o.out.string()
              << " left as it was\n";
    return kContentError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.quiet) {
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", seconds);
    std::cout << "travaux: " << generated->documents << " documents, "
              << generated->site.files.size() + generated->site.copies.size() << " files written to "
              << o.out.string() << " in " << time;
    if (diags.warning_count() > 0) std::cout << " (" << diags.warning_count() << " warning(s))";
    std::cout << "\n";
  }
  return kOk;
}

int run_check(const CheckOptions& o) {
  diag::Diagnostics diags;
  generate(o.content, true, diags);
  if (o.strict) {
    diag::Diagnostics strict;
    for (auto d : diags.items()) {
      d.severity = diag::Severity::error;
      strict.add(std::move(d));
    }
    diags = std::move(strict);
  }
  diags.sort();
  report(diags, o.format, o.content, std::cout);
  if (o.format == Format::text)
    std::cerr << "travaux check: " << diags.error_count() << " error(s), " << diags.warning_count() << " warning(s)\n";
  return diags.has_errors() ? kContentError : kOk;
}

}  // namespace travaux::cli
