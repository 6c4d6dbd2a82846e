// JSON forms of store records shared by several commands (--json output is a stable interface).
// They live in present/ because the web API prints the same.
#pragma once

#include "present/record_json.hpp"

namespace sosei::cli {

using present::to_json;

}  // namespace sosei::cli
