// Anchor names for headings and numbered paragraphs (CONTENT-MODEL.md, "Cross-references").
#include "link/anchors.h"

#include <regex>

namespace travaux::link {

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string heading_anchor(std::string_view heading_text) {
  static const std::regex kObjective(R"(^\s*objective\s+(\d+)\b)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(heading_text.begin(), heading_text.end(), m, kObjective))
    return "objective-" + std::to_string(std::stoi(m[1].str()));
  return slugify(heading_text);
}

std::string unique_anchor(std::string id, std::set<std::string>& taken) {
  if (id.empty()) id = "section";
  std::string candidate = id;
  for (int n = 2; !taken.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
  return candidate;
}

}  // namespace travaux::link
