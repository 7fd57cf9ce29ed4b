// Mention detection and linking (CONTENT-MODEL.md, "Cross-references").
#include "link/mentions.h"

namespace travaux::link {

// Mentions are not linked yet: the linker finds no spans. Issue 3 replaces this file.
struct MentionLinker::Impl {};

MentionLinker::MentionLinker(const LinkContext& ctx) : ctx_(ctx), impl_(new Impl) {}
MentionLinker::~MentionLinker() { delete impl_; }

std::vector<markdown::TextLink> MentionLinker::link_run(const model::Document&, const markdown::Tree&,
                                                        const markdown::TextRun&, std::vector<Reference>&,
                                                        diag::Diagnostics&) const {
  return {};
}

}  // namespace travaux::link
