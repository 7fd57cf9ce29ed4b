// The pages of the negotiated texts, text by text (docs/architecture.md, "Streaming output").
#include "render/text_pages.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "compare/compare_texts.h"
#include "render/changes_page.h"
#include "render/history_page.h"
#include "render/provenance_page.h"
#include "render/page_reuse.h"

namespace travaux::render {

namespace {

/// Hands one text's pages of one kind to a TextPageOut.
class KindSink final : public PageSink {
 public:
  KindSink(const TextPageOut& out, TextPageKind kind, std::size_t text) : out_(out), kind_(kind), text_(text) {}
  bool add(std::string path, std::string bytes) override {
    out_(kind_, text_, std::move(path), std::move(bytes));
    return true;
  }
  bool add_copy(std::string, std::string) override { return false; }  // text pages copy nothing
  void replace(std::string path, std::string bytes) override { add(std::move(path), std::move(bytes)); }

 private:
  const TextPageOut& out_;
  TextPageKind kind_;
  std::size_t text_;
};

}  // namespace

void render_text_pages(const RenderInput& in, const TextPageOut& out, const TextPageKeep& keep, PageReuse* reuse) {
  const auto& texts = in.linked.drafts.texts();
  HistoryPages history(in);
  std::vector<TextUnit> units(reuse ? texts.size() : 0);
  // Made by render_site before any page (render/page_reuse.h).
  const std::vector<std::uint64_t>* fingerprints = reuse ? &reuse->fingerprints.texts : nullptr;
  std::mutex units_mutex;
  // Notes each page's path in its text's unit on its way out.
  const TextPageOut recording = [&](TextPageKind kind, std::size_t t, std::string path, std::string bytes) {
    if (reuse && t < units.size()) {
      std::lock_guard lock(units_mutex);
      units[t].pages.emplace_back(kind, path);
    }
    out(kind, t, std::move(path), std::move(bytes));
  };
  std::atomic<std::size_t> kept{0};
  tbb::parallel_for(std::size_t{0}, texts.size(), [&](std::size_t t) {
    if (reuse && reuse->intact && keep) {
      auto it = reuse->previous.find(texts[t].id);
      if (it != reuse->previous.end() && it->second.fingerprint == (*fingerprints)[t] &&
          std::all_of(it->second.pages.begin(), it->second.pages.end(), [&](const auto& p) { return reuse->intact(p.second); })) {
        for (const auto& [kind, path] : it->second.pages) keep(kind, t, path);
        history.reuse_text(t, it->second.index_items);
        units[t] = it->second;
        kept.fetch_add(1, std::memory_order_relaxed);
        return;
      }
    }
    // Isolated: while this text's inner loops wait, the thread helps only with them, never
    // starts another text, so no more texts are held at once than there are threads.
    tbb::this_task_arena::isolate([&] {
      const compare::ComparedText ct =
          compare::compare_text(texts[t], [&in](const model::Document& d) { return draft_links_from_root(in, d); });
      KindSink changes(recording, TextPageKind::changes, t), histories(recording, TextPageKind::history, t),
          provenance(recording, TextPageKind::provenance, t);
      render_changes_pages(in, ct, changes);
      const auto& items = history.render_text(ct, t, histories);
      render_provenance_pages(in, ct, provenance);
      if (reuse) {
        units[t].fingerprint = (*fingerprints)[t];
        units[t].index_items = items;
      }
    });
  });
  KindSink index(out, TextPageKind::history, texts.size());
  history.render_index(index);
  if (!reuse) return;
  reuse->kept = kept;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    // Any order of arrival gives the same record.
    std::sort(units[t].pages.begin(), units[t].pages.end());
    reuse->next[texts[t].id] = std::move(units[t]);
  }
}

}  // namespace travaux::render
