// The search page and its index (CONTENT-MODEL.md, "Output": search/index.html; issue #6).
#include "render/search_page.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "render/escape.h"

namespace travaux::render {

namespace {

using model::Document;

/// Body text kept per document: enough to find a phrase in a letter, small enough that the
/// whole index of a few hundred documents stays a quick download.
constexpr std::size_t kBodyBytes = 6000;

/// Tags that do not separate words ("<em>Rev</em>1" stays one word).
bool is_inline_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kInline = {"a",    "abbr", "b",   "code", "em",   "i",  "mark",
                                                               "small", "span", "strong", "sub", "sup", "time", "del"};
  return std::find(kInline.begin(), kInline.end(), name) != kInline.end();
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Decodes the entity starting at html[i] == '&' into `out`; returns the bytes consumed
/// (1 when it is not an entity this program writes, so the '&' is kept as text).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  const std::size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out += '&';
    return 1;
  }
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [n, text] : kNamed)
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    unsigned long cp = 0;
    std::string_view digits = name.substr(hex ? 2 : 1);
    bool ok = !digits.empty();
    for (char c : digits) {
      const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c))
                        ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                        : -1;
      if (v < 0 || cp > 0x10FFFF) {
        ok = false;
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (ok) {
      append_utf8(out, cp);
      return semi - i + 1;
    }
  }
  out += '&';
  return 1;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
  return out + "]";
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::size_t n = i + 1;
      if (n < close && html[n] == '/') ++n;
      std::size_t e = n;
      while (e < close && std::isalnum(static_cast<unsigned char>(html[e]))) ++e;
      std::string name(html.substr(n, e - n));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
      if (!is_inline_tag(name)) raw += ' ';
      i = close + 1;
      // A heading's "#" self-link is not text of the document.
      const std::string_view tag = html.substr(n - 1, close - n + 1);
      if (name == "a" && tag.find("class=\"here\"") != std::string_view::npos) {
        const std::size_t end = html.find("</a>", i);
        i = end == std::string_view::npos ? html.size() : end + 4;
      }
    } else if (c == '&') {
      i += decode_entity(html, i, raw);
    } else {
      raw += c;
      ++i;
    }
  }
  // Collapse runs of ASCII whitespace into one space.
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string truncate_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Never inside a UTF-8 sequence: back off continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  // Prefer the last space, unless that would throw away most of the text.
  const std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
}

std::string render_search_page(const RenderInput& in) {
  const bool pretty = in.archive.config.pretty_urls;
  Page page;
  page.at = {"search", pretty};
  page.template_name = "search.html";
  page.title = "Search";
  page.section = "search";
  page.description = "Search the letters, drafts, rounds and documents of " + in.archive.config.title + ".";
  Data& d = page.data;
  d.set("action", page.at.url("search/"));
  d.set("index_url", std::string(kSearchIndexFile.substr(std::string_view("search/").size())));
  d.set("script_url", page.at.url("assets/search.js"));
  d.set("letters_url", page.at.url("letters/"));
  d.set("drafts_url", page.at.url("drafts/"));
  d.set("rounds_url", page.at.url("rounds/"));
  d.set("count", std::to_string(in.archive.documents.size()));
  return render_page(in, std::move(page));
}

std::string render_search_index(const RenderInput& in) {
  const PageLocation at{"search", in.archive.config.pretty_urls};
  std::vector<const Document*> docs;
  for (const auto& d : in.archive.documents) docs.push_back(&d);
  // Newest first, so equally good results read as a chronology; ids break ties.
  std::stable_sort(docs.begin(), docs.end(),
                   [](auto* a, auto* b) { return std::tie(b->date, a->id) < std::tie(a->date, b->id); });
  std::string j = "// Search index of this site, written by travaux build; read by assets/search.js.\n";
  j += "window.TRAVAUX_SEARCH = {\"documents\": [";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Document& doc = *docs[i];
    const auto& linked = in.linked.of(in.archive, doc);
    std::vector<std::string> people;
    for (const auto& f : doc.from) {
      const model::Person* p = in.archive.find_person(f);
      people.push_back(p ? p->name : f);
    }
    if (!doc.to.empty()) people.push_back(doc.to);
    j += i ? ",\n" : "\n";
    j += "{\"title\":" + json_string(doc.title);
    if (!doc.label.empty() && doc.label != doc.title) j += ",\"label\":" + json_string(doc.label);
    j += ",\"kind\":" + json_string(std::string(model::kind_name(doc.kind)));
    j += ",\"date\":" + json_string(doc.date.iso());
    j += ",\"date_text\":" + json_string(doc.date.human());
    j += ",\"url\":" + json_string(at.url(doc.url_folder + "/"));
    j += ",\"people\":" + json_list(people);
    j += ",\"topics\":" + json_list(doc.topics);
    j += ",\"summary\":" + json_string(linked.summary);
    j += ",\"text\":" + json_string(truncate_text(html_to_text(linked.body_html), kBodyBytes));
    j += "}";
  }
  return j + "\n]};\n";
}

}  // namespace travaux::render
