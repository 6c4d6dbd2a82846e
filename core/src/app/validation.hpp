// The validation use case (`sosei validate`): does the grading folder hold the default scheme and
// does every scheme in it load, does every source's plugin load and accept its settings, and does
// every input file a source names exist?
#pragma once

#include <string>
#include <vector>

#include "app/environment.hpp"
#include "text/lang.hpp"

namespace sosei::app {

// One sentence per problem, naming file:line where the configuration says it; empty when all is well.
// The grading problems are worded in `lang`; the plugins' and sources' in English for now.
std::vector<std::string> configuration_problems(const Environment& env, text::Lang lang = text::Lang::Ja);

}  // namespace sosei::app
