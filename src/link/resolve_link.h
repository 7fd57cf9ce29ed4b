#pragma once
// Explicit links: `../drafts/rev-1.md#objective-7`, `@rev-1#objective-7`, `#para-3`, static
// files and external URLs (CONTENT-MODEL.md, "Cross-references").

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "link/context.h"
#include "link/linked_archive.h"
#include "markdown/markdown.h"

namespace travaux::link {

/// The URL that replaces `link.url` in the page: `travaux:<site path>` for internal targets,
/// the URL itself for safe external ones, "" (no link) after reporting an error.
/// Appends a Reference for links to other documents.
std::string resolve_link(const LinkContext& ctx, const model::Document& from,
                         const std::set<std::string>& own_anchors, const markdown::Link& link,
                         std::vector<Reference>& refs, diag::Diagnostics& diags);

/// Resolves an id or relative path written in front matter (`attachments`, `rounds`, `drafts`).
/// Returns the document, or nullptr after reporting an error at `pos`.
const model::Document* resolve_front_matter_ref(const LinkContext& ctx, const model::Document& from,
                                                const std::string& key, const std::string& value,
                                                diag::Diagnostics& diags);

}  // namespace travaux::link
