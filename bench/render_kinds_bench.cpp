// Where the render stage spends its time, page kind by page kind: each kind rendered on its own,
// on one thread, timed in CPU seconds (the build runs them side by side on every core, so a
// build's own timings cannot tell them apart). The 1,000-document archive's target is that its
// changes and history pages together take less than its document pages (bench/README.md).
// Prints figures; asserts nothing.
//   build/bench_render_kinds <content folder> [runs] [kind]   (kind: only the kinds whose name contains it)
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "compare/compare_texts.h"
#include "link/link.h"
#include "load/load.h"
#include "render/calendar.h"
#include "render/changes_page.h"
#include "render/citation.h"
#include "render/document_page.h"
#include "render/documents_csv.h"
#include "render/feeds.h"
#include "render/history_page.h"
#include "render/index_pages.h"
#include "render/provenance_page.h"
#include "render/search_index.h"
#include "render/search_page.h"
#include "render/timeline_page.h"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace travaux;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <content folder> [runs] [kind]\n", argv[0]);
    return 2;
  }
  const std::string content = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const std::string only = argc > 3 ? argv[3] : "";
  tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
  diag::Diagnostics diags;
  double t = cpu_seconds();
  const model::Archive archive = load::load_archive(content, diags);
  const double load_s = cpu_seconds() - t;
  t = cpu_seconds();
  const link::LinkedArchive linked = link::link_archive(archive, diags);
  const double link_s = cpu_seconds() - t;
  auto theme = render::Theme::load(archive, diags);
  if (!theme || diags.has_errors()) {
    std::fprintf(stderr, "%s: the archive has errors; run travaux check\n", content.c_str());
    return 1;
  }
  const render::RenderInput in{archive, linked, *theme};
  t = cpu_seconds();
  // As a build compares: each draft's links written from the site root (render/text_pages.cpp).
  const compare::ComparedArchive compared = compare::compare_texts(
      archive, linked, [&in](const model::Document& d) { return render::draft_links_from_root(in, d); });
  const double compare_s = cpu_seconds() - t;
  std::size_t bytes = 0;
  auto sum = [&](const render::SiteImage& image) {
    for (const auto& [path, b] : image.files) bytes += b.size();
  };
  const std::vector<std::pair<const char*, std::function<void()>>> kinds = {
      {"document pages", [&] { for (const auto& d : archive.documents) bytes += render::render_document_page(in, d).size(); }},
      {"citations", [&] {
         for (const auto& d : archive.documents) {
           const render::Citation c = render::make_citation(archive, linked, d);
           bytes += render::citation_bibtex(c).size() + render::citation_ris(c).size();
         }
       }},
      {"changes pages", [&] {
         render::SiteImage s;
         render::ImageSink sink(s);
         for (const auto& ct : compared.texts) render::render_changes_pages(in, ct, sink);
         sum(s);
       }},
      {"history pages", [&] {
         render::SiteImage s;
         render::ImageSink sink(s);
         render::HistoryPages history(in);
         for (std::size_t t = 0; t < compared.texts.size(); ++t) history.render_text(compared.texts[t], t, sink);
         history.render_index(sink);
         sum(s);
       }},
      {"provenance pages", [&] {
         render::SiteImage s;
         render::ImageSink sink(s);
         for (const auto& ct : compared.texts) render::render_provenance_pages(in, ct, sink);
         sum(s);
       }},
      {"search index", [&] { for (const auto& [p, b] : render::render_search_index(in)) bytes += b.size(); }},
      {"kind indexes", [&] { render::SiteImage s; render::render_kind_indexes(in, s); sum(s); }},
      {"people and topics", [&] { render::SiteImage s; render::render_people_and_topics(in, s); sum(s); }},
      {"home, timeline, search page", [&] {
         bytes += render::render_home(in).size() + render::render_timeline_page(in).size() + render::render_search_page(in).size();
       }},
      {"feeds, json, csv, calendar", [&] {
         diag::Diagnostics d;
         bytes += render::render_atom(in).size() + render::render_archive_json(in).size() +
                  render::render_documents_csv(in).size() + render::render_calendar(archive, d).size();
       }},
  };
  std::printf("%s: %zu documents; one thread, CPU seconds, median of %d runs\n", content.c_str(),
              archive.documents.size(), runs);
  std::printf("  load %.2f s, link %.2f s, compare %.2f s (once)\n", load_s, link_s, compare_s);
  double total = 0;
  for (const auto& [name, fn] : kinds) {
    if (std::string_view(name).find(only) == std::string_view::npos) continue;
    std::vector<double> s;
    for (int r = 0; r < runs; ++r) {
      bytes = 0;
      const double t0 = cpu_seconds();
      fn();
      s.push_back(cpu_seconds() - t0);
    }
    total += median(s);
    std::printf("  %-28s %7.3f s  %8.1f MB\n", name, median(s), static_cast<double>(bytes) / 1e6);
  }
  std::printf("  %-28s %7.3f s\n", "render, all kinds", total);
  return 0;
}
