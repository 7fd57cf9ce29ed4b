#pragma once
// URL slugs for topics and people (CONTENT-MODEL.md, "Output": lowercase ASCII [a-z0-9-],
// transliterated, a stable fallback, never empty). ICU does the transliteration.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace travaux::model {

/// "Jürg Lauber" -> "jurg-lauber", "réinstallation" -> "reinstallation", "Москва" -> "moskva":
/// ICU's "Any-Latin; Latin-ASCII; Lower", then every run of other characters becomes one '-'.
/// "" when nothing is left (a name made only of punctuation). Thread-safe.
std::string ascii_slug(std::string_view text);

/// `<prefix>-<8 hex digits>`: a hash of the name's bytes, the same on every build.
std::string hashed_slug(std::string_view prefix, std::string_view name);

/// Two names are one index term when they are equal after Unicode case folding
/// ("Migration" and "migration"). Returns the folded form.
std::string fold_case(std::string_view text);

/// Gives each name a distinct slug (docs/content-model.md, "Topic and people slugs"): its
/// ascii_slug, or hashed_slug(prefix, name) when that is empty. Names that still share a slug
/// are told apart by their bytes: the smallest keeps the slug, every other one gets
/// "<slug>-<6 hex digits of its hash>". `reserved` slugs (people's ids) are never given out.
/// Returns name -> slug; `collisions` receives (name, the name that kept the slug).
std::map<std::string, std::string> assign_slugs(const std::vector<std::string>& names, std::string_view prefix,
                                                const std::vector<std::string>& reserved,
                                                std::vector<std::pair<std::string, std::string>>* collisions);

}  // namespace travaux::model
