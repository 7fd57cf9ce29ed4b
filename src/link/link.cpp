// The link stage (CONTENT-MODEL.md, "Cross-references"): two passes over the documents,
// the first collecting every page's anchors, the second rewriting links and mentions.
#include "link/link.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "link/context.h"
#include "link/mentions.h"
#include "link/resolve_link.h"
#include "markdown/anchor.h"
#include "model/content_path.h"
#include "markdown/markdown.h"

namespace travaux::link {

namespace {

/// The body's Markdown for a tree, which holds its own copy: unpacked straight into it when
/// the body is held packed.
std::string markdown_text(const model::Document& doc) {
  if (!doc.packed_body.empty()) return doc.packed_body.unpack();
  std::string scratch;
  const std::string_view text = doc.markdown(scratch);
  return scratch.empty() ? std::string(text) : std::move(scratch);
}

/// Anchor ids for a tree's headings, in order.
std::vector<std::string> heading_ids(const markdown::Tree& tree, std::set<std::string>& taken) {
  std::vector<std::string> ids;
  for (const auto& h : tree.headings()) ids.push_back(markdown::heading_id(h.text, h.id, taken));
  return ids;
}

std::set<std::string> collect_anchors(const markdown::Tree& tree) {
  // Numbered paragraphs are anchored in every kind of document, not only drafts: letters and
  // notes verbales number theirs too (CONTENT-MODEL.md, "Cross-references").
  std::set<std::string> taken;
  for (const auto& p : tree.numbered_paragraphs()) taken.insert("para-" + std::to_string(p.number));
  heading_ids(tree, taken);
  return taken;
}

/// An attachment given as a path (CONTENT-MODEL.md, "Front matter"): relative to the document's
/// file like a Markdown link, or `static/...` from the content root; either way a file under static/.
void check_attachment_file(const LinkContext& ctx, const model::Document& doc, std::size_t index,
                           diag::Diagnostics& diags) {
  const std::string& v = doc.attachments[index];
  auto path = model::attachment_static_path(doc.source_path, v);
  if (path && ctx.static_paths.count(*path)) return;
  std::string message = "attachment '" + v + "'";
  std::string hint;
  if (!path) {
    auto joined = model::join_content_path(doc.source_path, v);
    message += joined ? " names '" + *joined + "', which is not under static/" : " leads outside the content folder";
    hint = "put the file under static/ and write its path relative to this file (e.g. '../static/" +
           v.substr(v.rfind('/') + 1) + "') or from the content root ('static/...'), or give a document id";
  } else {
    message += " names 'static/" + *path + "', which does not exist";
    hint = "check the file name under static/, or write the path relative to this file";
  }
  diags.error(doc.pos_of("attachments", index), message, hint);
}

void link_front_matter(const LinkContext& ctx, const model::Document& doc, std::vector<Reference>& refs,
                       diag::Diagnostics& diags) {
  auto add = [&](const std::string& key, const std::vector<std::string>& values, Reference::Via via) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::string& v = values[i];
      if (key == "attachments" && model::is_attachment_file(v)) {
        check_attachment_file(ctx, doc, i, diags);
        continue;
      }
      if (const model::Document* t = resolve_front_matter_ref(ctx, doc, key, v, diags))
        if (t != &doc) refs.push_back({doc.id, t->id, "", "", doc.pos_of(key), via});
    }
  };
  add("attachments", doc.attachments, Reference::Via::attachment);
  add("rounds", doc.rounds, Reference::Via::front_matter);
  add("drafts", doc.drafts, Reference::Via::front_matter);
  if (!doc.source.empty() && !doc.source.starts_with("http")) {
    std::string p = doc.source.substr(doc.source.find("static/") + 7);
    if (!ctx.static_paths.count(p))
      diags.error(doc.pos_of("source"), "'source' names '" + doc.source + "', which is not under static/",
                  "put the original under static/ or give its http(s):// address");
  }
}

LinkedDocument link_document(const LinkContext& ctx, const MentionLinker& mentions, const model::Document& doc,
                             markdown::Tree tree, const std::set<std::string>& own_anchors, bool unsafe_html,
                             diag::Diagnostics& diags) {
  LinkedDocument out;
  link_front_matter(ctx, doc, out.references, diags);
  tree.rewrite_links([&](const markdown::Link& l) {
    return resolve_link(ctx, doc, own_anchors, l, out.references, diags);
  });
  tree.link_text([&](const markdown::TextRun& run) {
    return mentions.link_run(doc, tree, run, out.references, diags);
  });
  std::set<std::string> taken;
  for (const auto& p : tree.anchor_numbered_paragraphs()) taken.insert("para-" + std::to_string(p.number));
  tree.anchor_headings([&](const markdown::Heading& h) {
    return markdown::heading_id(h.text, h.id, taken);
  });
  out.anchors.assign(taken.begin(), taken.end());
  out.summary = doc.summary.empty() ? tree.first_paragraph_text() : doc.summary;
  out.body_html = tree.render_html(unsafe_html);
  return out;
}

