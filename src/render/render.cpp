// The render stage (CONTENT-MODEL.md, "Output": the public URL contract; docs/architecture.md,
// "Streaming output").
#include "render/render.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

#include "render/calendar.h"
#include "render/citation.h"
#include "render/claims.h"
#include "render/document_page.h"
#include "render/documents_csv.h"
#include "render/feeds.h"
#include "render/index_pages.h"
#include "render/timeline_page.h"
#include "render/search_index.h"
#include "render/search_page.h"
#include "render/text_pages.h"
#include "render/page_reuse.h"
#include "render/view.h"

namespace travaux::render {

namespace {

/// The fixed order of claims on output paths: a claim loses to every claim of an earlier band,
/// and inside a band to a smaller index. Static files come first (a generated page may not
/// take the path of a file the author placed), then document pages (a generated page may not
/// take a document's path).
enum Band : std::uint32_t {
  kStatic, kAsset, kDocument, kCitation, kHome, kTimeline, kSearch, kSearchIndex,
  kIndexes,  // kind indexes, people and topics, changes, history, provenance: see index_rank
  kFeed, kJson, kCsv, kSitemap, kCalendar,
};

const std::string kIndexFile = "/index.html";

/// Inside kIndexes: the five page families in order, and inside the text families (changes,
/// history, provenance) the texts in DraftChain order, the history index after them.
enum Family : std::uint64_t { kKindIndexes, kPeopleAndTopics, kChanges, kHistory, kProvenance };
std::uint64_t index_rank(Family family, std::size_t text = 0) { return (std::uint64_t{family} << 32) | text; }

/// A PageSink that claims every file it is given with one rank: for page families that hand
/// their files over themselves and never claim one path twice.
class RankedSink final : public PageSink {
 public:
  RankedSink(OutputClaims& claims, ClaimRank rank) : claims_(claims), rank_(rank) {}
  bool add(std::string path, std::string bytes) override {
    claims_.file(rank_, std::move(path), std::move(bytes));
    return true;
  }
  bool add_copy(std::string path, std::string source) override {
    claims_.copy(rank_, std::move(path), std::move(source));
    return true;
  }
  void replace(std::string path, std::string bytes) override { add(std::move(path), std::move(bytes)); }
  void keep(std::string path) override { claims_.keep(rank_, std::move(path)); }

