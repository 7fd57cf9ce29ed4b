// Mention detection and linking (CONTENT-MODEL.md, "Cross-references": aliases, rounds,
// objectives and paragraphs, letters named by their date; "Edge rules": draft in force, the
// "of" rule, own page).
#include "link/mentions.h"

#include <algorithm>
#include <map>

#include "link/alias_matcher.h"
#include "link/letter_date_mentions.h"
#include "link/mention_scanner.h"

namespace travaux::link {

namespace {

/// How far before a run the text is read, so a mention that starts in an earlier run of the
/// same block (a list of objectives across a line break) still links its numbers here.
constexpr std::size_t kLookBehind = 256;

/// A mention chosen for linking: an alias match, a numbered mention or a letter's date.
struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  const AliasMatcher::Match* alias = nullptr;
  const NumberedMention* numbered = nullptr;
  const LetterDateMention* dated = nullptr;
};

/// Leftmost first, then longest; a candidate overlapping one already taken is dropped.
std::vector<Candidate> choose(const std::vector<AliasMatcher::Match>& aliases,
                              const std::vector<NumberedMention>& numbered,
                              const std::vector<LetterDateMention>& dated) {
  std::vector<Candidate> all;
  for (const auto& a : aliases) all.push_back({a.begin, a.end, &a, nullptr, nullptr});
  for (const auto& m : numbered) all.push_back({m.begin, m.end, nullptr, &m, nullptr});
  for (const auto& m : dated) all.push_back({m.begin, m.end, nullptr, nullptr, &m});
  return leftmost_longest(std::move(all));
}

/// After "of": does the text name a document other than the negotiated text? ("General
/// Assembly resolution 71/280" yes; "the Global Compact", "the draft", "this text" no.)
bool names_other_document(std::string_view text, std::size_t at) {
  auto word_at = [&](std::size_t p) {
    std::size_t e = p;
    while (e < text.size() && is_word_byte(static_cast<unsigned char>(text[e]))) ++e;
    return std::string_view(text).substr(p, e - p);
  };
  auto lower = [](std::string_view w) {
    std::string s(w);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string_view w = word_at(at);
  const std::string first = lower(w);
  if (first == "the" || first == "this" || first == "that" || first == "its") {
    at += w.size();
    while (at < text.size() && text[at] == ' ') ++at;
    w = word_at(at);
  }
  if (w.empty()) return false;
  const std::string l = lower(w);
  static const char* const kSameText[] = {"global", "compact", "draft", "text", "present", "current", "revised",
                                          "zero", "rev", "revision", "version", "final"};
  for (const char* s : kSameText)
    if (l == s) return false;
  static const char* const kOther[] = {"resolution", "resolutions", "decision", "report", "declaration",
                                       "convention", "agenda", "annex", "document", "letter", "protocol"};
  for (const char* s : kOther)
    if (l == s) return true;
  return w[0] >= 'A' && w[0] <= 'Z';
}

}  // namespace

struct MentionLinker::Impl {
  explicit Impl(const model::Archive& archive) : letters_by_date(archive) {}
  LetterDateIndex letters_by_date;
  AliasMatcher aliases;
  std::vector<const model::Document*> alias_targets;
  std::map<int, const model::Document*> rounds;
};

MentionLinker::MentionLinker(const LinkContext& ctx) : ctx_(ctx), impl_(new Impl(ctx.archive)) {
  // Documents come in archive order, so when two share an alias the first one keeps it.
  for (const auto& d : ctx.archive.documents) {
    for (const auto& a : d.aliases) {
      impl_->aliases.add(a, static_cast<int>(impl_->alias_targets.size()));
      impl_->alias_targets.push_back(&d);
    }
    if (d.kind == model::Kind::round && d.number) impl_->rounds.emplace(*d.number, &d);
  }
  impl_->aliases.build();
}

MentionLinker::~MentionLinker() { delete impl_; }

std::vector<markdown::TextLink> MentionLinker::link_run(const model::Document& doc, const markdown::Tree& tree,
                                                        const markdown::TextRun& run, std::vector<Reference>& refs,
                                                        diag::Diagnostics& diags) const {
  std::vector<markdown::TextLink> links;
  if (run.in_heading && doc.kind == model::Kind::draft) return links;
  std::string_view block = run.block_text;
  std::size_t ro = run.block_offset;
  if (ro + run.text.size() > block.size() || block.substr(ro, run.text.size()) != run.text) {
    block = run.text;
    ro = 0;
  }
  const std::size_t re = ro + run.text.size();
  const std::size_t from = ro > kLookBehind ? ro - kLookBehind : 0;
  const auto alias_matches = impl_->aliases.find(block, from, re);
  const auto numbered = scan_numbered_mentions(block, from, re);
  const auto dated = scan_letter_date_mentions(block, from, re);

  auto in_run = [&](std::size_t b, std::size_t e) { return b >= ro && e <= re; };
  auto pos_of = [&](std::size_t b, std::size_t e) {
    auto p = tree.position_in_run(run, b - ro, e - b);
    return diag::SourcePos{doc.source_path, p.line, p.column};
  };
  auto add_link = [&](std::size_t b, std::size_t e, const model::Document& target, const std::string& anchor,
                      std::string title, Reference::Via via) {
    std::string href;
    if (&target == &doc) {
      // Own page: only an in-page anchor that exists is worth a link, and no reference.
      if (anchor.empty() || !ctx_.anchors_of(doc).count(anchor)) return;
      href = "#" + anchor;
    } else {
      href = std::string(kInternalScheme) + LinkContext::page_path(target);
      if (!anchor.empty() && ctx_.anchors_of(target).count(anchor)) href += "#" + anchor;
      refs.push_back({doc.id, target.id, anchor, sentence_around(block, b), pos_of(b, e), via});
    }
    links.push_back({b - ro, e - ro, std::move(href), std::move(title), "mention"});
  };

  for (const Candidate& c : choose(alias_matches, numbered, dated)) {
    if (c.end <= ro || c.begin >= re) continue;
    if (c.dated) {
      if (!in_run(c.begin, c.end)) continue;
      const auto r = impl_->letters_by_date.resolve(doc, *c.dated);
      const std::string said(block.substr(c.begin, c.end - c.begin));
      if (r.letter) {
        // Its own page: a letter quoting itself is not a reference (no warning either).
        if (r.letter != &doc) add_link(c.begin, c.end, *r.letter, "", r.letter->display_name(), Reference::Via::mention);
        continue;
      }
      using Problem = LetterDateIndex::Resolution::Problem;
      std::string hint;
      switch (r.problem) {
        case Problem::ambiguous:
          hint = "link the letter meant explicitly, e.g. [" + said + "](@" + r.candidates.front()->id + ")";
          // Only letters and documents have a `from` to choose by.
          if (doc.kind == model::Kind::letter || doc.kind == model::Kind::document)
            hint += ", or give this document the `from` it shares with that letter";
          break;
        case Problem::no_letter:
          hint = "correct the date, or add the letter to letters/ (with full_text = false if its text is not held)";
          break;
        case Problem::no_year:
          hint = "write the year after the date, or give this document a date";
          break;
        default: hint = "correct the date";
      }
      diags.warning(pos_of(c.begin, c.end), "'" + said + "' is not linked: " + r.why, hint);
      continue;
    }
    if (c.alias) {
      if (!in_run(c.begin, c.end)) continue;
      const model::Document& target = *impl_->alias_targets[static_cast<std::size_t>(c.alias->value)];
      add_link(c.begin, c.end, target, "", target.display_name(), Reference::Via::alias);
      continue;
    }
    const NumberedMention& m = *c.numbered;
    std::string_view noun = mention_noun(m.kind);
    auto said = [&](int n) { return std::string(noun) + " " + std::to_string(n); };

    if (m.kind == NumberedMention::Kind::round) {
      for (const auto& item : m.items) {
        if (!in_run(item.begin, item.end)) continue;
        auto it = impl_->rounds.find(item.number);
        if (it == impl_->rounds.end()) {
          diags.warning(pos_of(item.begin, item.end),
                        "'" + std::string(block.substr(item.begin, item.end - item.begin)) +
                            "' is not linked: the archive has no round " + std::to_string(item.number),
                        "add rounds/round-" + std::to_string(item.number) + ".md with number = " +
                            std::to_string(item.number) + ", or reword the text");
          continue;
        }
        add_link(item.begin, item.end, *it->second, "", it->second->display_name(), Reference::Via::mention);
      }
      continue;
    }

    // Objectives and paragraphs: which document do the numbers point into?
    const model::Document* target = nullptr;
    std::string where;  // for messages: which document, and why that one
    bool named_after_of = false;
    if (m.of_name) {
      std::size_t name = *m.of_name;
      auto named = impl_->aliases.find(block, name, name + 1);
      if (named.empty() && block.substr(name, 4) == "the ") named = impl_->aliases.find(block, name + 4, name + 5);
      if (!named.empty()) {
        target = impl_->alias_targets[static_cast<std::size_t>(named.front().value)];
        where = target->id + " (" + target->display_name() + "), named after 'of',";
        named_after_of = true;
      } else if (names_other_document(block, name)) {
        continue;  // a document outside the archive: plain text, by the "of" rule
      }
    }
    if (!target && doc.kind == model::Kind::draft) {
      target = &doc;
      where = "this draft";
    }
    if (!target) {
      target = ctx_.drafts.in_force_on(doc.date);
      if (!target) {
        const auto& first = m.items.front();
        if (in_run(first.begin, first.end)) {
          const auto& versions = ctx_.drafts.versions();
          std::string why = versions.empty()
                                ? "the archive has no drafts"
                                : "no draft is in force on " + doc.date.iso() + " (the first, " +
                                      versions.front()->id + ", is dated " + versions.front()->date.iso() + ")";
          diags.warning(pos_of(first.begin, first.end),
                        "'" + std::string(block.substr(first.begin, first.end - first.begin)) +
                            "' is not linked: " + why,
                        "link the version meant explicitly, e.g. [" + said(first.number) + "](@<draft-id>#" +
                            (m.kind == NumberedMention::Kind::objective ? "objective-" : "para-") +
                            std::to_string(first.number) + ")");
        }
        continue;
      }
      where = target->id + " (" + target->display_name() + "), the draft in force on " + doc.date.iso() + ",";
    }
    const std::string prefix = m.kind == NumberedMention::Kind::objective ? "objective-" : "para-";
    // A document whose text the archive does not hold has no anchors to check: link its page.
    const bool page_only = target->kind != model::Kind::draft && !target->full_text;
    for (const auto& item : m.items) {
      if (!in_run(item.begin, item.end)) continue;
      int lo = item.number, hi = item.number;
      if (item.range_from > 0) {
        lo = std::min(item.range_from, item.number);
        hi = std::max(item.range_from, item.number);
        if (hi - lo > 500) lo = hi;  // not a range anyone means; check the end alone
      }
      bool ok = true;
      for (int n = lo; n <= hi && ok && !page_only; ++n) {
        if (n == item.range_from) continue;
        const std::string anchor = prefix + std::to_string(n);
        if (ctx_.has_anchor(*target, anchor) || (target == &doc && ctx_.anchors_of(doc).count(anchor))) continue;
        ok = false;
        if (named_after_of) {
          // "paragraph 4 of the roadmap" when the roadmap has no paragraph 4: a historical
          // letter cannot be corrected, so plain text and a warning (CONTENT-MODEL.md, "Edge rules").
          diags.warning(pos_of(item.begin, item.end),
                        "'" + said(n) + "' is not linked: " + where + " has no anchor '#" + anchor + "'",
                        "link the place meant explicitly, e.g. [" + said(n) + "](@" + target->id + "#...)");
          break;
        }
        std::string hint = "correct the number, or link the version meant explicitly: [" + said(n) +
                           "](@<draft-id>#" + anchor + ")";
        if (m.kind == NumberedMention::Kind::objective && target->objectives)
          hint = target->id + " has Objectives 1 to " + std::to_string(*target->objectives) + "; " + hint;
        diags.error(pos_of(item.begin, item.end),
                    "'" + said(n) + "' does not resolve: " + where +
                        " has no anchor '#" + anchor + "'",
                    hint);
      }
      if (!ok) continue;
      const std::string anchor = page_only ? "" : prefix + std::to_string(item.number);
      std::string title = (m.kind == NumberedMention::Kind::objective ? "Objective " : "Paragraph ") +
                          std::to_string(item.number) + " of " + target->display_name();
      add_link(item.begin, item.end, *target, anchor, std::move(title), Reference::Via::mention);
    }
  }
  return links;
}

}  // namespace travaux::link
