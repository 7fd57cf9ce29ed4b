// Topic and people slugs through ICU's transliterator (CONTENT-MODEL.md, "Output": topics).
#include "model/slug.h"

#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <xxhash.h>

namespace travaux::model {

namespace {

/// ICU transliterators are not safe to share between threads: one prototype, built once (it
/// compiles the rule set), cloned into each thread that slugs.
icu::Transliterator& transliterator() {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> prototype;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII; Lower"), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) prototype.reset();
  });
  thread_local std::unique_ptr<icu::Transliterator> mine(prototype ? prototype->clone() : nullptr);
  if (!mine) throw std::runtime_error("ICU has no Any-Latin; Latin-ASCII transliterator");
  return *mine;
}

std::string hex(std::uint64_t h, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, static_cast<std::size_t>(digits));
}

}  // namespace

std::string ascii_slug(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator().transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  std::string out;
  bool dash = false;
  for (char ch : latin) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string hashed_slug(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + "-" + hex(XXH64(name.data(), name.size(), 0), 8);
}

std::string fold_case(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::map<std::string, std::string> assign_slugs(const std::vector<std::string>& names, std::string_view prefix,
                                                const std::vector<std::string>& reserved,
                                                std::vector<std::pair<std::string, std::string>>* collisions) {
  std::map<std::string, std::set<std::string>> by_slug;  // slug -> names, smallest first
  for (const auto& name : names) {
    std::string slug = ascii_slug(name);
    if (slug.empty()) slug = hashed_slug(prefix, name);
    by_slug[slug].insert(name);
  }
  const std::set<std::string> taken(reserved.begin(), reserved.end());
  std::map<std::string, std::string> out;
  for (const auto& [slug, group] : by_slug) {
    const bool free = !taken.count(slug);
    const std::string keeper = free ? *group.begin() : std::string();
    for (const auto& name : group) {
      if (free && name == keeper) {
        out[name] = slug;
        continue;
      }
      out[name] = slug + "-" + hex(XXH64(name.data(), name.size(), 0), 6);
      if (collisions) collisions->emplace_back(name, free ? keeper : slug);
    }
  }
  return out;
}

}  // namespace travaux::model