/// Two documents claiming one alias (ignoring ASCII case): mentions go to the first in archive
/// order, and the later claim is reported so the archivist can choose.
void check_aliases(const model::Archive& archive, diag::Diagnostics& diags) {
  std::map<std::string, const model::Document*> owner;
  for (const auto& d : archive.documents) {
    for (const auto& a : d.aliases) {
      std::string key = a;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, fresh] = owner.emplace(key, &d);
      if (!fresh && it->second != &d)
        diags.warning(d.pos_of("aliases"), "alias '" + a + "' is also an alias of '" + it->second->id +
                      "'; its mentions link to '" + it->second->id + "'",
                      "remove the alias from one of the two documents");
    }
  }
}

/// Attachment relations (target -> sources), and backlinks: one entry per (source, target), in
/// the source's reference order. The entry is the first
/// reference that quotes a sentence, so "Referenced by" shows the text, not a front-matter key.
void fill_backlinks(const model::Archive& archive, LinkedArchive& linked) {
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    std::map<std::string, std::size_t> entry;  // target -> index in its backlinks
    for (const auto& r : linked.documents[i].references) {
      if (r.via == Reference::Via::attachment) {
        auto& parents = linked.attached_to[r.to_id];
        if (parents.empty() || parents.back() != r.from_id) parents.push_back(r.from_id);
      }
      auto& list = linked.backlinks[r.to_id];
      auto [it, fresh] = entry.emplace(r.to_id, list.size());
      if (fresh) list.push_back(r);
      else if (list[it->second].context.empty() && !r.context.empty()) list[it->second] = r;
    }
  }
}

/// What linking a document needs: kept alive after the stage by the deferred HTML of the
/// documents whose link result came from the build cache, which render may ask for.
struct Linker {
  Linker(const model::Archive& archive, model::DraftChain chain)
      : drafts(std::move(chain)), ctx{archive, drafts, nullptr, {}, {}} {}
  model::DraftChain drafts;
  LinkContext ctx;
  std::optional<MentionLinker> mentions;  // made once every document's anchors are known
  bool unsafe = false;

  LinkedDocument link(std::size_t i, diag::Diagnostics& diags) const {
    const auto& doc = ctx.archive.documents[i];
    markdown::Tree tree = markdown::Tree::parse(markdown_text(doc), doc.body_line);
    // Its anchors from this tree, before linking changes it, unless a look-up made them first.
    const auto& own = ctx.anchors->settle(i, [&] { return collect_anchors(tree); });
    LinkedDocument out = link_document(ctx, *mentions, doc, std::move(tree), own, unsafe, diags);
    if (ctx.archive.packed) {
      out.packed_html = text::Packed::pack(out.body_html);
      std::string().swap(out.body_html);
    }
    return out;
  }
};

std::vector<std::string> sorted_anchors(const std::set<std::string>& anchors) {
  return {anchors.begin(), anchors.end()};
}

}  // namespace

