// The hub view as JSON (hub_json.hpp).
#include "present/hub_json.hpp"

namespace sosei::present {
namespace {

using nlohmann::json;

json grades_json(const std::vector<store::GradeTally>& grades) {
  json out = json::array();
  for (const auto& g : grades) out.push_back({{"symbol", g.symbol}, {"label", g.label}, {"count", g.count}});
  return out;
}

}  // namespace

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
  json scope_json{{"kind", scope.kind == app::HubScope::Kind::All          ? "all"
                           : scope.kind == app::HubScope::Kind::Prefecture ? "prefecture"
                           : scope.kind == app::HubScope::Kind::Group      ? "group"
                                                                           : "city"}};
  if (scope.kind == app::HubScope::Kind::Prefecture) scope_json["prefecture"] = scope.prefecture;
  if (scope.kind == app::HubScope::Kind::Group) scope_json["group"] = scope.group;
  if (scope.kind == app::HubScope::Kind::City) scope_json["city"] = scope.city;
  return {{"hub", hub.name},
          {"scope", scope_json},
          {"cities", cities},
          {"totals", grades_json(summary.totals)},
          {"without_evaluation", summary.without_evaluation}};
}

}  // namespace sosei::present
