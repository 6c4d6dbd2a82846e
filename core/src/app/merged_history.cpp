// A merged city's history from its predecessors' rows (merged_history.hpp).
#include "app/merged_history.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "text/hub_messages.hpp"

namespace sosei::app {

Date start_of(const Period& p) {
  switch (p.kind) {
    case PeriodKind::FiscalYear:
      return {p.year, 4, 1};
    case PeriodKind::CalendarYear:
      return {p.year, 1, 1};
    case PeriodKind::Month:
      return {p.year, p.month, 1};
    case PeriodKind::Date:
      return {p.year, p.month, p.day};
  }
  return {p.year, 1, 1};
}

PeriodNumbers read_numbers(store::Store& store, const std::string& series) {
  PeriodNumbers out;
  for (const auto& o : store.values({series, std::nullopt, store::Dimensions{}}))
    if (o.data.value.is_number()) out[o.key.period] = o.data.value.number;
  return out;
}

Predecessors::Predecessors(const config::HubCity& city, const std::string& shared_database, const Clock* clock) {
  for (const auto& p : city.predecessors) {
    store::StoreConfig config;
    config.location = p.database.empty() ? shared_database : p.database;
    config.city = p.code;
    config.read_only = true;
    config.create_if_missing = false;
    config.clock = clock;
    try {
      stores_.push_back({&p, store::open_store(config)});
    } catch (const store::NoDatabase&) {
      stores_.push_back({&p, nullptr});  // its history was never brought to the hub: it has no values
    } catch (const store::StoreError& e) {
      spdlog::warn("the store of {} ({}), merged into {}, cannot be opened: {}", p.code, p.name, city.code, e.what());
      stores_.push_back({&p, nullptr});
    }
  }
}

void Predecessors::inherit(config::IndicatorAggregate aggregate, const std::string& values_series,
                           const std::string& numerator, const std::string& denominator, SeriesHistory& history) {
  using config::IndicatorAggregate;
  struct Part {
    const config::Predecessor* predecessor;
    PeriodNumbers values, numerators, denominators;
  };
  const bool ratio = aggregate == IndicatorAggregate::Ratio;
  std::vector<Part> parts;
  std::set<Period> periods;
  for (auto& p : stores_) {
    Part part{p.predecessor, {}, {}, {}};
    if (p.store) {
      if (ratio) {
        part.numerators = read_numbers(*p.store, numerator);
        part.denominators = read_numbers(*p.store, denominator);
      } else {
        part.values = read_numbers(*p.store, values_series);
      }
    }
    for (const auto& [period, _] : ratio ? part.numerators : part.values) periods.insert(period);
    parts.push_back(std::move(part));
  }
  for (const Period& period : periods) {
    if (ratio ? history.numerators.contains(period) && history.denominators.contains(period)
              : history.values.contains(period))
      continue;
    const Date began = start_of(period);
    std::vector<const Part*> before;  // the predecessors that still existed when the period began
    for (const auto& part : parts)
      if (began < part.predecessor->merged) before.push_back(&part);
    if (before.empty() || (aggregate == IndicatorAggregate::Level && before.size() != 1)) continue;
    double sum = 0, numerators = 0, denominators = 0;
    bool complete = true;
    std::vector<std::string> names;
    for (const Part* part : before) {
      names.push_back(part->predecessor->name);
      if (ratio) {
        const auto n = part->numerators.find(period), d = part->denominators.find(period);
        complete &= n != part->numerators.end() && d != part->denominators.end();
        if (complete) numerators += n->second, denominators += d->second;
      } else {
        const auto v = part->values.find(period);
        complete &= v != part->values.end();
        if (complete) sum += v->second;
      }
    }
    if (!complete) continue;  // a partial sum would understate the area
    if (ratio) {
      history.numerators[period] = numerators;
      history.denominators[period] = denominators;
    } else {
      history.values[period] = sum;
    }
    history.inherited[period] = std::move(names);
  }
}

void add_merged_history(const config::Hub& hub, const config::HubCity& city, Predecessors& predecessors,
                        const config::Strategy& strategy, text::Lang lang, evaluate::ObservationsByKpi& observations) {
  if (city.predecessors.empty()) return;
  const text::HubMessages& m = text::hub_messages(lang);
  // Added once every KPI's history is read: a store failing at the third KPI leaves the city's own
  // rows as they were, never two KPIs continued and the rest not.
  evaluate::ObservationsByKpi added;
  for (const auto& kpi : strategy.kpis) {
    if (!kpi.indicator) continue;
    const config::SharedIndicator* indicator = nullptr;
    for (const auto& i : hub.indicators)
      if (i.id == kpi.indicator->id) indicator = &i;
    if (!indicator) continue;  // the hub's validation names it; nothing says how its values add up
    const bool ratio = indicator->aggregate == config::IndicatorAggregate::Ratio;
    if (ratio && kpi.indicator->numerator.empty()) continue;
    // Any value of its own for a period, in any breakdown, keeps the predecessors' out of it.
    SeriesHistory history;
    static const evaluate::ObservationsByKpi::mapped_type kNone;
    const auto found = observations.find(kpi.id);
    for (const auto& o : found == observations.end() ? kNone : found->second) {
      history.values[o.key.period] = 0;
      history.numerators[o.key.period] = 0;
      history.denominators[o.key.period] = 0;
    }
    predecessors.inherit(indicator->aggregate, kpi.id, kpi.indicator->numerator, kpi.indicator->denominator, history);
    for (const auto& [period, names] : history.inherited) {
      double value = 0;
      if (ratio) {
        const double d = history.denominators.at(period);
        if (d == 0) continue;  // no rate
        value = history.numerators.at(period) / d * indicator->scale;
      } else {
        value = history.values.at(period);
      }
      std::string joined;
      for (const auto& n : names) joined += (joined.empty() ? "" : m.list_separator) + n;
      store::StoredObservation o;
      o.key = {kpi.id, period, {}};
      o.data.value = Value::of(value);
      o.data.note = text::say(lang, &text::HubMessages::from_predecessors, joined);
      added[kpi.id].push_back(std::move(o));
    }
  }
  for (auto& [kpi, rows] : added) {
    auto& own = observations[kpi];
    own.insert(own.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
}

}  // namespace sosei::app