LinkedArchive link_archive(const model::Archive& archive, diag::Diagnostics& diags, LinkReuse* reuse) {
  LinkedArchive linked;
  linked.drafts = model::DraftChain::build(archive, diags);
  auto linker = std::make_shared<Linker>(archive, linked.drafts);
  LinkContext& ctx = linker->ctx;
  for (const auto& d : archive.documents) ctx.by_path.emplace(d.source_path, &d);
  for (const auto& s : archive.static_files) ctx.static_paths.insert(s.path);
  linker->unsafe = archive.config.unsafe_html;

  // The last build's record of each document, where its source is unchanged
  // (docs/incremental-builds.md, "Links not made again").
  const std::size_t n = archive.documents.size();
  std::vector<std::optional<LinkRecord>> previous(n);
  std::vector<std::uint64_t> sources(n, 0);
  std::vector<std::string*> bytes(n, nullptr);  // each document's record, encoded
  if (reuse) {
    for (std::size_t i = 0; i < n; ++i)
      if (auto p = reuse->previous.find(archive.documents[i].source_path); p != reuse->previous.end()) bytes[i] = &p->second;
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
      sources[i] = archive.documents[i].digest();
      if (bytes[i] && record_source(*bytes[i]) == sources[i]) previous[i] = decode_record(*bytes[i]);
    });
  }

  // A document's anchors come from the tree its own linking parses, or, if another document
  // looks them up first, from reading its body for them (docs/architecture.md, "Anchors made
  // when first needed"). Drafts are linked first: they are what most look-ups look up. An
  // unchanged body's anchors are the recorded ones.
  ctx.anchors = std::make_unique<AnchorTable>(
      n, [&archive](std::size_t i) {
        const auto& doc = archive.documents[i];
        return collect_anchors(markdown::Tree::parse(markdown_text(doc), doc.body_line));
      }, reuse != nullptr);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    if (!previous[i]) return;
    // Moved into the set: the record's copy is not needed again (a reused record's bytes
    // are kept as they were).
    auto& own = previous[i]->own_anchors;
    ctx.anchors->settle(i, [&] {
      return std::set<std::string>(std::make_move_iterator(own.begin()), std::make_move_iterator(own.end()));
    });
    std::vector<std::string>().swap(own);
  });
  // A record stands when every document whose anchors it looked up still offers the same.
  auto still_valid = [&](const LinkRecord& record) {
    for (const auto& [path, hash] : record.anchor_reads) {
      auto it = ctx.by_path.find(path);
      if (it == ctx.by_path.end() || ctx.anchors->hash(static_cast<std::size_t>(it->second - archive.documents.data())) != hash)
        return false;
    }
    return true;
  };

  check_aliases(archive, diags);
  linker->mentions.emplace(ctx);
  linked.documents.resize(n);
  std::vector<diag::Diagnostics> sinks(n);
  std::vector<std::string> records(reuse ? n : 0);  // encoded
  std::atomic<std::size_t> reused{0};
  std::atomic<bool> any_deferred{false};
  auto link_one = [&](std::size_t i) {
    LinkedDocument& out = linked.documents[i];
    if (previous[i] && still_valid(*previous[i])) {
      LinkRecord& r = *previous[i];
      out.summary = std::move(r.summary);
      out.anchors = std::move(r.anchors);
      out.references = std::move(r.references);
      for (const auto& w : r.warnings) sinks[i].add(w);
      out.deferred = std::make_shared<DeferredHtml>();
      out.deferred->make = [linker, i] {
        diag::Diagnostics again;  // those of the record, reported above
        LinkedDocument made = linker->link(i, again);
        std::string unpacked;
        return std::string(made.html(unpacked));
      };
      records[i] = std::move(*bytes[i]);
      reused.fetch_add(1, std::memory_order_relaxed);
      any_deferred.store(true, std::memory_order_relaxed);
      return;
    }
    AnchorReads reads;
    out = linker->link(i, sinks[i]);
    if (!reuse) return;
    LinkRecord r;
    r.source = sources[i];
    r.own_anchors = sorted_anchors(ctx.anchors->at(i));
    std::sort(reads.documents.begin(), reads.documents.end());
    reads.documents.erase(std::unique(reads.documents.begin(), reads.documents.end()), reads.documents.end());
    for (const std::size_t j : reads.documents) r.anchor_reads.emplace_back(archive.documents[j].source_path, ctx.anchors->hash(j));
    r.summary = out.summary;
    r.anchors = out.anchors;
    r.references = out.references;
    for (const auto& d : sinks[i].items())
      if (d.severity == diag::Severity::warning) r.warnings.push_back(d);
    records[i] = encode_record(r);
  };
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return archive.documents[i].kind == model::Kind::draft; });
  const std::size_t drafts_end = static_cast<std::size_t>(std::count_if(order.begin(), order.end(), [&](std::size_t i) { return archive.documents[i].kind == model::Kind::draft; }));
  tbb::parallel_for(std::size_t{0}, drafts_end, [&](std::size_t k) { link_one(order[k]); });
  tbb::parallel_for(drafts_end, n, [&](std::size_t k) { link_one(order[k]); });
  for (const auto& s : sinks) diags.merge(s);
  if (reuse) {
    reuse->reused = reused;
    reuse->next.clear();
    for (std::size_t i = 0; i < n; ++i) reuse->next.emplace(archive.documents[i].source_path, std::move(records[i]));
  }
  if (archive.home) {
    auto tree = markdown::Tree::parse(archive.home->body, archive.home->body_line);
    auto anchors = collect_anchors(tree);
    linked.home = link_document(ctx, *linker->mentions, *archive.home, std::move(tree), anchors, linker->unsafe, diags);
  }
  fill_backlinks(archive, linked);
  // Nothing deferred: the context and its anchors go now, as they always did.
  if (!any_deferred) linker.reset();
  return linked;
}

}  // namespace travaux::link
