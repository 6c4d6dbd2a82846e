// YAML files into nodes with character-accurate locations, and strict map reading.
#include "config/yaml_reader.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

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
std::string describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsMap()) return "a map";
  if (n.IsSequence()) return "a list";
  return "'" + n.Scalar() + "'";
}

const YAML::Node& scalar(const YAML::Node& n, const Location& where, const char* expected) {
  if (!n.IsDefined() || !n.IsScalar()) fail(where, std::string("expected ") + expected + ", found " + describe(n));
  return n;
}

}  // namespace

}  // namespace sosei::config::detail

namespace sosei::config {

ConfigError::ConfigError(Location where, std::string message)
    : std::runtime_error(where.line > 0 ? where.str() + ": " + message : message),
      where_(std::move(where)),
      message_(std::move(message)) {}

}  // namespace sosei::config

namespace sosei::config::detail {

void fail(const Location& where, const std::string& message) { throw ConfigError(where, message); }

Document::Document(const std::string& open_path, std::string display_path) : display_(std::move(display_path)) {
  std::string text;
  std::FILE* f = std::fopen(open_path.c_str(), "rb");
  if (!f) fail({display_, 0, 0}, "cannot read " + display_ + ": " + std::generic_category().message(errno));
  char buf[8192];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  const bool bad = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (bad) fail({display_, 0, 0}, "cannot read " + display_ + ": " + std::generic_category().message(err));

  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines_.push_back(std::move(line));
    start = end + 1;
  }

  try {
    root_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    fail(e.mark.is_null() ? start_location() : at(e.mark), "YAML syntax error: " + e.msg);
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

std::string as_string(const YAML::Node& n, const Location& where) { return scalar(n, where, "a string").Scalar(); }

double as_number(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, "a number").Scalar();
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || !std::isfinite(v))
    fail(where, "expected a number, found '" + s + "'");
  return v;
}

int as_int(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, "a whole number").Scalar();
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size())
    fail(where, "expected a whole number, found '" + s + "'");
  return v;
}

bool as_bool(const YAML::Node& n, const Location& where) {
  const std::string& s = scalar(n, where, "true or false").Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  fail(where, "expected true or false, found '" + s + "'");
}

MapReader::MapReader(const Document& doc, const YAML::Node& node, const Location& where, std::string what,
                     std::initializer_list<const char*> keys)
    : doc_(doc), where_(doc.at(node, where)), what_(std::move(what)) {
  if (!node.IsDefined() || !node.IsMap()) fail(where_, "expected a map (" + what_ + "), found " + describe(node));
  for (auto it = node.begin(); it != node.end(); ++it) {
    const Location key_at = doc.at(it->first, where_);
    if (!it->first.IsScalar()) fail(key_at, "expected a key name in " + what_ + ", found " + describe(it->first));
    std::string key = it->first.Scalar();
    if (keys.size() > 0) {
      bool known = false;
      for (const char* k : keys) known = known || key == k;
      if (!known) fail(key_at, "unknown key '" + key + "' in " + what_ + "; expected one of: " + join(keys));
    }
    if (find(key)) fail(key_at, "duplicate key '" + key + "' in " + what_);
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

void MapReader::missing(const std::string& key) const { fail(where_, "missing key '" + key + "' in " + what_); }

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
  fail(value_at(key), "unknown " + key + " '" + *s + "'; expected one of: " + join(choices));
}

std::vector<std::pair<YAML::Node, Location>> MapReader::list(const std::string& key) const {
  std::vector<std::pair<YAML::Node, Location>> out;
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) return out;
  if (!n.IsSequence()) fail(value_at(key), "expected a list for '" + key + "', found " + describe(n));
  const Location base = value_at(key);
  for (const auto& item : n) out.emplace_back(item, doc_.at(item, base));
  return out;
}

}  // namespace sosei::config::detail
