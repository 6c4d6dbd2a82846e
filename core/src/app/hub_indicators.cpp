// The hub's shared indicators per city and summed up the hierarchy (hub_indicators.hpp).
#include "app/hub_indicators.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <thread>

#include "app/merged_history.hpp"
#include "config/load.hpp"
#include "store/store.hpp"
#include "text/hub_messages.hpp"

namespace sosei::app {
namespace {

using config::IndicatorAggregate;

// What one city reported for one indicator, before a period is chosen.
struct Reported {
  IndicatorState state = IndicatorState::NotReported;
  std::string kpi;
  SeriesHistory series;  // sum and level: the KPI's own values; ratio: its numerators and denominators
  text::Phrase problem;
};

// Whether `a` ends after `b` (a fiscal year ends in March, a calendar year in December); of two that end
// on the same day, the longer. Periods of different kinds compare by their end, never by kind.
bool later(const Period& a, const Period& b) {
  const Date ea = end_of(a), eb = end_of(b);
  if (ea != eb) return ea > eb;
  return static_cast<int>(a.kind) < static_cast<int>(b.kind);
}

// A city's strategy as the hub's copy of its configuration (`config:`) gives it, or why there is none.
struct CityStrategy {
  IndicatorState state = IndicatorState::NotReported;  // NoConfiguration, Unreadable, else read
  config::Strategy strategy;
  text::Phrase problem;
};

CityStrategy read_strategy(const config::HubCity& city) {
  if (city.config.empty()) return {IndicatorState::NoConfiguration, {}, {}};
  try {
    config::AppConfig app = config::load_config(city.config, config::ConfigParts::StrategyOnly);
    const auto& code = app.strategy.city_code;
    if (code && code->digits() != city.code)
      return {IndicatorState::Unreadable,
              {},
              text::phrase(&text::HubMessages::city_config_other, city.code, city.name, city.config, code->digits())};
    return {IndicatorState::NotReported, std::move(app.strategy), {}};
  } catch (const std::exception& e) {
    return {IndicatorState::Unreadable, {}, text::verbatim(e.what())};
  }
}

// Every city's strategy, read on all cores: at a national scale (1,741 cities) parsing their YAML is
// most of the work, and each file is independent of the others.
std::vector<CityStrategy> read_strategies(const std::vector<const config::HubCity*>& cities) {
  std::vector<CityStrategy> out(cities.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < cities.size(); i = next++) out[i] = read_strategy(*cities[i]);
  };
  const std::size_t threads =
      std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, cities.size()});
  {
    std::vector<std::jthread> pool;
    try {
      for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {
      // No more threads to be had (a container's limit): the ones started and this one do the rest.
    }
    work();
  }  // every worker joined before `out` is returned
  return out;
}

// The KPI of `strategy` that reports `indicator`, or none.
const config::Kpi* reporting_kpi(const config::Strategy& strategy, const config::SharedIndicator& indicator) {
  const auto kpi = std::find_if(strategy.kpis.begin(), strategy.kpis.end(),
                                [&](const config::Kpi& k) { return k.indicator && k.indicator->id == indicator.id; });
  return kpi == strategy.kpis.end() ? nullptr : &*kpi;
}

// The series a city's KPI reports an indicator with: its own values, or a ratio's two parts.
std::vector<std::string> series_of(const config::Kpi& kpi, const config::SharedIndicator& indicator) {
  if (indicator.aggregate != IndicatorAggregate::Ratio) return {kpi.id};
  if (kpi.indicator->numerator.empty()) return {};
  return {kpi.indicator->numerator, kpi.indicator->denominator};
}

