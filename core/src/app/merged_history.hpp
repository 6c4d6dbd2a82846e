// A merged city's history before its merger (docs/hub.md "Mergers"): the municipalities merged into
// it keep their rows under their own codes, and for a period that began before the merger, that the
// city has no value of its own for, their values of the same series stand for the city's — summed
// (counts, a ratio's numerator and denominator), a level only when one predecessor alone existed
// then. The hub's shared indicators and a city's own pages at the hub both continue a history so.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/period.hpp"
#include "config/hub.hpp"
#include "config/model.hpp"
#include "evaluate/engine.hpp"
#include "store/store.hpp"

namespace sosei::app {

using PeriodNumbers = std::map<Period, double>;  // a series' plain numbers (no dimensions) by period

// One series of a city, with what it inherited.
struct SeriesHistory {
  PeriodNumbers values;  // a sum or a level
  PeriodNumbers numerators;
  PeriodNumbers denominators;
  // The periods filled from the predecessors' rows, with the predecessors' names.
  std::map<Period, std::vector<std::string>> inherited = {};
};

// The predecessors of a city with their stores, opened read-only for their own codes. One whose store
// cannot be opened — its history never reached the hub, or its file or server fails — has no values
// (logged): a value needing it is then not formed, never formed from the others alone.
class Predecessors {
 public:
  Predecessors(const config::HubCity& city, const std::string& shared_database, const Clock* clock);

  // Fills `history`'s periods before the merger that it has no value for (a ratio: no numerator and
  // denominator both) from the predecessors' series `values_series` (a sum or a level) or
  // `numerator` / `denominator` (a ratio).
  void inherit(config::IndicatorAggregate aggregate, const std::string& values_series, const std::string& numerator,
               const std::string& denominator, SeriesHistory& history);

  bool empty() const { return stores_.empty(); }

 private:
  struct Opened {
    const config::Predecessor* predecessor;
    std::unique_ptr<store::Store> store;
  };
  std::vector<Opened> stores_;
};

// The plain numbers of `series` in `store` (values without dimensions).
PeriodNumbers read_numbers(store::Store& store, const std::string& series);

// The day a period begins.
Date start_of(const Period& p);

// A city's own observations, continued before its merger: for each KPI of `strategy` that reports one
// of the hub's shared indicators (the indicator says how its values add up), a value for every period
// the city has none for and its predecessors have, noted 「合併前の 山田市、稲築町 の値」 in `lang`.
// The added observations belong to no run of the city (run 0, source ""). A rate is the predecessors'
// summed numerators over their summed denominators times the indicator's `scale`: the KPI's own values
// must be in the same unit (docs/hub.md). Throws store::StoreError when a predecessor's store fails
// while it is read.
void add_merged_history(const config::Hub& hub, const config::HubCity& city, Predecessors& predecessors,
                        const config::Strategy& strategy, text::Lang lang, evaluate::ObservationsByKpi& observations);

}  // namespace sosei::app