 private:
  OutputClaims& claims_;
  ClaimRank rank_;
};

/// One error per losing claim, in rank order. Inside kIndexes the first of the five page
/// families to claim a path keeps it without an error, as when they filled one image in turn.
void report_collisions(const model::Archive& archive, const std::vector<OutputClaims::Loser>& losers,
                       diag::Diagnostics& diags) {
  std::string last_index_path;
  for (const auto& l : losers) {
    if (l.rank.band == kAsset) {
      const std::string name = l.path.substr(std::string("assets/").size());
      diags.error({"static/assets/" + name, 0, 0}, "static file collides with the theme's assets/" + name,
                  "rename the file or move it out of static/assets/");
    } else if (l.rank.band == kDocument) {
      diags.error({archive.documents[l.rank.index].source_path, 1, 1},
                  "this page's output " + l.path + " is already taken by another page or file",
                  "give the document another id, or move the conflicting file");
    } else {
      if (l.rank.band == kIndexes && (l.winner.band == kIndexes || l.path == last_index_path)) continue;
      if (l.rank.band == kIndexes) last_index_path = l.path;
      diags.error({l.path, 0, 0}, "generated " + l.path + " collides with a page or static file of the same path",
                  "rename the page or the file under static/ that uses this path");
    }
  }
}

}  // namespace

void render_site(const model::Archive& archive, const link::LinkedArchive& linked, const Theme& theme,
                 PageSink& sink, diag::Diagnostics& diags, diag::Progress* progress, PageReuse* reuse) {
  OutputClaims claims(sink);
  const RenderInput in{archive, linked, theme};
  const std::size_t n = archive.documents.size();
  if (progress) progress->begin("render", n);

  for (std::size_t i = 0; i < archive.static_files.size(); ++i)
    claims.copy({kStatic, i}, archive.static_files[i].path, archive.static_files[i].source_path);
  std::uint64_t asset = 0;
  for (const auto& [name, bytes] : theme.assets()) claims.file({kAsset, asset++}, "assets/" + name, bytes);

  // A document page whose fingerprint is the one the last build recorded, and whose files are
  // still as written, is kept (render/page_reuse.h).
  if (reuse) reuse->fingerprints = page_fingerprints(in, reuse->other_sources);
  std::atomic<std::size_t> kept_documents{0};
  auto keep_document = [&](std::size_t i, const std::vector<std::string>& files) {
    if (!reuse || !reuse->intact) return false;
    auto it = reuse->previous_documents.find(archive.documents[i].source_path);
    if (it == reuse->previous_documents.end() || it->second != reuse->fingerprints.documents[i]) return false;
    if (!std::all_of(files.begin(), files.end(), reuse->intact)) return false;
    kept_documents.fetch_add(1, std::memory_order_relaxed);
    return true;
  };

  // Every page depends only on `in`, so the document pages (a parallel loop) and every generated
  // page kind run side by side, each handing its files over as soon as they are made: nothing
  // waits for the whole site (docs/architecture.md, "Streaming output"). The ranks, not the
  // arrival order, decide collisions, so the output never depends on the thread count.
  std::mutex index_mutex;
  std::vector<std::string> index_folders;  // for the sitemap
  auto note_index = [&](const std::string& path) {
    std::lock_guard lock(index_mutex);
    index_folders.push_back(path.substr(0, path.size() - kIndexFile.size()));
  };
  auto add_index = [&](std::uint64_t rank, std::string path, std::string bytes) {
    note_index(path);
    claims.file({kIndexes, rank}, std::move(path), std::move(bytes));
  };
  auto family_of = [](TextPageKind kind) {
    return kind == TextPageKind::changes ? kChanges : kind == TextPageKind::history ? kHistory : kProvenance;
  };
  // The listing pages are kept together when their fingerprint is the recorded one and every
  // file they wrote is still as written; otherwise made, and their files recorded.
  const bool keep_listings = reuse && reuse->intact && !reuse->previous_listings.pages.empty() &&
                             reuse->previous_listings.fingerprint == reuse->fingerprints.listings &&
                             std::all_of(reuse->previous_listings.pages.begin(), reuse->previous_listings.pages.end(),
                                         [&](const auto& page) { return reuse->intact(page.second); });
  std::mutex listing_mutex;
  auto listed = [&](ListingPage kind, const std::string& path) {
    if (!reuse) return;
    std::lock_guard lock(listing_mutex);
    reuse->next_listings.pages.emplace_back(kind, path);
  };
  auto listing = [&](ListingPage kind, ClaimRank rank, std::string path, auto&& make) {
    if (keep_listings) return;
    listed(kind, path);
    claims.file(rank, std::move(path), make());
  };
  auto add_indexes = [&](Family family, SiteImage&& part) {
    const ListingPage kind = family == kKindIndexes ? ListingPage::kind_index : ListingPage::people_or_topic;
    for (auto& [path, bytes] : part.files) {
      listed(kind, path);
      add_index(index_rank(family), path, std::move(bytes));
    }
    part = {};
  };
  if (keep_listings) {
    for (const auto& [kind, path] : reuse->previous_listings.pages) {
      switch (kind) {
        case ListingPage::home: claims.keep({kHome, 0}, path); break;
        case ListingPage::timeline: claims.keep({kTimeline, 0}, path); break;
        case ListingPage::search: claims.keep({kSearch, 0}, path); break;
        case ListingPage::kind_index:
        case ListingPage::people_or_topic:
          note_index(path);
          claims.keep({kIndexes, index_rank(kind == ListingPage::kind_index ? kKindIndexes : kPeopleAndTopics)}, path);
          break;
        case ListingPage::feed: claims.keep({kFeed, 0}, path); break;
        case ListingPage::json: claims.keep({kJson, 0}, path); break;
        case ListingPage::csv: claims.keep({kCsv, 0}, path); break;
      }
    }
    reuse->next_listings = reuse->previous_listings;
    reuse->listings_kept = true;
  }
  if (reuse) reuse->next_listings.fingerprint = reuse->fingerprints.listings;
  diag::Diagnostics calendar_diags;
  tbb::parallel_invoke(
      [&] {
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
          const auto& doc = archive.documents[i];
          auto files = document_page_files(doc);  // the page, cite.bib, cite.ris
          if (keep_document(i, files)) {
            claims.keep({kDocument, i}, std::move(files[0]));
            claims.keep({kCitation, 2 * i}, std::move(files[1]));
            claims.keep({kCitation, 2 * i + 1}, std::move(files[2]));
          } else {
            claims.file({kDocument, i}, std::move(files[0]), render_document_page(in, doc));
            const Citation cite = make_citation(archive, linked, doc);  // docs/citations.md
            claims.file({kCitation, 2 * i}, std::move(files[1]), citation_bibtex(cite));
            claims.file({kCitation, 2 * i + 1}, std::move(files[2]), citation_ris(cite));
          }
          if (progress) progress->advance();
        });
      },
      [&] { listing(ListingPage::home, {kHome, 0}, "index.html", [&] { return render_home(in); }); },
      [&] { listing(ListingPage::timeline, {kTimeline, 0}, "timeline/index.html", [&] { return render_timeline_page(in); }); },
      [&] { listing(ListingPage::search, {kSearch, 0}, "search/index.html", [&] { return render_search_page(in); }); },
      [&] {
        // The index's files have distinct paths, so one rank serves them all; losers are
        // reported by path inside a rank, the order they had when the index was a map.
        RankedSink search_sink(claims, {kSearchIndex, 0});
        for (auto& [path, bytes] : render_search_index(in, &search_sink, reuse)) search_sink.add(path, std::move(bytes));
      },
      [&] {
        if (keep_listings) return;
        SiteImage part;
        render_kind_indexes(in, part);
        add_indexes(kKindIndexes, std::move(part));
      },
      [&] {
        if (keep_listings) return;
        SiteImage part;
        render_people_and_topics(in, part);
        add_indexes(kPeopleAndTopics, std::move(part));
      },
      [&] {
        // Each text compared and its pages handed over, text by text (render/text_pages.h).
        render_text_pages(
            in,
            [&](TextPageKind kind, std::size_t text, std::string path, std::string bytes) {
              add_index(index_rank(family_of(kind), text), std::move(path), std::move(bytes));
            },
            [&](TextPageKind kind, std::size_t text, std::string path) {
              note_index(path);
              claims.keep({kIndexes, index_rank(family_of(kind), text)}, std::move(path));
            },
            reuse);
      },
      [&] { listing(ListingPage::feed, {kFeed, 0}, "feed.xml", [&] { return render_atom(in); }); },
      [&] { listing(ListingPage::json, {kJson, 0}, "archive.json", [&] { return render_archive_json(in); }); },
      [&] { listing(ListingPage::csv, {kCsv, 0}, "documents.csv", [&] { return render_documents_csv(in); }); },
      [&] { claims.file({kCalendar, 0}, "calendar.ics", render_calendar(archive, calendar_diags)); });
  diags.merge(calendar_diags);

  std::vector<std::string> folders = {""};
  for (const auto& doc : archive.documents) folders.push_back(doc.url_folder);
  folders.push_back("timeline");
  folders.push_back("search");
  std::sort(index_folders.begin(), index_folders.end());
  index_folders.erase(std::unique(index_folders.begin(), index_folders.end()), index_folders.end());
  folders.insert(folders.end(), index_folders.begin(), index_folders.end());
  std::sort(folders.begin(), folders.end());
  claims.file({kSitemap, 0}, "sitemap.xml", render_sitemap(in, folders));
  const auto losers = claims.losers();
  report_collisions(archive, losers, diags);
  if (reuse) {
    // A page with a contested path is always rendered: it is not recorded.
    std::set<std::string_view> contested;
    for (const auto& l : losers) contested.insert(l.path);
    auto is_contested = [&](const std::string& path) { return contested.count(path) > 0; };
    std::erase_if(reuse->next, [&](const auto& unit) {
      return std::any_of(unit.second.pages.begin(), unit.second.pages.end(),
                         [&](const auto& page) { return is_contested(page.second); });
    });
    for (std::size_t i = 0; i < n; ++i) {
      const auto files = document_page_files(archive.documents[i]);
      if (std::none_of(files.begin(), files.end(), is_contested))
        reuse->next_documents[archive.documents[i].source_path] = reuse->fingerprints.documents[i];
    }
    reuse->kept_documents = kept_documents;
    // A listing page with a contested path is always made: none is recorded.
    auto& pages = reuse->next_listings.pages;
    std::sort(pages.begin(), pages.end());
    if (std::any_of(pages.begin(), pages.end(), [&](const auto& page) { return is_contested(page.second); })) pages.clear();
  }
}

render::SiteImage render_site(const model::Archive& archive, const link::LinkedArchive& linked,
                             const Theme& theme, diag::Diagnostics& diags) {
  SiteImage site;
  ImageSink sink(site);
  render_site(archive, linked, theme, sink, diags);
  return site;
}

}  // namespace travaux::render
