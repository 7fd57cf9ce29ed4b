// Benchmark (docs/search.md, "Bytes a query downloads"): loads and links an archive, writes
// only the search page, its script and the sharded index into OUT (the other pages are not
// needed to measure search), and prints the time the index took and the sizes of its files.
// bench/search_size.sh then measures what each query downloads in Chromium.
//   bench_search CONTENT OUT
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "link/link.h"
#include "load/load.h"
#include "render/search_index.h"
#include "render/search_page.h"

namespace fs = std::filesystem;
using namespace travaux;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_search CONTENT OUT\n");
    return 2;
  }
  diag::Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  const model::Archive archive = load::load_archive(argv[1], diags);
  const link::LinkedArchive linked = link::link_archive(archive, diags);
  const auto theme = render::Theme::load(archive, diags);
  if (diags.has_errors() || !theme) {
    std::fprintf(stderr, "the archive has errors\n");
    return 1;
  }
  const render::RenderInput in{archive, linked, *theme};
  auto cpu_ms = [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
  };
  const auto t1 = std::chrono::steady_clock::now();
  const double c1 = cpu_ms();
  std::map<std::string, std::string> files = render::render_search_index(in);
  const auto t2 = std::chrono::steady_clock::now();
  const double c2 = cpu_ms();
  files["search/index.html"] = render::render_search_page(in);
  for (const auto& [name, bytes] : theme->assets()) files["assets/" + name] = bytes;

  std::size_t total = 0, terms = 0, term_bytes = 0, largest_term = 0, docs = 0, doc_bytes = 0, largest_doc = 0;
  std::size_t pairs = 0, pair_bytes = 0, largest_pair = 0;
  for (const auto& [path, bytes] : files) {
    const fs::path out = fs::path(argv[2]) / path;
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << bytes;
    if (!path.starts_with("search/") || path == "search/index.html") continue;
    total += bytes.size();
    if (path.starts_with("search/terms/")) {
      ++terms;
      term_bytes += bytes.size();
      largest_term = std::max(largest_term, bytes.size());
    } else if (path.starts_with("search/pairs/")) {
      ++pairs;
      pair_bytes += bytes.size();
      largest_pair = std::max(largest_pair, bytes.size());
    } else if (path.starts_with("search/d/")) {
      ++docs;
      doc_bytes += bytes.size();
      largest_doc = std::max(largest_doc, bytes.size());
    }
  }
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("documents: %zu; load + link %.0f ms; index %.0f ms (%.0f ms of CPU time on all threads)\n",
              archive.documents.size(), ms(t0, t1), ms(t1, t2), c2 - c1);
  std::printf("index: %.1f MB in %zu files\n", total / 1e6, terms + pairs + docs + 2);
  std::printf("manifest search-index.js: %.1f KB; pairs.js: %.1f KB; dates.js: %.1f KB\n",
              files["search/search-index.js"].size() / 1e3, files["search/pairs.js"].size() / 1e3,
              files["search/dates.js"].size() / 1e3);
  std::printf("word shards: %zu, %.1f MB, mean %.1f KB, largest %.1f KB\n", terms, term_bytes / 1e6,
              terms ? term_bytes / 1e3 / static_cast<double>(terms) : 0.0, largest_term / 1e3);
  std::printf("word-pair shards: %zu, %.1f MB, mean %.1f KB, largest %.1f KB\n", pairs, pair_bytes / 1e6,
              pairs ? pair_bytes / 1e3 / static_cast<double>(pairs) : 0.0, largest_pair / 1e3);
  std::printf("document shards: %zu, %.1f MB, mean %.1f KB, largest %.1f KB\n", docs, doc_bytes / 1e6,
              docs ? doc_bytes / 1e3 / static_cast<double>(docs) : 0.0, largest_doc / 1e3);
  return 0;
}
