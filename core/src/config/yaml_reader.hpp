// Internal to the config concern: a YAML file read into nodes with file:line:column locations
// (1-based, in characters), and a map reader that rejects unknown, duplicate and missing keys.
// yaml-cpp types stay behind this header and the loaders; outside core/src/config only the grading
// scheme loader (evaluate/scheme_loader.cpp) reads a Document, so its files are checked the same way.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "config/load.hpp"
#include "text/config_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::config::detail {

class Document {
 public:
  // Throws ConfigError "<display> を読めません: <reason>" (no line), a refusal of what the file is
  // (config_text.hpp) or of its shape (yaml_shape.hpp), or a syntax error at its mark.
  Document(const std::string& open_path, std::string display_path);

  const YAML::Node& root() const { return root_; }
  const std::string& file() const { return display_; }
  // yaml-cpp marks are 0-based and count bytes; locations count characters from 1.
  Location at(const YAML::Mark& mark) const;
  Location at(const YAML::Node& node, const Location& fallback) const;
  Location start_location() const;

 private:
  std::string display_;
  std::vector<std::string> lines_;
  YAML::Node root_;
};

// The loaders' texts (text/config_messages.hpp): fail(where, phrase(&Msg::max_below_min)).
using Msg = text::ConfigMessages;
using text::phrase;
// A map named by its key in messages: 「daemon」 / 'daemon'.
text::Phrase section(std::string key);

[[noreturn]] void fail(const Location& where, text::Phrase message);

// A value checked as one type; `where` is where to point when it is not.
std::string as_string(const YAML::Node& n, const Location& where);
double as_number(const YAML::Node& n, const Location& where);
int as_int(const YAML::Node& n, const Location& where);
bool as_bool(const YAML::Node& n, const Location& where);

// Reads one YAML map whose keys must come from `keys`. `what` names the map in messages (KPI / a KPI).
class MapReader {
 public:
  MapReader(const Document& doc, const YAML::Node& node, const Location& where, text::Phrase what,
            std::initializer_list<const char*> keys);

  const Location& where() const { return where_; }
  bool has(const std::string& key) const { return find(key) != nullptr; }
  // The value's location (for an empty value, the key's).
  Location value_at(const std::string& key) const;
  Location key_at(const std::string& key) const;
  YAML::Node node(const std::string& key) const;  // a null node when absent

  std::string required_string(const std::string& key) const;
  std::optional<std::string> string(const std::string& key) const;
  std::optional<double> number(const std::string& key) const;
  std::optional<int> integer(const std::string& key) const;
  std::optional<bool> boolean(const std::string& key) const;
  // A string that must be one of `choices`.
  std::optional<std::string> choice(const std::string& key, std::initializer_list<const char*> choices) const;
  // A list (a missing key is an empty list); each element with its location.
  std::vector<std::pair<YAML::Node, Location>> list(const std::string& key) const;
  [[noreturn]] void missing(const std::string& key) const;

 private:
  struct Entry {
    std::string key;
    YAML::Node value;
    Location key_at;
    Location value_at;
  };
  const Entry* find(const std::string& key) const;

  const Document& doc_;
  Location where_;
  text::Phrase what_;
  std::vector<Entry> entries_;
};

}  // namespace sosei::config::detail
