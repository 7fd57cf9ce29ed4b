#pragma once
// The comparison stage, between link and render (STYLE.md, "A pipeline of folders";
// docs/drafts-and-changes.md): every adjacent pair of versions of every text compared exactly
// once, in parallel, into plain data that the changes and history pages only format.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/compare.h"
#include "diff/draft_text.h"
#include "link/linked_archive.h"
#include "model/archive.h"
#include "model/draft_chain.h"

namespace travaux::compare {

/// One version of a text: its sections when the archive holds its text.
struct Version {
  const model::Document* doc = nullptr;
  std::optional<diff::DraftText> text;  // nullopt when `full_text = false`
  /// The id of each paragraph of `text` on the text's pages (paragraph_ids in provenance.h), made
  /// once for the changes page of this version, the one after it, and its provenance page.
  std::vector<std::vector<std::string>> ids;
};

/// A negotiated text with its versions read and its neighbours compared.
struct ComparedText {
  const model::NegotiatedText* text = nullptr;
  std::vector<Version> versions;  // parallel to text->versions
  /// [k]: versions[k-1] against versions[k]; nullopt for k = 0 or when either text is not held.
  /// Points into `versions`, which never changes size once built.
  std::vector<std::optional<diff::Comparison>> with_previous;

  /// The size of its largest version's Markdown: its pages are about as large, several times
  /// over, and are made one at a time when it is large (markdown::LargeBodyTurn).
  std::size_t largest_body() const;
};

/// Every text of the archive, compared.
struct ComparedArchive {
  std::vector<ComparedText> texts;  // parallel to DraftChain::texts()

  ComparedArchive() = default;
  ComparedArchive(ComparedArchive&&) = default;
  ComparedArchive& operator=(ComparedArchive&&) = default;
  ComparedArchive(const ComparedArchive&) = delete;  // comparisons point into the texts
};

/// Reads each held version of `text` once and compares each with the one it supersedes, in
/// parallel (oneTBB); the result does not depend on the thread count. The render stage calls
/// it text by text and drops each result once the text's pages are made, so memory holds the
/// texts being rendered, never the whole archive's (docs/architecture.md, "Streaming output").
///
/// `links`, when given, gives each draft's links written from the site root (render's
/// draft_links_from_root): the paragraphs that hold links then have their HTML made once too
/// (diff::read_draft, diff::hold_html), else each page makes it again.
using SiteLinks = std::function<diff::UrlFor(const model::Document& draft)>;
ComparedText compare_text(const model::NegotiatedText& text, const SiteLinks& links = {});

/// Every text of the archive at once (tests and benchmarks).
ComparedArchive compare_texts(const model::Archive& archive, const link::LinkedArchive& linked,
                              const SiteLinks& links = {});

}  // namespace travaux::compare
