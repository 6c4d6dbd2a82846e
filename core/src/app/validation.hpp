// The validation use case (`sosei validate`): does every source's plugin load and accept its
// settings, and does every input file a source names exist?
#pragma once

#include <string>
#include <vector>

#include "app/environment.hpp"

namespace sosei::app {

// One sentence per problem, naming file:line where the configuration says it; empty when all is well.
std::vector<std::string> configuration_problems(const Environment& env);

}  // namespace sosei::app
