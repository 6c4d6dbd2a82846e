// JSON forms of store records, shared by the CLI's --json output and the web API (`sosei serve`):
// stable interfaces, so keys are added, never renamed.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::present {

nlohmann::json to_json(const store::RunRecord& r, bool with_rejections);
nlohmann::json to_json(const Value& v);  // the number, or the status name ("not_carried_out")
nlohmann::json to_json(const store::StoredObservation& o);

}  // namespace sosei::present
