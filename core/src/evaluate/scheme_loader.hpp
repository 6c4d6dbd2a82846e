// Reading grading schemes from the grading folder. Problems are config::ConfigError with the file,
// line and column, as for the rest of the configuration.
#pragma once

#include <string>
#include <vector>

#include "config/load.hpp"
#include "evaluate/scheme.hpp"

namespace sosei::evaluate {

// One scheme file; its name is the file's stem.
GradingScheme load_scheme(const std::string& path);

// NAME.yaml in `dir`. A name with no file throws UnknownScheme listing the schemes that exist.
GradingScheme load_scheme_named(const std::string& dir, const std::string& name);

// Stems of the *.yaml files in `dir`, sorted.
std::vector<std::string> scheme_names(const std::string& dir);

// A name with no file in the folder: a configuration error without a line, worded in the reader's
// language like every other (the CLI exits 2 with it).
class UnknownScheme : public config::ConfigError {
 public:
  explicit UnknownScheme(text::Phrase text) : config::ConfigError({}, std::move(text)) {}
};

}  // namespace sosei::evaluate
