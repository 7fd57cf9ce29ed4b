// documents.csv (docs/content-model.md, "Data for reuse"): archive.json's records as rows.
#include "render/documents_csv.h"

#include <set>

#include "text/escape.h"

namespace travaux::render {

using text::csv_field;

namespace {

constexpr const char* kColumns[] = {"id",      "kind",      "title",  "date",   "url",   "permalink",
                                    "source_path", "summary", "source", "full_text", "label", "version",
                                    "number",  "end",       "from",   "topics", "links_to"};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return out;
}

}  // namespace

std::string render_documents_csv(const RenderInput& in) {
  std::string out;
  for (std::size_t c = 0; c < std::size(kColumns); ++c) out += std::string(c ? "," : "") + kColumns[c];
  out += "\r\n";
  for (std::size_t i = 0; i < in.archive.documents.size(); ++i) {
    const model::Document& d = in.archive.documents[i];
    const auto& linked = in.linked.documents[i];
    std::vector<std::string> targets;
    std::set<std::string> seen;
    for (const auto& r : linked.references)
      if (seen.insert(r.to_id).second) targets.push_back(r.to_id);
    const std::string row[] = {
        d.id,
        std::string(model::kind_name(d.kind)),
        d.title,
        d.date.iso(),
        d.url_folder + "/",
        permalink(in.archive.config.base_url, d.url_folder + "/"),
        d.source_path,
        linked.summary,
        d.source,
        d.full_text ? "true" : "false",
        d.label,
        d.version ? std::to_string(*d.version) : "",
        d.number ? std::to_string(*d.number) : "",
        d.end ? d.end->iso() : "",
        joined(d.from),
        joined(d.topics),
        joined(targets),
    };
    for (std::size_t c = 0; c < std::size(row); ++c) out += (c ? "," : "") + csv_field(row[c]);
    out += "\r\n";
  }
  return out;
}

}  // namespace travaux::render
