// The hub view as JSON (hub_json.hpp).
#include "present/hub_json.hpp"

#include "present/evaluation_json.hpp"

namespace sosei::present {
namespace {

using nlohmann::json;

json grades_json(const std::vector<store::GradeTally>& grades) {
  json out = json::array();
  for (const auto& g : grades) out.push_back({{"symbol", g.symbol}, {"label", g.label}, {"count", g.count}});
  return out;
}

json scope_json(const app::HubScope& scope) {
  json out{{"kind", scope.kind == app::HubScope::Kind::All          ? "all"
                    : scope.kind == app::HubScope::Kind::Prefecture ? "prefecture"
                    : scope.kind == app::HubScope::Kind::Group      ? "group"
                                                                    : "city"}};
  if (scope.kind == app::HubScope::Kind::Prefecture) out["prefecture"] = scope.prefecture;
  if (scope.kind == app::HubScope::Kind::Group) out["group"] = scope.group;
  if (scope.kind == app::HubScope::Kind::City) out["city"] = scope.city;
  return out;
}

json number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json total_json(const app::IndicatorTotal& t) {
  return {{"value", number(t.value)},
          {"numerator", number(t.numerator)},
          {"denominator", number(t.denominator)},
          {"with_value", t.with_value},
          {"without", t.without}};
}

}  // namespace

nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope,
                       const std::vector<app::IndicatorView>& indicators) {
  json list = json::array();
  for (const auto& view : indicators) {
    const config::SharedIndicator& i = *view.indicator;
    json cities = json::array();
    for (const auto& c : view.cities) {
      json city{{"code", c.code},
                {"name", c.name},
                {"prefecture", c.prefecture},
                {"state", app::to_string(c.state)},
                {"kpi", c.kpi.empty() ? json(nullptr) : json(c.kpi)},
                {"value", number(c.value)},
                {"numerator", number(c.numerator)},
                {"denominator", number(c.denominator)},
                {"from_predecessors", c.from_predecessors}};
      if (c.problem) city["problem"] = c.problem(text::Locale{text::Lang::En, text::YearStyle::Western});
      cities.push_back(std::move(city));
    }
    json prefectures = json::array();
    for (const auto& p : view.prefectures) {
      json row = total_json(p);
      row["prefecture"] = p.prefecture;
      prefectures.push_back(std::move(row));
    }
    list.push_back({{"id", i.id},
                    {"name", i.name},
                    {"name_en", i.name_en},
                    {"unit", i.unit},
                    {"direction", i.direction == config::Direction::HigherIsBetter ? "higher" : "lower"},
                    {"aggregate", config::to_string(i.aggregate)},
                    {"scale", i.scale},
                    {"period", view.period ? json(view.period->str()) : json(nullptr)},
                    {"cities", std::move(cities)},
                    {"prefectures", std::move(prefectures)},
                    {"total", total_json(view.total)}});
  }
  return {{"hub", hub.name}, {"scope", scope_json(scope)}, {"indicators", std::move(list)}};
}

nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope, const app::HubSummary& summary) {
  json cities = json::array();
  for (const auto& c : summary.cities) {
    json city{{"code", c.code},
              {"name", c.name},
              {"prefecture", std::string(c.prefecture.code)},
              {"state", app::to_string(c.state)},
              {"open_flags", c.open_flags},
              {"stopped_sources", c.stopped_sources},
              {"failing_sources", c.failing_sources}};
    if (c.state == app::CityState::Evaluated)
      city["evaluation"] = {{"id", c.evaluation_id},
                            {"as_of", c.as_of},
                            {"scheme", c.scheme},
                            {"stale", c.stale},
                            {"grades", grades_json(c.grades)},
                            {"counted", c.counted},
                            {"with_value", c.with_value},
                            {"best_grade", c.best_grade}};
    else
      city["evaluation"] = nullptr;
    if (c.state == app::CityState::Unreachable) city["problem"] = c.problem;
    cities.push_back(city);
  }
  return {{"hub", hub.name},
          {"scope", scope_json(scope)},
          {"cities", cities},
          {"totals", grades_json(summary.totals)},
          {"without_evaluation", summary.without_evaluation}};
}

nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope,
                       const std::vector<app::HubCityEvaluation>& evaluations, text::Lang lang) {
  json cities = json::array();
  for (const auto& e : evaluations) {
    json city{{"code", e.city->code},
              {"name", e.city->name},
              {"state", app::to_string(e.state)},
              {"evaluation", e.evaluation ? to_json(*e.evaluation) : json(nullptr)},
              {"from_predecessors", e.inherited}};
    if (e.problem) city["problem"] = e.problem(text::Locale{lang, text::YearStyle::Western});
    if (e.saved_id != 0) city["evaluation_id"] = e.saved_id;
    cities.push_back(std::move(city));
  }
  return {{"hub", hub.name}, {"scope", scope_json(scope)}, {"cities", cities}};
}

}  // namespace sosei::present
