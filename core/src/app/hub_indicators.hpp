// The hub's shared indicators (`sosei hub indicators`, docs/hub.md "Shared indicators"): for each
// indicator the hub defines, every city in scope with its value for one period, then the sums up the
// hierarchy — per prefecture and over the scope. Counts add; rates add their numerators and
// denominators and divide (never a mean of the cities' percentages); levels are shown per city only.
// A city without a value is named, never silently left out. Which of its KPIs reports an indicator,
// a city says in its own strategy (`indicator:`), read from the hub's copy of it (`config:`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/hub_summary.hpp"
#include "common/clock.hpp"
#include "common/period.hpp"
#include "config/hub.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

enum class IndicatorState {
  Value,            // has the indicator's value for the period
  NoValue,          // reports the indicator, but has no value (or a zero denominator) for the period
  NotReported,      // its strategy has no KPI naming the indicator
  NeedsParts,       // its KPI reports a ratio indicator without naming its numerator and denominator
  NoConfiguration,  // the hub file gives no `config:` for it: the hub cannot know its KPIs
  NoDatabase,       // its own database does not exist
  Unreadable,       // its configuration or store could not be read (problem says why)
};
std::string to_string(IndicatorState);  // "value", "no_value", "not_reported", "no_configuration", …

struct IndicatorCityValue {
  std::string code;
  std::string name;
  std::string prefecture;  // two digits
  IndicatorState state = IndicatorState::NoValue;
  std::string kpi;  // the city's KPI reporting it
  std::optional<double> value;
  std::optional<double> numerator;  // ratio indicators
  std::optional<double> denominator;
  text::Phrase problem;  // Unreadable: why
  // A period before a merger: the predecessors whose rows make the value (docs/hub.md, "Mergers").
  std::vector<std::string> from_predecessors = {};
};

// An indicator summed over some cities: a prefecture's, or the whole scope's.
struct IndicatorTotal {
  std::string prefecture;  // two digits; empty for the scope's total
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  int with_value = 0;
  std::vector<std::string> without;  // names of the cities in it without a value, in the hub's order
};

struct IndicatorView {
  const config::SharedIndicator* indicator = nullptr;
  std::optional<Period> period;            // asked for, else the latest any city in scope has; none: no city has one
  std::vector<IndicatorCityValue> cities;  // in the hub's order
  // Per prefecture in code order (sum and ratio indicators only: a level does not add up), and the
  // scope's total (for a level only the cities with and without a value).
  std::vector<IndicatorTotal> prefectures;
  IndicatorTotal total;
};

struct HubIndicatorsRequest {
  const config::Hub* hub = nullptr;
  HubScope scope;
  std::string database_override;  // --db: the shared database instead of the hub file's
  std::string indicator;          // one indicator's id; empty: all
  std::optional<Period> period;   // empty: each indicator's latest
  const Clock* clock = nullptr;
};

// Every indicator asked for (an unknown id: HubRequestError naming those there are). Never throws for
// one city: its row says what went wrong.
std::vector<IndicatorView> hub_indicators(const HubIndicatorsRequest& request);

}  // namespace sosei::app
