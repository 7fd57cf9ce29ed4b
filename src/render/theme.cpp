// Theme loading, template validation and thread-safe rendering (docs/architecture.md).
#include "render/theme.h"

#include <atomic>


#include "diag/text_position.h"
#include "render/theme_files.h"
#include "text/escape.h"

namespace travaux::render {

namespace mu = kainjow::mustache;

namespace {

bool is_template(const std::string& name) { return name.ends_with(".html"); }

/// kainjow reports "Unclosed section "x" at 123": turn the byte offset into line:column.
diag::SourcePos template_error_pos(const std::string& origin, const std::string& source, const std::string& message) {
  auto at = message.rfind(" at ");
  if (at == std::string::npos) return {origin, 1, 1};
  std::size_t offset = std::strtoul(message.c_str() + at + 4, nullptr, 10);
  auto lc = diag::line_column_of(source, offset);
  return {origin, lc.line, lc.column};
}

/// Each thread keeps its own parsed templates: kainjow's render is not const.
using Cache = std::map<std::string, std::unique_ptr<mu::mustache>>;

}  // namespace

std::uint64_t Theme::next_serial() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

std::unique_ptr<Theme> Theme::from_files(const std::map<std::string, std::string>& files,
                                         const std::map<std::string, std::string>& origins,
                                         diag::Diagnostics& diags) {
  auto theme = std::make_unique<Theme>();
  bool ok = true;
  for (const auto& [name, source] : files) {
    if (!is_template(name)) {
      theme->assets_[name] = source;
      continue;
    }
    mu::mustache check(source);
    if (!check.is_valid()) {
      auto it = origins.find(name);
      const std::string origin = it == origins.end() ? "themes/default/" + name : it->second;
      diags.error(template_error_pos(origin, source, check.error_message()),
                  "template error: " + check.error_message(), "fix the Mustache tag at this position");
      ok = false;
    }
    if (name.starts_with('_')) theme->partials_[name.substr(0, name.size() - 5)] = source;
    else theme->templates_[name] = source;
  }
  if (!ok) return nullptr;
  return theme;
}

std::unique_ptr<Theme> Theme::load(const model::Archive& archive, diag::Diagnostics& diags) {
  std::map<std::string, std::string> files = archive.theme.files;
  for (const auto& f : default_theme_files()) files.emplace(f.name, f.content);  // the archive's own win
  return from_files(files, archive.theme.origins, diags);
}

std::string Theme::render_in_place(const std::string& name, Data& data) const {
  // One cache per thread, in the thread's own storage: freed when the thread ends, and seen
  // by LeakSanitizer (oneTBB's enumerable_thread_specific keeps its slots in memory from its
  // own allocator, which the leak checker does not scan, so every cached template was
  // reported as leaked by the fuzzers).
  thread_local std::map<std::uint64_t, Cache> caches;
  Cache& cache = caches[serial_];
  auto get = [&](const std::string& key, const std::string& source) -> mu::mustache& {
    auto& slot = cache[key];
    if (!slot) {
      slot = std::make_unique<mu::mustache>(source);
      // The one HTML escape (text/escape.h): also turns NUL and other controls from front
      // matter into U+FFFD, which the library's own escape passes through.
      slot->set_custom_escape([](const std::string& s) { return text::escape_html(s, "&apos;"); });
    }
    return *slot;
  };
  for (const auto& [pname, psource] : partials_) {
    const std::string* src = &psource;
    data.set(pname, mu::partial([src] { return *src; }));
  }
  auto it = templates_.find(name);
  if (it == templates_.end()) return {};
  return get(name, it->second).render(data);
}

std::string Theme::render(const std::string& name, const Data& data) const {
  Data copy(data);
  return render_in_place(name, copy);
}

}  // namespace travaux::render
