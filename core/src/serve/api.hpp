// The JSON API's documents (docs/serve.md lists every key; add keys, never rename them). Each takes
// the request's path parameter and query, and throws HttpError for a 400 or 404.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "serve/live_data.hpp"

namespace sosei::serve {

nlohmann::json kpis_document(LiveData& live);                                                       // /api/kpis
nlohmann::json kpi_document(LiveData& live, const std::string& id, const Params& params);           // /api/kpis/{id}
nlohmann::json observations_document(LiveData& live, const std::string& id, const Params& params);  // …/observations
nlohmann::json evaluation_document(LiveData& live, const Params& params);                           // /api/evaluation
nlohmann::json runs_document(LiveData& live, const Params& params);                                 // /api/runs
nlohmann::json run_document(LiveData& live, const std::string& id);                                 // /api/runs/{id}
nlohmann::json status_document(LiveData& live, const Params& params);                               // /api/status

}  // namespace sosei::serve
