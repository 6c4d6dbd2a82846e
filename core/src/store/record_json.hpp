// JSON forms of store records, shared by the CLI's --json output and the web API (`sosei serve`):
// stable interfaces, so keys are added, never renamed.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::store {

nlohmann::json to_json(const RunRecord& r, bool with_rejections);
nlohmann::json to_json(const Value& v);  // the number, or the status name ("not_carried_out")
nlohmann::json to_json(const StoredObservation& o);

}  // namespace sosei::store
