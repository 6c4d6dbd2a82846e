// The hub's shared indicators per city and summed up the hierarchy (hub_indicators.hpp).
#include "app/hub_indicators.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <set>

#include "app/environment.hpp"
#include "app/merged_history.hpp"
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

// Everything a city reports for the indicators asked: from its configuration (which KPI names which
// indicator) and its store, opened for the city alone and read only.
std::map<std::string, Reported> read_city(const HubIndicatorsRequest& request, const config::HubCity& city,
                                          const std::vector<const config::SharedIndicator*>& indicators) {
  std::map<std::string, Reported> out;
  const auto every = [&](IndicatorState state, const text::Phrase& problem = {}) {
    for (const auto* i : indicators) out[i->id] = {state, "", {}, problem};
    return out;
  };
  if (city.config.empty()) return every(IndicatorState::NoConfiguration);
  const config::Hub& hub = *request.hub;
  const std::string location =
      hub.location_of(city, request.database_override.empty() ? hub.database : request.database_override);
  try {
    const Environment env(
        EnvironmentOptions{.config_path = city.config, .database_override = location, .clock = request.clock});
    const auto& code = env.config().strategy.city_code;
    if (code && code->digits() != city.code)
      return every(IndicatorState::Unreadable, text::phrase(&text::HubMessages::city_config_other, city.code, city.name,
                                                            city.config, code->digits()));
    store::StoreConfig config;
    config.location = location;
    config.city = city.code;
    config.read_only = true;
    config.create_if_missing = false;
    config.clock = request.clock;
    const auto store = store::open_store(config);
    Predecessors predecessors(city, request.database_override.empty() ? hub.database : request.database_override,
                              request.clock);
    for (const auto* indicator : indicators) {
      Reported& r = out[indicator->id];
      const auto& kpis = env.config().strategy.kpis;
      const auto kpi = std::find_if(kpis.begin(), kpis.end(), [&](const config::Kpi& k) {
        return k.indicator && k.indicator->id == indicator->id;
      });
      if (kpi == kpis.end()) continue;  // NotReported
      r.kpi = kpi->id;
      r.state = IndicatorState::NoValue;
      if (indicator->aggregate == IndicatorAggregate::Ratio) {
        if (kpi->indicator->numerator.empty()) {
          r.state = IndicatorState::NeedsParts;
          continue;
        }
        r.series.numerators = read_numbers(*store, kpi->indicator->numerator);
        r.series.denominators = read_numbers(*store, kpi->indicator->denominator);
      } else {
        r.series.values = read_numbers(*store, kpi->id);
      }
      predecessors.inherit(indicator->aggregate, kpi->id, kpi->indicator->numerator, kpi->indicator->denominator,
                           r.series);
    }
  } catch (const store::NoDatabase&) {
    return every(IndicatorState::NoDatabase);
  } catch (const std::exception& e) {
    return every(IndicatorState::Unreadable, text::verbatim(e.what()));
  }
  return out;
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
  std::vector<std::map<std::string, Reported>> reported;
  reported.reserve(cities.size());
  for (const auto* city : cities) reported.push_back(read_city(request, *city, indicators));

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
