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

/// kainjow parses a partial again every time it renders a {{> name}} tag (five per document
/// page), which was a third of the time spent in templates. A partial that is plain text and
/// tags is therefore put in place of its tag once, here: the library renders a partial with
/// the same context as the tag, so the output is the same. A template or partial that changes
/// the delimiters ({{=...=}}), or a partial that includes partials, keeps its tag and is
/// rendered by the library as before.
std::string inline_partials(const std::string& source, const std::map<std::string, std::string>& partials) {
  if (source.find("{{=") != std::string::npos) return source;
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = source.find("{{>", at)) != std::string::npos;) {
    const std::size_t close = source.find("}}", open + 3);
    if (close == std::string::npos) break;
    std::string name = source.substr(open + 3, close - open - 3);
    const auto first = name.find_first_not_of(" \t\r\n");
    name = first == std::string::npos ? "" : name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
    out.append(source, at, open - at);
    const auto it = partials.find(name);
    if (it != partials.end() && it->second.find("{{=") == std::string::npos && it->second.find("{{>") == std::string::npos)
      out += it->second;
    else
      out.append(source, open, close + 2 - open);
    at = close + 2;
  }
  out.append(source, at, std::string::npos);
  return out;
}

/// Each thread keeps its own parsed templates: kainjow's render is not const.
using Cache = std::map<std::string, std::unique_ptr<mu::mustache>>;

}  // namespace

void append_template_escaped(std::string& out, std::string_view value) {
  text::append_escaped_html(out, value, "&apos;");
}

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
  for (const auto& f : default_theme_files())
    if (f.name.starts_with('_') && is_template(f.name)) {
      const std::string name = f.name.substr(0, f.name.size() - 5);
      const auto it = theme->partials_.find(name);
      if (it == theme->partials_.end() || it->second == f.content) theme->stock_partials_.insert(name);
    }
  for (const auto& [name, source] : theme->templates_) theme->expanded_[name] = inline_partials(source, theme->partials_);
  return theme;
}

std::unique_ptr<Theme> Theme::load(const model::Archive& archive, diag::Diagnostics& diags) {
  std::map<std::string, std::string> files = archive.theme.files;
  for (const auto& f : default_theme_files()) files.emplace(f.name, f.content);  // the archive's own win
  return from_files(files, archive.theme.origins, diags);
}

namespace {

/// The per-thread cache of parsed templates of the theme numbered `serial`.
template <typename Source>
mu::mustache& parsed(std::uint64_t serial, const std::string& key, const Source& source) {
  // One cache per thread, in the thread's own storage: freed when the thread ends, and seen
  // by LeakSanitizer (oneTBB's enumerable_thread_specific keeps its slots in memory from its
  // own allocator, which the leak checker does not scan, so every cached template was
  // reported as leaked by the fuzzers).
  thread_local std::map<std::uint64_t, Cache> caches;
  auto& slot = caches[serial][key];
  if (!slot) {
    slot = std::make_unique<mu::mustache>(source());
    // The one HTML escape (text/escape.h): also turns NUL and other controls from front
    // matter into U+FFFD, which the library's own escape passes through.
    slot->set_custom_escape([](const std::string& s) { return text::escape_html(s, "&apos;"); });
  }
  return *slot;
}

}  // namespace

std::string Theme::render_in_place(const std::string& name, Data& data) const {
  for (const auto& [pname, psource] : partials_) {
    const std::string* src = &psource;
    data.set(pname, mu::partial([src] { return *src; }));
  }
  auto it = expanded_.find(name);
  if (it == expanded_.end()) return {};
  // Appended straight into one string: the library's own render(data) writes through an
  // ostringstream and copies its whole buffer out again.
  std::string out;
  parsed(serial_, name, [&] { return it->second; }).render(data, [&out](const std::string& piece) { out += piece; });
  return out;
}

std::string Theme::render_partial(const std::string& name, const Data& data) const {
  auto it = partials_.find(name);
  if (it == partials_.end()) return {};
  // Partials it names are put in place as in a template; a partial has no data of its own.
  std::string out;
  parsed(serial_, name, [&] { return inline_partials(it->second, partials_); }).render(data, [&out](const std::string& piece) { out += piece; });
  return out;
}

std::string Theme::render(const std::string& name, const Data& data) const {
  Data copy(data);
  return render_in_place(name, copy);
}

}  // namespace travaux::render