// Everything the cities at one location report for the indicators asked, read through one store: a
// single city's own file, or a shared database as a reader of exactly these cities (row-level security
// shows it those and nothing else), in one statement however many they are — as the summary reads.
void read_location(const HubIndicatorsRequest& request, const std::string& shared, const std::string& location,
                   const std::vector<std::size_t>& members, const std::vector<const config::HubCity*>& cities,
                   const std::vector<CityStrategy>& strategies,
                   const std::vector<const config::SharedIndicator*>& indicators,
                   std::vector<std::map<std::string, Reported>>& reported) {
  const auto every = [&](IndicatorState state, const text::Phrase& problem = {}) {
    for (const std::size_t c : members)
      for (const auto* i : indicators) reported[c][i->id] = {state, "", {}, problem};
  };
  std::set<std::string> series;
  for (const std::size_t c : members)
    for (const auto* indicator : indicators)
      if (const auto* kpi = reporting_kpi(strategies[c].strategy, *indicator))
        for (auto& name : series_of(*kpi, *indicator)) series.insert(std::move(name));
  std::map<std::string, store::SeriesNumbers> numbers;
  try {
    std::vector<std::string> codes;
    for (const std::size_t c : members) codes.push_back(cities[c]->code);
    store::StoreConfig config = hub_reader_config(location, codes);
    config.clock = request.clock;
    numbers = store::open_store(config)->city_numbers(series);
  } catch (const store::NoDatabase&) {
    return every(IndicatorState::NoDatabase);
  } catch (const std::exception& e) {
    return every(IndicatorState::Unreadable, text::verbatim(e.what()));
  }
  for (const std::size_t c : members) {
    const config::HubCity& city = *cities[c];
    // A single city's own file holds it as city "" (a SQLite store ignores the code).
    auto found = numbers.find(city.code);
    if (found == numbers.end() && members.size() == 1) found = numbers.find("");
    static const store::SeriesNumbers kNone;
    const store::SeriesNumbers& own = found == numbers.end() ? kNone : found->second;
    const auto numbers_of = [&own](const std::string& name) {
      const auto n = own.find(name);
      return n == own.end() ? PeriodNumbers{} : n->second;
    };
    try {
      Predecessors predecessors(city, shared, request.clock);
      for (const auto* indicator : indicators) {
        Reported& r = reported[c][indicator->id];
        const auto* kpi = reporting_kpi(strategies[c].strategy, *indicator);
        if (!kpi) continue;  // NotReported
        r.kpi = kpi->id;
        r.state = IndicatorState::NoValue;
        if (indicator->aggregate == IndicatorAggregate::Ratio) {
          if (kpi->indicator->numerator.empty()) {
            r.state = IndicatorState::NeedsParts;
            continue;
          }
          r.series.numerators = numbers_of(kpi->indicator->numerator);
          r.series.denominators = numbers_of(kpi->indicator->denominator);
        } else {
          r.series.values = numbers_of(kpi->id);
        }
        predecessors.inherit(indicator->aggregate, kpi->id, kpi->indicator->numerator, kpi->indicator->denominator,
                             r.series);
      }
    } catch (const std::exception& e) {  // a merged municipality's store that fails mid-read: this city only
      for (const auto* i : indicators)
        reported[c][i->id] = {IndicatorState::Unreadable, "", {}, text::verbatim(e.what())};
    }
  }
}

// What every city in scope reports for the indicators asked, in the scope's order.
std::vector<std::map<std::string, Reported>> read_cities(
    const HubIndicatorsRequest& request, const std::vector<const config::HubCity*>& cities,
    const std::vector<const config::SharedIndicator*>& indicators) {
  const std::vector<CityStrategy> strategies = read_strategies(cities);
  std::vector<std::map<std::string, Reported>> reported(cities.size());
  const config::Hub& hub = *request.hub;
  const std::string shared = request.database_override.empty() ? hub.database : request.database_override;
  std::map<std::string, std::vector<std::size_t>> by_location;  // the cities whose strategy was read
  for (std::size_t c = 0; c < cities.size(); ++c) {
    if (strategies[c].state != IndicatorState::NotReported) {
      for (const auto* i : indicators) reported[c][i->id] = {strategies[c].state, "", {}, strategies[c].problem};
      continue;
    }
    by_location[hub.location_of(*cities[c], shared)].push_back(c);
  }
  for (const auto& [location, members] : by_location)
    read_location(request, shared, location, members, cities, strategies, indicators, reported);
  return reported;
}

// The periods a city has a value for: a ratio's where both parts are there.
std::vector<Period> periods_of(const Reported& r) {
  std::vector<Period> out;
  for (const auto& [p, _] : r.series.values) out.push_back(p);
  for (const auto& [p, _] : r.series.numerators)
    if (r.series.denominators.contains(p)) out.push_back(p);
  return out;
}

