// The render stage (CONTENT-MODEL.md, "Output": the public URL contract).
#include "render/render.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "render/calendar.h"
#include "render/changes_page.h"
#include "render/citation.h"
#include "render/document_page.h"
#include "render/documents_csv.h"
#include "render/feeds.h"
#include "render/history_page.h"
#include "render/index_pages.h"
#include "render/provenance_page.h"
#include "render/timeline_page.h"
#include "render/search_index.h"
#include "render/search_page.h"
#include "render/view.h"

namespace travaux::render {

render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const Theme& theme, diag::Diagnostics& diags) {
  const compare::ComparedArchive compared = compare::compare_texts(archive, linked);
  return render_site(archive, linked, compared, theme, diags);
}

render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const compare::ComparedArchive& compared, const Theme& theme,
                             diag::Diagnostics& diags) {
  render::SiteImage site;
  const RenderInput in{archive, linked, theme, &compared};

  // Static files first: a generated page may not take the path of a file the author placed.
  for (const auto& s : archive.static_files) site.add_copy(s.path, s.source_path);
  for (const auto& [name, bytes] : theme.assets())
    if (!site.add("assets/" + name, bytes))
      diags.error({"static/assets/" + name, 0, 0}, "static file collides with the theme's assets/" + name,
                  "rename the file or move it out of static/assets/");

  // Every page depends only on `in`, so the document pages (a parallel loop) and every generated
  // page kind run side by side, each into its own slot, and are added below in a fixed order:
  // the output never depends on the thread count (docs/architecture.md, "Parallel where
  // documents are independent").
  const std::size_t n = archive.documents.size();
  std::vector<std::string> pages(n), bibtex(n), ris(n);
  std::string home, timeline, search, atom, json, csv, calendar;
  std::map<std::string, std::string> search_index;
  render::SiteImage kind_indexes, people_and_topics, changes, history, provenance;
  diag::Diagnostics calendar_diags;
  tbb::parallel_invoke(
      [&] {
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
          const auto& doc = archive.documents[i];
          pages[i] = render_document_page(in, doc);
          const Citation cite = make_citation(archive, linked, doc);  // docs/citations.md
          bibtex[i] = citation_bibtex(cite);
          ris[i] = citation_ris(cite);
        });
      },
      [&] { home = render_home(in); }, [&] { timeline = render_timeline_page(in); },
      [&] { search = render_search_page(in); }, [&] { search_index = render_search_index(in); },
      [&] { render_kind_indexes(in, kind_indexes); }, [&] { render_people_and_topics(in, people_and_topics); },
      [&] { render_changes_pages(in, changes); }, [&] { render_history_pages(in, history); },
      [&] { render_provenance_pages(in, provenance); },
      [&] { atom = render_atom(in); }, [&] { json = render_archive_json(in); },
      [&] { csv = render_documents_csv(in); }, [&] { calendar = render_calendar(archive, calendar_diags); });
  diags.merge(calendar_diags);

  // Document pages first: a generated page may not take a document's path.
  std::vector<std::string> folders = {""};
  for (std::size_t i = 0; i < n; ++i) {
    const auto& doc = archive.documents[i];
    const std::string file = doc.url_folder + "/index.html";
    if (!site.add(file, std::move(pages[i])))
      diags.error({doc.source_path, 1, 1}, "this page's output " + file + " is already taken by another page or file",
                  "give the document another id, or move the conflicting file");
    folders.push_back(doc.url_folder);
  }

  auto add_generated = [&](const std::string& path, std::string bytes) {
    if (!site.add(path, std::move(bytes)))
      diags.error({path, 0, 0}, "generated " + path + " collides with a page or static file of the same path",
                  "rename the page or the file under static/ that uses this path");
  };

  for (std::size_t i = 0; i < n; ++i) {
    add_generated(archive.documents[i].url_folder + "/cite.bib", std::move(bibtex[i]));
    add_generated(archive.documents[i].url_folder + "/cite.ris", std::move(ris[i]));
  }
  add_generated("index.html", std::move(home));
  add_generated("timeline/index.html", std::move(timeline));
  folders.push_back("timeline");
  add_generated("search/index.html", std::move(search));
  for (auto& [path, bytes] : search_index) add_generated(path, std::move(bytes));
  folders.push_back("search");
  // The same precedence as when these four filled one image in turn: the first claim of a path wins.
  render::SiteImage indexes = std::move(kind_indexes);
  for (auto* part : {&people_and_topics, &changes, &history, &provenance})
    for (auto& [path, bytes] : part->files) indexes.add(path, std::move(bytes));
  for (auto& [path, bytes] : indexes.files) {
    folders.push_back(path.substr(0, path.size() - std::string("/index.html").size()));
    add_generated(path, std::move(bytes));
  }
  std::sort(folders.begin(), folders.end());
  add_generated("feed.xml", std::move(atom));
  add_generated("archive.json", std::move(json));
  add_generated("documents.csv", std::move(csv));
  add_generated("sitemap.xml", render_sitemap(in, folders));
  add_generated("calendar.ics", std::move(calendar));
  return site;
}

}  // namespace travaux::render
