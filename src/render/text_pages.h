#pragma once
// The pages of the negotiated texts (docs/architecture.md, "Streaming output";
// docs/drafts-and-changes.md): each text's versions compared, its changes, history and
// provenance pages made from that comparison, then the comparison dropped.

#include <cstddef>
#include <functional>
#include <string>

#include "render/view.h"

namespace travaux::render {

enum class TextPageKind { changes, history, provenance };

/// Takes each page as it is made, from any thread: its kind, the number of its text in
/// DraftChain::texts() (history/index.html, made last, has the number of texts), its path and
/// its bytes.
using TextPageOut = std::function<void(TextPageKind kind, std::size_t text, std::string path, std::string bytes)>;
/// Takes each page kept as the last build wrote it (PageReuse), from any thread.
using TextPageKeep = std::function<void(TextPageKind kind, std::size_t text, std::string path)>;

struct PageReuse;

/// Compares each text (compare::compare_text) and renders its pages, texts in parallel. A
/// text's comparison lives only while its pages are made, and no thread takes up another text
/// while its own is unfinished, so memory holds about one text per thread, whatever the
/// size of the archive.
///
/// With `reuse`, records every text's unit in reuse->next, and keeps (hands to `keep`) instead
/// of rendering the pages of each text whose fingerprint and files are those of the last
/// build (render/page_reuse.h).
void render_text_pages(const RenderInput& in, const TextPageOut& out, const TextPageKeep& keep = {},
                       PageReuse* reuse = nullptr);

}  // namespace travaux::render
