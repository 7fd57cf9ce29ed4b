// Command-line wiring with CLI11 (CONTENT-MODEL.md, "The command"). Every command is a row of
// one table (name, help, options, function), as ninja lists its tools in kTools; the
// functions stay thin and call site::generate.
#include "cli/cli.h"

#include <iostream>
#include <map>
#include <optional>

#include <CLI/CLI.hpp>
#include <tbb/global_control.h>

#include "cli/commands.h"

namespace travaux::cli {

namespace {

void add_content(CLI::App& cmd, std::filesystem::path& content) {
  cmd.add_option("--content", content, "Content folder")->capture_default_str();
}

void add_jobs(CLI::App& cmd, CommandLine& line) {
  cmd.add_option("--jobs,-j", line.jobs, "Worker threads (default: one per core)")->check(CLI::Range(1, 1024));
}

void build_options(CLI::App& cmd, CommandLine& line) {
  BuildOptions& o = line.build;
  add_content(cmd, o.content);
  cmd.add_option("--out", o.out, "Output folder")->capture_default_str();
  cmd.add_flag("--quiet,-q", o.quiet, "Print only problems");
  cmd.add_flag("--verbose,-v", o.verbose, "Print how long each stage took");
  cmd.add_flag("--no-wait", o.no_wait, "Exit 1 at once if another build is writing to the output folder");
  add_jobs(cmd, line);
}

void check_options(CLI::App& cmd, CommandLine& line) {
  static const std::map<std::string, diag::Format> kFormats = {
      {"text", diag::Format::text}, {"github", diag::Format::github}, {"json", diag::Format::json}};
  CheckOptions& o = line.check;
  add_content(cmd, o.content);
  cmd.add_option("--format", o.format, "Output format: text, github or json")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case));
  cmd.add_flag("--strict", o.strict, "Treat warnings as errors");
  add_jobs(cmd, line);
}

void new_options(CLI::App& cmd, CommandLine& line) {
  NewOptions& o = line.made;
  cmd.add_option("kind", o.kind, "letter, draft, round, document or page")->required();
  cmd.add_option("title", o.title, "Title of the new document")->required();
  add_content(cmd, o.content);
}

void serve_options(CLI::App& cmd, CommandLine& line) {
  serve::ServeOptions& o = line.serve;
  add_content(cmd, o.content);
  cmd.add_option("--port", o.port, "Port")->capture_default_str()->check(CLI::Range(1, 65535));
  cmd.add_option("--bind", o.host, "Address to listen on; requests must name it or localhost as their Host")
      ->capture_default_str();
  add_jobs(cmd, line);
}

struct Command {
  const char* name;
  const char* help;
  void (*options)(CLI::App&, CommandLine&);
  int (*run)(const CommandLine&);
};

constexpr Command kCommands[] = {
    {"build", "Build the archive into a static site", build_options,
     [](const CommandLine& l) { return run_build(l.build); }},
    {"check", "Check the archive for errors without writing anything", check_options,
     [](const CommandLine& l) { return run_check(l.check); }},
    {"new", "Create a new file with its front matter", new_options,
     [](const CommandLine& l) { return run_new(l.made); }},
    {"serve", "Preview the archive locally; rebuilds and reloads on change", serve_options,
     [](const CommandLine& l) { return serve::run_server(l.serve); }},
};

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"travaux: a static site generator for the record of a negotiation"};
  app.set_version_flag("--version", std::string("travaux ") + TRAVAUX_VERSION);
  app.require_subcommand(1);
  CommandLine line;
  std::vector<std::pair<CLI::App*, const Command*>> parsed;
  for (const Command& c : kCommands) {
    CLI::App* cmd = app.add_subcommand(c.name, c.help);
    c.options(*cmd, line);
    parsed.emplace_back(cmd, &c);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kUsageError;
  }
  // --jobs bounds every parallel loop of the pipeline (oneTBB) for the whole run.
  std::optional<tbb::global_control> threads;
  if (line.jobs > 0) threads.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(line.jobs));
  for (const auto& [cmd, c] : parsed)
    if (*cmd) return c->run(line);
  return kUsageError;
}

}  // namespace travaux::cli
