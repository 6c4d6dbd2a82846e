// JSON forms of store records, shared by the CLI's --json output and the web API (`sosei serve`):
// stable interfaces, so keys are added, never renamed.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::present {

nlohmann::json to_json(const store::RunRecord& r, bool with_rejections);
nlohmann::json to_json(const Value& v);  // the number, or the status name ("not_carried_out")
nlohmann::json to_json(const store::StoredObservation& o);
// A data-quality flag with the department it belongs to (docs/quality.md).
nlohmann::json to_json(const store::QualityFlag& f, const std::string& department);

}  // namespace sosei::present
