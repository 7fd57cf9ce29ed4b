// Command-line wiring with CLI11 (CONTENT-MODEL.md, "The command"). Commands stay thin:
// each hands its options to a run_* function.
#include "cli/cli.h"

#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "serve/server.h"

namespace travaux::cli {

int run(int argc, char** argv) {
  CLI::App app{"travaux: a static site generator for the record of a negotiation"};
  app.set_version_flag("--version", std::string("travaux ") + TRAVAUX_VERSION);
  app.require_subcommand(1);

  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "Build the archive into a static site");
  build_cmd->add_option("--content", build.content, "Content folder")->capture_default_str();
  build_cmd->add_option("--out", build.out, "Output folder")->capture_default_str();
  build_cmd->add_flag("--quiet,-q", build.quiet, "Print only problems");
  build_cmd->add_flag("--no-wait", build.no_wait, "Exit 1 at once if another build is writing to the output folder");

  CheckOptions check;
  const std::map<std::string, Format> formats = {{"text", Format::text}, {"github", Format::github}, {"json", Format::json}};
  auto* check_cmd = app.add_subcommand("check", "Check the archive for errors without writing anything");
  check_cmd->add_option("--content", check.content, "Content folder")->capture_default_str();
  check_cmd->add_option("--format", check.format, "Output format: text, github or json")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  check_cmd->add_flag("--strict", check.strict, "Treat warnings as errors");

  NewOptions made;
  auto* new_cmd = app.add_subcommand("new", "Create a new file with its front matter");
  new_cmd->add_option("kind", made.kind, "letter, draft, round, document or page")->required();
  new_cmd->add_option("title", made.title, "Title of the new document")->required();
  new_cmd->add_option("--content", made.content, "Content folder")->capture_default_str();

  serve::ServeOptions serve_opts;
  auto* serve_cmd = app.add_subcommand("serve", "Preview the archive locally; rebuilds and reloads on change");
  serve_cmd->add_option("--content", serve_opts.content, "Content folder")->capture_default_str();
  serve_cmd->add_option("--port", serve_opts.port, "Port on 127.0.0.1")->capture_default_str()->check(CLI::Range(1, 65535));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (*build_cmd) return run_build(build);
  if (*check_cmd) return run_check(check);
  if (*new_cmd) return run_new(made);
  if (*serve_cmd) return serve::run_server(serve_opts);
  return kUsageError;
}

}  // namespace travaux::cli
