// A whole SiteImage through the staging sink (docs/architecture.md, "Atomic output").
#include "write/write_site.h"

#include "write/staging_sink.h"

namespace travaux::write {

bool paths_are_contained(const render::SiteImage& image, diag::Diagnostics& diags) {
  bool ok = true;
  auto check = [&](const std::string& rel) {
    if (!path_is_contained(rel)) {
      diags.error({rel, 0, 0}, "refusing to write '" + rel + "': it would leave the output folder");
      ok = false;
    }
  };
  for (const auto& [rel, _] : image.files) check(rel);
  for (const auto& [rel, _] : image.copies) check(rel);
  return ok;
}

bool write_site(const render::SiteImage& image, const std::filesystem::path& out, diag::Diagnostics& diags) {
  if (!paths_are_contained(image, diags)) return false;
  auto sink = StagingSink::open(out, diags);
  if (!sink) return false;
  for (const auto& [rel, bytes] : image.files) sink->add(rel, bytes);
  for (const auto& [rel, source] : image.copies) sink->add_copy(rel, source);
  return sink->commit(diags);
}

}  // namespace travaux::write
