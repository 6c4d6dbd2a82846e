// The evaluation of a hub's cities (`sosei hub evaluate`, docs/hub.md "Mergers"): each city with a
// `config:` in the hub file graded as its own `sosei evaluate` grades it — its strategy, grading
// scheme and calendar — on its own rows continued before its merger from its predecessors' rows
// (app/merged_history.hpp). A city's own `sosei evaluate` on its own file knows no hub and so no
// predecessors; saved here, the evaluation the hub summary shows is the continued one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/hub_summary.hpp"
#include "common/clock.hpp"
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
  int inherited = 0;     // values from the predecessors' rows that the evaluation used
  int64_t saved_id = 0;  // the stored evaluation's id, when saved

  // As the hub summary counts a saved evaluation: the KPIs in the rollups, and those with a number.
  int counted() const;
  int with_value() const;
};

struct HubEvaluationRequest {
  const config::Hub* hub = nullptr;
  HubScope scope;
  std::string database_override;     // --db: the shared database instead of the hub file's
  std::optional<Date> as_of;         // explicit_as_of(--as-of); none: each city's today, in its time zone
  std::string scheme;                // a scheme of each city's grading folder; empty: each city's default
  bool save = false;                 // store each evaluation in the city's store
  text::Lang lang = text::Lang::Ja;  // the language of the notes on the predecessors' values
};

// Every city of the request's scope, in the hub's order, each read from its `config:`
// (load_city_page). Never throws for one city: a configuration that cannot be read, a store that
// fails, a scheme the city lacks are its row's state, and the other cities are evaluated.
std::vector<HubCityEvaluation> evaluate_hub_cities(const HubEvaluationRequest& request, const Clock* clock = nullptr);

}  // namespace sosei::app
