#pragma once
// `travaux serve`: builds the archive in memory, serves it on localhost, rebuilds through the
// same pipeline when the content changes, and reloads open pages (CONTENT-MODEL.md, "The command").

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "render/site_image.h"

namespace httplib {
class Server;
}

namespace travaux::serve {

struct ServeOptions {
  std::filesystem::path content = "content";
  std::string host = "127.0.0.1";
  int port = 1313;
  int poll_ms = 500;
};

/// Runs until interrupted. Returns the exit code (1 if the first build fails is not fatal:
/// the server starts and shows the errors until the content is fixed).
int run_server(const ServeOptions& options);

/// What the routes serve: the last good build, replaced by each rebuild under `mutex`.
struct LiveSite {
  std::mutex mutex;
  render::SiteImage site;
  std::uint64_t version = 0;
  std::string last_errors;  // the report of the failed build, shown on 404 pages
};

/// Registers the routes over `live` on `server` and applies the limits of serve/limits.h
/// (docs/hostile-input.md, "serve"). Split from run_server so tests can run it in-process.
void configure_server(httplib::Server& server, LiveSite& live, const ServeOptions& options);

/// The response for `path` from `site`: the file, or the folder's index.html. HTML pages get
/// the live-reload script before </body>. nullopt for a missing file.
struct Served {
  std::string body;
  std::string content_type;
};
std::optional<Served> serve_path(const render::SiteImage& site, std::string path);

/// The script injected into every page: polls /__travaux/version and reloads on change.
extern const char* const kLiveReloadScript;

}  // namespace travaux::serve
