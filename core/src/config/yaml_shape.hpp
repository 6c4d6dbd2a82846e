// Internal to the config concern: the YAML shapes a configuration file never has, refused at their
// place before yaml-cpp builds the nodes the loaders walk — a second document, a tag (!!binary,
// !foo), nesting deeper than any configuration goes, and aliases that contain themselves or stand
// for more values than a file could hold (an alias bomb). docs/config.md lists them.
#pragma once

#include <cstdint>
#include <string>

namespace sosei::config::detail {

class Document;

// The deepest nesting of maps and lists allowed. The deepest configuration, a KPI's combine labels in
// strategy.yaml, is 11 levels deep; 24 leaves room and still names a runaway bracket at its place.
inline constexpr int kMaxNesting = 24;
// How many values aliases (*name) may stand for in one file, counted as if each were written out.
inline constexpr std::uint64_t kMaxAliasedValues = 100000;

// Throws ConfigError at the place of the first problem, located through `doc`.
void check_yaml_shape(const std::string& text, const Document& doc);

}  // namespace sosei::config::detail
