#pragma once
// Automatic links for mentions in running text (CONTENT-MODEL.md, "Cross-references":
// aliases, "second round", "round 3", "Objective 7", "paragraph 41", and "Edge rules").

#include <vector>

#include "diag/diagnostic.h"
#include "link/context.h"
#include "link/linked_archive.h"
#include "markdown/markdown.h"

namespace travaux::link {

/// Built once per archive (the alias automaton, round numbers), then shared read-only by
/// every document linked in parallel.
class MentionLinker {
 public:
  explicit MentionLinker(const LinkContext& ctx);
  ~MentionLinker();
  MentionLinker(const MentionLinker&) = delete;
  MentionLinker& operator=(const MentionLinker&) = delete;

  /// The spans of `run` (a text run of `doc`'s body in `tree`) to turn into links. Appends a
  /// Reference per link and reports unresolvable mentions at their file position.
  std::vector<markdown::TextLink> link_run(const model::Document& doc, const markdown::Tree& tree,
                                           const markdown::TextRun& run, std::vector<Reference>& refs,
                                           diag::Diagnostics& diags) const;

 private:
  struct Impl;
  const LinkContext& ctx_;
  Impl* impl_;
};

}  // namespace travaux::link
