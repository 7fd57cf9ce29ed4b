// `travaux build` and `travaux check` (CONTENT-MODEL.md, "The command"; exit codes).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "write/write_site.h"

namespace travaux::cli {

int run_build(const BuildOptions& o) {
  const auto started = std::chrono::steady_clock::now();
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
