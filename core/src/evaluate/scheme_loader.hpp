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

class UnknownScheme : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sosei::evaluate
