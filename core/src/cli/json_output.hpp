// JSON forms of store records shared by several commands (--json output is a stable interface).
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::cli {

nlohmann::json to_json(const store::RunRecord& r, bool with_rejections);
nlohmann::json to_json(const Value& v);
nlohmann::json to_json(const store::StoredObservation& o);

}  // namespace sosei::cli