IndicatorCityValue value_of(const config::SharedIndicator& indicator, const config::HubCity& city, const Reported& r,
                            const std::optional<Period>& period) {
  IndicatorCityValue v{city.code, city.name, city.code.substr(0, 2), r.state, r.kpi, {}, {}, {}, r.problem, {}};
  if (r.state != IndicatorState::NoValue || !period) return v;
  const SeriesHistory& s = r.series;
  if (auto found = s.inherited.find(*period); found != s.inherited.end()) v.from_predecessors = found->second;
  if (indicator.aggregate == IndicatorAggregate::Ratio) {
    const auto n = s.numerators.find(*period), d = s.denominators.find(*period);
    if (n == s.numerators.end() || d == s.denominators.end()) return v;
    v.numerator = n->second;
    v.denominator = d->second;
    if (d->second == 0) return v;  // no rate, and nothing a total could use
    v.value = n->second / d->second * indicator.scale;
  } else {
    const auto found = s.values.find(*period);
    if (found == s.values.end()) return v;
    v.value = found->second;
  }
  v.state = IndicatorState::Value;
  return v;
}

void add_to(IndicatorTotal& total, const IndicatorCityValue& city, const config::SharedIndicator& indicator) {
  if (city.state != IndicatorState::Value) {
    total.without.push_back(city.name);
    return;
  }
  ++total.with_value;
  switch (indicator.aggregate) {
    case IndicatorAggregate::Sum:
      total.value = total.value.value_or(0) + *city.value;
      break;
    case IndicatorAggregate::Ratio:
      total.numerator = total.numerator.value_or(0) + *city.numerator;
      total.denominator = total.denominator.value_or(0) + *city.denominator;
      total.value = *total.denominator != 0 ? std::optional(*total.numerator / *total.denominator * indicator.scale)
                                            : std::nullopt;
      break;
    case IndicatorAggregate::Level:
      break;  // a level does not add up
  }
}

}  // namespace

std::string to_string(IndicatorState s) {
  switch (s) {
    case IndicatorState::Value:
      return "value";
    case IndicatorState::NoValue:
      return "no_value";
    case IndicatorState::NotReported:
      return "not_reported";
    case IndicatorState::NeedsParts:
      return "needs_parts";
    case IndicatorState::NoConfiguration:
      return "no_configuration";
    case IndicatorState::NoDatabase:
      return "no_database";
    case IndicatorState::Unreadable:
      return "unreadable";
  }
  return "unreadable";
}

std::vector<IndicatorView> hub_indicators(const HubIndicatorsRequest& request) {
  const config::Hub& hub = *request.hub;
  std::vector<const config::SharedIndicator*> indicators;
  for (const auto& i : hub.indicators)
    if (request.indicator.empty() || i.id == request.indicator) indicators.push_back(&i);
  if (!request.indicator.empty() && indicators.empty()) {
    std::string there;
    for (const auto& i : hub.indicators) there += (there.empty() ? "" : ", ") + i.id;
    throw HubRequestError(text::phrase(&text::HubMessages::unknown_indicator, request.indicator,
                                       there.empty() ? std::string("-") : there));
  }

  const auto cities = cities_in_scope(hub, request.scope);
  const auto reported = read_cities(request, cities, indicators);

  std::vector<IndicatorView> views;
  for (const auto* indicator : indicators) {
    IndicatorView view;
    view.indicator = indicator;
    view.period = request.period;
    if (!view.period)
      for (const auto& r : reported)
        for (const auto& p : periods_of(r.at(indicator->id)))
          if (!view.period || later(p, *view.period)) view.period = p;
    std::map<std::string, IndicatorTotal> prefectures;
    IndicatorTotal total;
    for (std::size_t c = 0; c < cities.size(); ++c) {
      view.cities.push_back(value_of(*indicator, *cities[c], reported[c].at(indicator->id), view.period));
      const auto& row = view.cities.back();
      IndicatorTotal& prefecture = prefectures[row.prefecture];
      prefecture.prefecture = row.prefecture;
      add_to(prefecture, row, *indicator);
      add_to(total, row, *indicator);
    }
    if (indicator->aggregate != IndicatorAggregate::Level)
      for (auto& [_, p] : prefectures) view.prefectures.push_back(std::move(p));
    view.total = std::move(total);
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace sosei::app
