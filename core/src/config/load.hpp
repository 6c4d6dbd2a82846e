// Reading the YAML configuration into the model (model.hpp). Every problem is a ConfigError that
// names the file, line and column and says what to write instead, in Japanese unless the reader
// asked for English ("config/strategy.yaml:15:17: 「unti」はKPIに書けるキーではありません。…").
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "text/phrase.hpp"

namespace sosei::config {

class ConfigError : public std::runtime_error {
 public:
  // A broken configuration cannot tell us its own locale, so what() is in Japanese, the default:
  // "file:line:col: message", or just the message when the line is unknown (a file that cannot be
  // read: its message names the file already). message(lang) is the same in either language.
  ConfigError(Location where, text::Phrase text);
  const Location& where() const { return where_; }
  const text::Phrase& text() const { return text_; }
  std::string message(text::Lang lang) const;

 private:
  Location where_;
  text::Phrase text_;
};

// sosei.yaml with the strategy and sources files it names. Relative paths resolve against the folder
// of `path`; the paths in AppConfig are absolute. Messages show paths as the caller spelled them.
// StrategyOnly: sosei.yaml and the strategy it names, without its sources and rules files — all a hub
// needs to know which of a city's KPIs reports which shared indicator, at a third less of the cost.
enum class ConfigParts { All, StrategyOnly };
AppConfig load_config(const std::string& path, ConfigParts parts = ConfigParts::All);

Strategy load_strategy(const std::string& path);

// A rules file (sosei.yaml `rules:`, docs/quality.md): per series, its data-quality rules.
std::vector<SeriesRules> load_rules(const std::string& path, const Strategy& strategy,
                                    const std::vector<Source>& sources);

// Every KPI a source names must exist in `strategy`.
std::vector<Source> load_sources(const std::string& path, const Strategy& strategy);

}  // namespace sosei::config
