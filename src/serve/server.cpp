// The preview server: in-memory site, polling rebuilds, live reload (CONTENT-MODEL.md,
// "The command": serve).
#include "serve/server.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "diag/report.h"
#include "serve/limits.h"
#include "site/generate.h"
#include "serve/watch.h"

namespace travaux::serve {

namespace fs = std::filesystem;

const char* const kLiveReloadScript =
    "(function(){var v=null;function poll(){fetch('/__travaux/version',{cache:'no-store'})"
    ".then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();}v=t;})"
    ".catch(function(){}).finally(function(){setTimeout(poll,1000);});}poll();})();";

namespace {

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".xml", "application/xml"},          {".ics", "text/calendar; charset=utf-8"},
      {".svg", "image/svg+xml"},            {".png", "image/png"},
      {".jpg", "image/jpeg"},               {".jpeg", "image/jpeg"},
      {".pdf", "application/pdf"},          {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : kTypes)
    if (path.ends_with(ext)) return type;
  return "application/octet-stream";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::atomic<bool> g_stop{false};

}  // namespace

std::optional<Served> serve_path(const render::SiteImage& site, std::string path) {
  if (auto q = path.find_first_of("?#"); q != std::string::npos) path.erase(q);
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  if (path.find("..") != std::string::npos) return std::nullopt;
  if (path.empty() || path.back() == '/') path += "index.html";
  auto file = site.files.find(path);
  if (file == site.files.end() && site.copies.find(path) == site.copies.end() &&
      site.files.count(path + "/index.html")) {
    path += "/index.html";
    file = site.files.find(path);
  }
  Served out;
  out.content_type = content_type(path);
  if (file != site.files.end()) {
    out.body = file->second;
  } else if (auto copy = site.copies.find(path); copy != site.copies.end()) {
    out.body = read_file(copy->second);
  } else {
    return std::nullopt;
  }
  if (path.ends_with(".html")) {
    const std::string tag = "<script src=\"/__travaux/live.js\"></script>";
    auto body_end = out.body.rfind("</body>");
    if (body_end != std::string::npos) out.body.insert(body_end, tag);
  }
  return out;
}

void configure_server(httplib::Server& server, LiveSite& live, const ServeOptions& o) {
  apply_limits(server, o.host);
  server.Get("/__travaux/version", [&live](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(live.mutex);
    res.set_content(std::to_string(live.version), "text/plain");
  });
  server.Get("/__travaux/live.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kLiveReloadScript, "text/javascript; charset=utf-8");
  });
  server.Get(R"(/.*)", [&live](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(live.mutex);
    if (auto served = serve_path(live.site, req.path)) {
      res.set_content(served->body, served->content_type.c_str());
      return;
    }
    res.status = 404;
    res.set_content("Not found: " + req.path +
                        (live.last_errors.empty() ? "" : "\n\nBuild errors:\n" + live.last_errors),
                    "text/plain; charset=utf-8");
  });
}

int run_server(const ServeOptions& o) {
  LiveSite live;
  std::mutex& mutex = live.mutex;
  render::SiteImage& site = live.site;
  std::uint64_t& version = live.version;
  std::string& last_errors = live.last_errors;

  // Each rebuild renders only the pages an edit reaches and takes the rest from the site
  // served (docs/incremental-builds.md, "serve").
  site::MemoryCache memory;
  auto rebuild = [&] {
    const auto started = std::chrono::steady_clock::now();
    diag::Diagnostics diags;
    auto generated = site::generate(o.content, site::Until::render, diags, {}, nullptr, &memory);
    diags.sort();
    std::ostringstream report;
    diag::report(diags, diag::Format::text, report);
    std::cerr << report.str();
    std::lock_guard lock(mutex);
    if (generated) {
      site::take_kept(generated->site, site);
      site = std::move(generated->site);
      memory.site = &site;
      last_errors.clear();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "travaux serve: rebuilt " << generated->documents << " documents in " << std::fixed
                << std::setprecision(2) << seconds << " s\n";
      for (const auto& note : generated->cache_notes) std::cerr << "travaux serve: " << note << "\n";
    } else {
      last_errors = report.str();
      std::cerr << "travaux serve: the content has errors; still serving the last good build\n";
    }
    ++version;
  };
  rebuild();

  httplib::Server server;
  configure_server(server, live, o);

  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  std::thread watcher([&] {
    // inotify says when to look; the fingerprint says whether anything changed. Every
    // kPollEvery quiet waits it is looked at anyway, for what inotify cannot see (a file
    // reached through a symbolic link, edited where it lives). Without inotify, every wait.
    constexpr int kPollEvery = 20;
    TreeWatch watch(o.content);
    std::uint64_t seen = tree_fingerprint(o.content);
    int quiet = 0;
    while (!g_stop) {
      if (watch.watching()) {
        if (!watch.wait(o.poll_ms) && ++quiet < kPollEvery) continue;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(o.poll_ms));
      }
      quiet = 0;
      const std::uint64_t now = tree_fingerprint(o.content);
      if (now != seen) {
        seen = now;
        rebuild();
      }
    }
    server.stop();
  });
  std::cerr << "travaux serve: http://" << o.host << ":" << o.port << "/ (Ctrl-C to stop)\n";
  const bool ok = server.listen(o.host, o.port);
  g_stop = true;
  watcher.join();
  if (!ok) {
    std::cerr << "travaux serve: cannot listen on " << o.host << ":" << o.port
              << "; choose another port with --port N\n";
    return 2;
  }
  return 0;
}

}  // namespace travaux::serve
