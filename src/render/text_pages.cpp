// The pages of the negotiated texts, text by text (docs/architecture.md, "Streaming output").
#include "render/text_pages.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "compare/compare_texts.h"
#include "render/changes_page.h"
#include "render/history_page.h"
#include "render/provenance_page.h"

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

void render_text_pages(const RenderInput& in, const TextPageOut& out) {
  const auto& texts = in.linked.drafts.texts();
  HistoryPages history(in);
  tbb::parallel_for(std::size_t{0}, texts.size(), [&](std::size_t t) {
    // Isolated: while this text's inner loops wait, the thread helps only with them, never
    // starts another text, so no more texts are held at once than there are threads.
    tbb::this_task_arena::isolate([&] {
      const compare::ComparedText ct = compare::compare_text(texts[t]);
      KindSink changes(out, TextPageKind::changes, t), histories(out, TextPageKind::history, t),
          provenance(out, TextPageKind::provenance, t);
      render_changes_pages(in, ct, changes);
      history.render_text(ct, t, histories);
      render_provenance_pages(in, ct, provenance);
    });
  });
  KindSink index(out, TextPageKind::history, texts.size());
  history.render_index(index);
}

}  // namespace travaux::render
