// The stage sequence shared by build, check and serve (STYLE.md, "A pipeline of folders").
#include "cli/pipeline.h"

#include "compare/compare_texts.h"
#include "link/link.h"
#include "load/load.h"
#include "render/render.h"

namespace travaux::cli {

std::optional<Generated> generate(const std::filesystem::path& content, bool check_only, diag::Diagnostics& diags) {
  model::Archive archive = load::load_archive(content, diags);
  if (diags.has_errors()) return std::nullopt;
  link::LinkedArchive linked = link::link_archive(archive, diags);
  if (diags.has_errors()) return std::nullopt;
  auto theme = render::Theme::load(archive, diags);
  if (!theme || diags.has_errors()) return std::nullopt;
  Generated out;
  out.documents = archive.documents.size();
  if (check_only) return out;
  const compare::ComparedArchive compared = compare::compare_texts(archive, linked);
  out.site = render::render_site(archive, linked, compared, *theme, diags);
  if (diags.has_errors()) return std::nullopt;
  return out;
}

}  // namespace travaux::cli
