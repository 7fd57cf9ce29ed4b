// TOML parsing and typed field access with file positions (STYLE.md, items 2 and 10).
#include "load/toml_fields.h"

#include <algorithm>
#include <cctype>

#include "diag/did_you_mean.h"
#include "diag/text_position.h"

namespace travaux::load {

namespace {

/// toml++ reports an impossible date (2018-02-30) where it stopped reading, at the value's end;
/// the reader looks for the value's start. Walks back over the date-time's characters (a space
/// only between two digits: "2018-02-05 10:00").
int start_of_date_value(std::string_view line, int column) {
  auto is_date_char = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == '+' || c == 'T' || c == 't' ||
           c == 'Z' || c == 'z';
  };
  std::size_t at = std::min(diag::byte_offset_of_column(line, column), line.size());
  while (at > 0) {
    const char c = line[at - 1];
    if (is_date_char(c) || (c == ' ' && at >= 2 && at < line.size() && std::isdigit(static_cast<unsigned char>(line[at - 2])) &&
                            std::isdigit(static_cast<unsigned char>(line[at]))))
      --at;
    else
      break;
  }
  return diag::char_column(line, at);
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, int first_line,
                                      diag::Diagnostics& diags) {
  try {
    return toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    int column = static_cast<int>(b.column);
    const std::string_view description = e.description();
    if (description.starts_with("Error while parsing date") || description.starts_with("Error while parsing time"))
      column = start_of_date_value(diag::line_at(text, static_cast<int>(b.line)), column);
    diags.error({path, static_cast<int>(b.line) + first_line - 1, column},
                "invalid TOML: " + std::string(e.description()),
                "fix the front matter; strings need quotes, dates are written 2018-02-05");
    return std::nullopt;
  }
}

diag::SourcePos FieldReader::pos(const toml::source_region& region) const {
  if (region.begin.line == 0) return {path_, first_line_, 1};
  return {path_, static_cast<int>(region.begin.line) + first_line_ - 1,
          static_cast<int>(region.begin.column)};
}

diag::SourcePos FieldReader::pos_of_key(std::string_view key) const {
  for (auto&& [k, v] : table_)
    if (k.str() == key) return pos(k.source());
  return table_pos();
}

const toml::node* FieldReader::find(std::string_view key, bool required, const char*) {
  read_.emplace(key);
  const toml::node* node = table_.get(key);
  if (node == nullptr && required)
    diags_.error(table_pos(), context_ + "missing required key '" + std::string(key) + "'",
                 "add " + std::string(key) + " = ... to the front matter");
  return node;
}

void FieldReader::wrong_type(std::string_view key, const toml::node& node, const char* expected) {
  diags_.error(pos(node.source()),
               context_ + "'" + std::string(key) + "' must be " + expected,
               std::string("write it as ") +
                   (std::string_view(expected).find("date") != std::string_view::npos
                        ? "an unquoted date, e.g. 2018-02-05"
                        : std::string_view(expected).find("array") != std::string_view::npos
                              ? "a list, e.g. [\"a\", \"b\"]"
                              : expected));
}

std::optional<std::string> FieldReader::string(std::string_view key, bool required) {
  const toml::node* n = find(key, required, "a string");
  if (n == nullptr) return std::nullopt;
  if (!n->is_string()) {
    wrong_type(key, *n, "a string in quotes");
    return std::nullopt;
  }
  return n->as_string()->get();
}

std::optional<model::Date> FieldReader::date(std::string_view key, bool required) {
  const toml::node* n = find(key, required, "a date");
  if (n == nullptr) return std::nullopt;
  if (!n->is_date()) {
    if (auto s = n->value<std::string>())
      if (auto d = model::parse_iso_date(*s)) return d;  // "2018-02-05" in quotes is accepted
    wrong_type(key, *n, "a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  const auto d = n->as_date()->get();
  return model::Date{d.year, d.month, d.day};
}

std::optional<long long> FieldReader::integer(std::string_view key, bool required) {
  const toml::node* n = find(key, required, "an integer");
  if (n == nullptr) return std::nullopt;
  if (!n->is_integer()) {
    wrong_type(key, *n, "an integer");
    return std::nullopt;
  }
  return n->as_integer()->get();
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const toml::node* n = find(key, false, "true or false");
  if (n == nullptr) return std::nullopt;
  if (!n->is_boolean()) {
    wrong_type(key, *n, "true or false");
    return std::nullopt;
  }
  return n->as_boolean()->get();
}

std::vector<std::string> FieldReader::strings(std::string_view key, std::vector<diag::SourcePos>* positions) {
  const toml::node* n = find(key, false, "an array of strings");
  std::vector<std::string> out;
  if (n == nullptr) return out;
  if (n->is_string()) {  // a single value is a list of one
    if (positions) positions->push_back(pos(n->source()));
    return {n->as_string()->get()};
  }
  if (!n->is_array()) {
    wrong_type(key, *n, "an array of strings");
    return out;
  }
  for (const auto& el : *n->as_array()) {
    if (!el.is_string()) {
      wrong_type(key, el, "an array of strings");
      continue;
    }
    out.push_back(el.as_string()->get());
    if (positions) positions->push_back(pos(el.source()));
  }
  return out;
}

std::vector<const toml::table*> FieldReader::tables(std::string_view key) {
  const toml::node* n = find(key, false, "an array of tables");
  std::vector<const toml::table*> out;
  if (n == nullptr) return out;
  if (n->is_table()) return {n->as_table()};
  if (!n->is_array()) {
    wrong_type(key, *n, "an array of tables");
    return out;
  }
  for (const auto& el : *n->as_array()) {
    if (el.is_table()) out.push_back(el.as_table());
    else wrong_type(key, el, "an array of tables");
  }
  return out;
}

const toml::table* FieldReader::table(std::string_view key) {
  const toml::node* n = find(key, false, "a table");
  if (n == nullptr) return nullptr;
  if (!n->is_table()) {
    wrong_type(key, *n, "a table");
    return nullptr;
  }
  return n->as_table();
}

void FieldReader::warn_unknown_keys(const std::vector<std::string>& known) {
  for (auto&& [k, v] : table_) {
    if (read_.count(k.str())) continue;
    std::string hint = "remove it, or check its spelling";
    if (auto near = diag::did_you_mean(k.str(), known)) hint = "did you mean '" + *near + "'?";
    diags_.warning(pos(k.source()), context_ + "unknown key '" + std::string(k.str()) + "'", hint);
  }
}

}  // namespace travaux::load
