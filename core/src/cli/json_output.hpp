// JSON forms of store records shared by several commands (--json output is a stable interface).
// They live in the store concern (store/record_json.hpp) because the web API prints the same.
#pragma once

#include "store/record_json.hpp"

namespace sosei::cli {

using store::to_json;

}  // namespace sosei::cli
