// The stages of a build of the IETF HTTP/3 drafts (../shared/real/quic-http/content: 35
// versions of one text, 34 changes pages), timed one by one in process: where a real archive
// of long drafts spends its time. bench/quic_http.sh prints the whole build beside git diff.
// Prints figures; asserts nothing.
//   build/bench_quic_http [content folder] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "compare/compare_texts.h"
#include "compare/provenance.h"
#include "link/link.h"
#include "load/load.h"
#include "render/changes_page.h"
#include "render/provenance_page.h"
#include "render/render.h"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace travaux;
  const std::string content = argc > 1 ? argv[1] : TRAVAUX_SOURCE_DIR "/../shared/real/quic-http/content";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<double> load_ms, link_ms, compare_ms, render_ms, trace_ms, provenance_ms, changes_ms;
  std::size_t files = 0, pairs = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&] {
      const auto t = std::chrono::steady_clock::now();
      const double ms = std::chrono::duration<double, std::milli>(t - t0).count();
      t0 = t;
      return ms;
    };
    diag::Diagnostics diags;
    const model::Archive archive = load::load_archive(content, diags);
    load_ms.push_back(lap());
    const link::LinkedArchive linked = link::link_archive(archive, diags);
    link_ms.push_back(lap());
    const compare::ComparedArchive compared = compare::compare_texts(archive, linked);
    compare_ms.push_back(lap());
    auto theme = render::Theme::load(archive, diags);
    if (!theme || diags.has_errors()) {
      std::fprintf(stderr, "%s: the archive has errors; run travaux check\n", content.c_str());
      return 1;
    }
    const render::SiteImage site = render::render_site(archive, linked, *theme, diags);
    render_ms.push_back(lap());
    // Inside render: provenance (traced, then its pages) beside the changes pages of the same chain.
    lap();
    for (const auto& t : compared.texts) (void)compare::trace_provenance(t);
    trace_ms.push_back(lap());
    const render::RenderInput in{archive, linked, *theme};
    render::SiteImage provenance, changes;
    render::ImageSink provenance_sink(provenance), changes_sink(changes);
    for (const auto& t : compared.texts) render::render_provenance_pages(in, t, provenance_sink);
    provenance_ms.push_back(lap());
    for (const auto& t : compared.texts) render::render_changes_pages(in, t, changes_sink);
    changes_ms.push_back(lap());
    files = site.files.size();
    pairs = 0;
    for (const auto& t : compared.texts)
      for (const auto& c : t.with_previous) pairs += c.has_value();
  }
  std::printf("%s\n", content.c_str());
  std::printf("median of %d runs: load %.0f ms, link %.0f ms, render %.0f ms (%zu files; it compares each text "
              "before its pages); total %.0f ms (writing to disk not included)\n",
              runs, median(load_ms), median(link_ms), median(render_ms), files,
              median(load_ms) + median(link_ms) + median(render_ms));
  std::printf("the comparisons alone: %.0f ms (%zu pairs)\n", median(compare_ms), pairs);
  std::printf("inside render: tracing provenance %.0f ms; provenance pages (tracing included) %.0f ms; "
              "changes pages %.0f ms\n",
              median(trace_ms), median(provenance_ms), median(changes_ms));
  return 0;
}
