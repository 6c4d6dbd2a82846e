// The evaluation of a hub's cities (`sosei hub evaluate`, docs/hub.md "Mergers"): each city with a
// `config:` in the hub file graded as its own `sosei evaluate` grades it — its strategy, grading
// scheme and calendar — on its own rows continued before its merger from its predecessors' rows
// (app/merged_history.hpp). A city's own `sosei evaluate` on its own file knows no hub and so no
// predecessors; saved here, the evaluation the hub summary shows is the continued one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/environment.hpp"
#include "app/hub_summary.hpp"
#include "config/hub.hpp"
#include "evaluate/evaluation.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

enum class HubEvaluationState {
  Evaluated,    // graded (and saved when asked)
  NoConfig,     // the hub file gives the city no `config:`: nothing says what its strategy is
  NoDatabase,   // its store does not exist
  Refused,      // the as-of date or the scheme is not one the city has (`problem` says why)
  Unreachable,  // its store or a predecessor's failed (`problem` says why)
};
std::string to_string(HubEvaluationState);  // "evaluated", "no_config", "no_database", "refused", "unreachable"

struct HubCityEvaluation {
  const config::HubCity* city = nullptr;
  HubEvaluationState state = HubEvaluationState::NoConfig;
  text::Phrase problem = {};
  std::optional<evaluate::Evaluation> evaluation = {};
  int inherited = 0;     // values taken from the predecessors' rows
  int64_t saved_id = 0;  // the stored evaluation's id, when saved
};

struct HubEvaluationRequest {
  const config::Hub* hub = nullptr;
  HubScope scope;
  std::string database_override;     // --db: the shared database instead of the hub file's
  std::string as_of;                 // as `sosei evaluate --as-of`, read in each city's calendar; empty: its today
  std::string scheme;                // a scheme of each city's grading folder; empty: each city's default
  bool save = false;                 // store each evaluation in the city's store
  text::Lang lang = text::Lang::Ja;  // the language of the notes on the predecessors' values
};

// Every city of the request's scope, in the hub's order; `cities` are the hub's city environments
// (load_city_pages). Never throws for one city: its row says what went wrong.
std::vector<HubCityEvaluation> evaluate_hub_cities(const HubEvaluationRequest& request,
                                                   const std::map<std::string, std::unique_ptr<Environment>>& cities);

}  // namespace sosei::app
