// YAML files into nodes with character-accurate locations, and strict map reading.
#include "config/yaml_reader.hpp"

#include <charconv>
#include <cmath>

#include "config/config_text.hpp"
#include "config/yaml_shape.hpp"

namespace sosei::config::detail {
namespace {

std::string join(std::initializer_list<const char*> items) {
  std::string s;
  for (const char* i : items) {
    if (!s.empty()) s += ", ";
    s += i;
  }
  return s;
}

// What a node is, for "expected a string, found a map".
text::Phrase describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return phrase(&Msg::found_nothing);
  if (n.IsMap()) return phrase(&Msg::found_map);
  if (n.IsSequence()) return phrase(&Msg::found_list);
  return phrase(&Msg::found_value, n.Scalar());
}

const YAML::Node& scalar(const YAML::Node& n, const Location& where, const char* Msg::*expected) {
  if (!n.IsDefined() || !n.IsScalar()) fail(where, phrase(expected, describe(n)));
  return n;
}

}  // namespace

}  // namespace sosei::config::detail

namespace sosei::config {

namespace {

std::string located(const Location& where, const text::Phrase& text, text::Lang lang) {
  const std::string words = text(text::Locale{lang, text::YearStyle::Era});
  return where.line > 0 ? where.str() + ": " + words : words;
}

}  // namespace

ConfigError::ConfigError(Location where, text::Phrase text)
    : std::runtime_error(located(where, text, text::Lang::Ja)), where_(std::move(where)), text_(std::move(text)) {}

std::string ConfigError::message(text::Lang lang) const { return located(where_, text_, lang); }

}  // namespace sosei::config

namespace sosei::config::detail {

void fail(const Location& where, text::Phrase message) { throw ConfigError(where, std::move(message)); }

text::Phrase section(std::string key) { return phrase(&Msg::in_section, std::move(key)); }

Document::Document(const std::string& open_path, std::string display_path) : display_(std::move(display_path)) {
  const std::string text = read_config_text(open_path, display_);

  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines_.push_back(std::move(line));
    start = end + 1;
  }

  check_yaml_shape(text, *this);
  try {
    root_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    fail(e.mark.is_null() ? start_location() : at(e.mark), phrase(&Msg::yaml_syntax, e.msg));
  }
}

Location Document::start_location() const { return {display_, 1, 1}; }

Location Document::at(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return start_location();
  int column = 1;
  if (static_cast<size_t>(mark.line) < lines_.size()) {
    const std::string& line = lines_[static_cast<size_t>(mark.line)];
    const size_t bytes = std::min(line.size(), static_cast<size_t>(std::max(mark.column, 0)));
    for (size_t i = 0; i < bytes; ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    if (mark.line == 0 && line.rfind("\xEF\xBB\xBF", 0) == 0 && column > 1) --column;  // BOM
  } else {
    column = mark.column + 1;
  }
  return {display_, mark.line + 1, column};
}

Location Document::at(const YAML::Node& node, const Location& fallback) const {
  if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return fallback;
  return at(node.Mark());
}

std::string as_string(const YAML::Node& n, const Location& where) {
  return scalar(n, where, &Msg::expected_string).Scalar();
}

double as_number(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, &Msg::expected_number).Scalar();
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || !std::isfinite(v))
    fail(where, phrase(&Msg::expected_number, describe(n)));
  return v;
}

int as_int(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, &Msg::expected_int).Scalar();
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size()) fail(where, phrase(&Msg::expected_int, describe(n)));
  return v;
}

bool as_bool(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, &Msg::expected_bool).Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  fail(where, phrase(&Msg::expected_bool, describe(n)));
}

MapReader::MapReader(const Document& doc, const YAML::Node& node, const Location& where, text::Phrase what,
                     std::initializer_list<const char*> keys)
    : doc_(doc), where_(doc.at(node, where)), what_(std::move(what)) {
  if (!node.IsDefined() || !node.IsMap()) fail(where_, phrase(&Msg::expected_map, what_, describe(node)));
  for (auto it = node.begin(); it != node.end(); ++it) {
    const Location key_at = doc.at(it->first, where_);
    if (!it->first.IsScalar()) fail(key_at, phrase(&Msg::expected_key_name, what_, describe(it->first)));
    std::string key = it->first.Scalar();
    if (keys.size() > 0) {
      bool known = false;
      for (const char* k : keys) known = known || key == k;
      if (!known) fail(key_at, phrase(&Msg::unknown_key, key, what_, join(keys)));
    }
    if (find(key)) fail(key_at, phrase(&Msg::duplicate_key, key, what_));
    entries_.push_back({std::move(key), it->second, key_at, doc.at(it->second, key_at)});
  }
}

const MapReader::Entry* MapReader::find(const std::string& key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

Location MapReader::value_at(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->value_at : where_;
}

Location MapReader::key_at(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->key_at : where_;
}

YAML::Node MapReader::node(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->value : YAML::Node();
}

void MapReader::missing(const std::string& key) const { fail(where_, phrase(&Msg::missing_key, key, what_)); }

std::string MapReader::required_string(const std::string& key) const {
  if (!has(key)) missing(key);
  return as_string(node(key), value_at(key));
}

std::optional<std::string> MapReader::string(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return as_string(node(key), value_at(key));
}

std::optional<double> MapReader::number(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return as_number(node(key), value_at(key));
}

std::optional<int> MapReader::integer(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return as_int(node(key), value_at(key));
}

std::optional<bool> MapReader::boolean(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return as_bool(node(key), value_at(key));
}

std::optional<std::string> MapReader::choice(const std::string& key, std::initializer_list<const char*> choices) const {
  auto s = string(key);
  if (!s) return s;
  for (const char* c : choices)
    if (*s == c) return s;
  fail(value_at(key), phrase(&Msg::unknown_choice, key, *s, join(choices)));
}

std::vector<std::pair<YAML::Node, Location>> MapReader::list(const std::string& key) const {
  std::vector<std::pair<YAML::Node, Location>> out;
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) return out;
  if (!n.IsSequence()) fail(value_at(key), phrase(&Msg::expected_list, key, describe(n)));
  const Location base = value_at(key);
  for (const auto& item : n) out.emplace_back(item, doc_.at(item, base));
  return out;
}

}  // namespace sosei::config::detail
