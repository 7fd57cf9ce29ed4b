// The link stage (CONTENT-MODEL.md, "Cross-references"): two passes over the documents,
// the first collecting every page's anchors, the second rewriting links and mentions.
#include "link/link.h"

#include <map>

#include <tbb/parallel_for.h>

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
  return doc.packed_body.empty() ? doc.body : doc.packed_body.unpack();
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

}  // namespace

LinkedArchive link_archive(const model::Archive& archive, diag::Diagnostics& diags) {
  LinkedArchive linked;
  linked.drafts = model::DraftChain::build(archive, diags);
  LinkContext ctx{archive, linked.drafts, {}, {}, {}};
  for (const auto& d : archive.documents) ctx.by_path.emplace(d.source_path, &d);
  for (const auto& s : archive.static_files) ctx.static_paths.insert(s.path);

  // Every document's anchors are needed before any document is linked, but every document's
  // tree held at once is the largest memory of the build (5x the Markdown), so each body is
  // parsed twice: for its anchors, then to link it (docs/architecture.md, "Streaming output").
  const std::size_t n = archive.documents.size();
  ctx.anchors.resize(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    const auto& doc = archive.documents[i];
    ctx.anchors[i] = collect_anchors(markdown::Tree::parse(markdown_text(doc), doc.body_line));
  });

  check_aliases(archive, diags);
  const MentionLinker mentions(ctx);
  linked.documents.resize(n);
  std::vector<diag::Diagnostics> sinks(n);
  const bool unsafe = archive.config.unsafe_html;
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    const auto& doc = archive.documents[i];
    LinkedDocument& out = linked.documents[i];
    out = link_document(ctx, mentions, doc, markdown::Tree::parse(markdown_text(doc), doc.body_line),
                        ctx.anchors[i], unsafe, sinks[i]);
    if (archive.packed) {
      out.packed_html = text::Packed::pack(out.body_html);
      std::string().swap(out.body_html);
    }
  });
  for (const auto& s : sinks) diags.merge(s);
  if (archive.home) {
    auto tree = markdown::Tree::parse(archive.home->body, archive.home->body_line);
    auto anchors = collect_anchors(tree);
    linked.home = link_document(ctx, mentions, *archive.home, std::move(tree), anchors, unsafe, diags);
  }
  fill_backlinks(archive, linked);
  return linked;
}

}  // namespace travaux::link
