#pragma once
// Themes: Mustache templates plus assets (docs/architecture.md). The default theme is built
// in; an archive's own themes/<name>/ folder overrides any of its files.

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "diag/diagnostic.h"
#include "model/archive.h"

namespace travaux::render {

using Data = kainjow::mustache::data;

/// `value` escaped as the theme escapes a {{value}} (render/theme.cpp), appended to `out`: for
/// the partials the program writes itself (render/paragraph_list.h and its kin).
void append_template_escaped(std::string& out, std::string_view value);

class Theme {
 public:
  /// The built-in default theme, overridden file by file by the archive's own theme files
  /// (read by load into `archive.theme`). Every template is parsed here, once; a syntax error
  /// names the template file and line.
  static std::unique_ptr<Theme> load(const model::Archive& archive, diag::Diagnostics& diags);
  /// A theme from explicit files (tests).
  static std::unique_ptr<Theme> from_files(const std::map<std::string, std::string>& files,
                                           const std::map<std::string, std::string>& origins,
                                           diag::Diagnostics& diags);

  /// Renders template `name` ("letter.html") with `data`. Files whose name starts with '_'
  /// are partials, available to every template as {{> _name}} (without ".html").
  /// Safe to call from several threads.
  std::string render(const std::string& name, const Data& data) const;
  /// The same without copying `data`: the partials are added to it (a page's data can be
  /// megabytes, and copying it per render was most of render's time on long drafts).
  std::string render_in_place(const std::string& name, Data& data) const;
  bool has(const std::string& name) const { return templates_.count(name) > 0; }
  /// Renders partial `name` ("_paragraph") on its own, with `data` as its whole context.
  std::string render_partial(const std::string& name, const Data& data) const;
  /// Whether partial `name` is the default theme's own, byte for byte: its output is then
  /// written by the program itself where a page has thousands of them (render/paragraph_list.h).
  bool stock_partial(const std::string& name) const { return stock_partials_.count(name) > 0; }

  /// Files that are not templates (CSS, JS, fonts): output path -> bytes.
  const std::map<std::string, std::string>& assets() const { return assets_; }

 private:
  std::map<std::string, std::string> templates_;  // name -> source
  std::map<std::string, std::string> partials_;   // "_nav" -> source
  std::map<std::string, std::string> expanded_;   // name -> source with its partials put in place
  std::map<std::string, std::string> assets_;
  std::set<std::string> stock_partials_;          // partials equal to the default theme's
  std::uint64_t serial_ = next_serial();  // keys the per-thread template caches
  static std::uint64_t next_serial();
};

}  // namespace travaux::render
