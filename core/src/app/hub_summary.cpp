// The hub's view of its cities (hub_summary.hpp).
#include "app/hub_summary.hpp"

#include <algorithm>
#include <exception>
#include <map>

#include "text/hub_messages.hpp"

namespace sosei::app {
namespace {

// What a city's store says about it, as the summary's row.
void fill_from(CitySummary& out, const store::CityGlance& g) {
  if (g.latest) {
    out.state = CityState::Evaluated;
    out.evaluation_id = g.latest->id;
    out.as_of = g.latest->as_of;
    out.scheme = g.latest->scheme;
    out.stale = g.latest->stale;
    out.grades = g.latest->grades;
  }
  out.counted = g.counted;
  out.with_value = g.with_value;
  out.best_grade = g.best_grade;
  out.open_flags = g.open_flags;
  out.stopped_sources = g.stopped_sources;
  out.failing_sources = g.failing_sources;
}

// The cities whose data are at one location, read through one store: a single city's file for
// itself, a shared database as a reader of exactly these cities (row-level security shows it those
// and nothing else), in one pass however many they are.
void read_location(const HubSummaryRequest& request, const std::string& location,
                   const std::vector<const config::HubCity*>& cities, std::map<std::string, CitySummary>& rows) {
  std::vector<std::string> codes;
  for (const auto* c : cities) codes.push_back(c->code);
  store::StoreConfig config = hub_reader_config(location, codes);
  config.lock_wait = request.lock_wait;
  std::vector<store::CityGlance> glances;
  try {
    glances = store::open_store(config)->city_glances();
  } catch (const store::NoDatabase&) {
    for (const auto* c : cities) rows[c->code].state = CityState::NoDatabase;
    return;
  } catch (const std::exception& e) {
    for (const auto* c : cities) {
      rows[c->code].state = CityState::Unreachable;
      rows[c->code].problem = e.what();
    }
    return;
  }
  for (const auto* c : cities) {
    auto found = std::find_if(glances.begin(), glances.end(), [c](const auto& g) { return g.city == c->code; });
    // A single city's own file holds it as city "" (a SQLite store ignores the code).
    if (found == glances.end() && cities.size() == 1 && glances.size() == 1 && glances.front().city.empty())
      found = glances.begin();
    if (found != glances.end()) fill_from(rows[c->code], *found);
  }
}

void add_to_totals(std::vector<store::GradeTally>& totals, const std::vector<store::GradeTally>& grades) {
  for (const auto& g : grades) {
    auto it = std::find_if(totals.begin(), totals.end(), [&g](const auto& t) { return t.symbol == g.symbol; });
    if (it == totals.end())
      totals.push_back(g);
    else
      it->count += g.count;
  }
}

void sort_cities(std::vector<CitySummary>& cities, HubSort sort) {
  auto by_code = [](const CitySummary& a, const CitySummary& b) { return a.code < b.code; };
  switch (sort) {
    case HubSort::Code:
      std::stable_sort(cities.begin(), cities.end(), by_code);
      break;
    case HubSort::Name:
      std::stable_sort(cities.begin(), cities.end(),
                       [](const CitySummary& a, const CitySummary& b) { return a.name < b.name; });
      break;
    case HubSort::BestShare:
      // Highest share first; cities without an evaluation last, by code.
      std::stable_sort(cities.begin(), cities.end(), [&by_code](const CitySummary& a, const CitySummary& b) {
        const auto x = a.best_share(), y = b.best_share();
        if (x.has_value() != y.has_value()) return x.has_value();
        if (x && *x != *y) return *x > *y;
        return by_code(a, b);
      });
      break;
    case HubSort::Missing:
      // The cities that need chasing first: no evaluation at all, then the most KPIs without a value.
      std::stable_sort(cities.begin(), cities.end(), [&by_code](const CitySummary& a, const CitySummary& b) {
        const bool ea = a.state == CityState::Evaluated, eb = b.state == CityState::Evaluated;
        if (ea != eb) return !ea;
        const int ma = a.counted - a.with_value, mb = b.counted - b.with_value;
        if (ma != mb) return ma > mb;
        return by_code(a, b);
      });
      break;
  }
}

}  // namespace

HubRequestError::HubRequestError(text::Phrase text)
    : std::runtime_error(text(text::Locale{text::Lang::Ja, text::YearStyle::Era})), text_(std::move(text)) {}

store::StoreConfig hub_reader_config(const std::string& location, const std::vector<std::string>& codes) {
  store::StoreConfig config;
  config.location = location;
  config.create_if_missing = false;  // a reader: a missing city database is a row, not a new file
  config.read_only = true;
  if (codes.size() == 1)
    config.city = codes.front();
  else
    config.also_reads = codes;
  return config;
}

HubScope hub_scope(const config::Hub& hub, const std::string& prefecture, const std::string& group) {
  if (!group.empty()) {
    if (!hub.group(group)) {
      std::vector<text::Phrase> names;
      for (const auto& g : hub.groups) names.push_back(text::verbatim(g.name));
      if (names.empty()) names.push_back(text::verbatim("-"));
      throw HubRequestError(text::phrase(&text::HubMessages::unknown_group, group, text::joined(names, "、", ", ")));
    }
    if (!prefecture.empty()) throw HubRequestError(text::phrase(&text::HubMessages::scope_both));
    return {.kind = HubScope::Kind::Group, .prefecture = "", .group = group, .city = ""};
  }
  if (!prefecture.empty()) {
    const auto p = find_prefecture(prefecture);
    if (!p) throw HubRequestError(text::phrase(&text::HubMessages::bad_prefecture, prefecture));
    return {.kind = HubScope::Kind::Prefecture, .prefecture = std::string(p->code), .group = "", .city = ""};
  }
  return {};
}

HubSort hub_sort(const std::string& text) {
  if (text.empty() || text == "code") return HubSort::Code;
  if (text == "name") return HubSort::Name;
  if (text == "best") return HubSort::BestShare;
  if (text == "missing") return HubSort::Missing;
  throw HubRequestError(text::phrase(&text::HubMessages::bad_sort, text));
}

std::string to_string(CityState state) {
  switch (state) {
    case CityState::Evaluated:
      return "evaluated";
    case CityState::NoEvaluation:
      return "no_evaluation";
    case CityState::NoDatabase:
      return "no_database";
    case CityState::Unreachable:
      return "unreachable";
  }
  return "unreachable";
}

std::optional<double> CitySummary::best_share() const {
  if (state != CityState::Evaluated || counted == 0) return std::nullopt;
  return static_cast<double>(best_grade) / counted;
}

std::vector<const config::HubCity*> cities_in_scope(const config::Hub& hub, const HubScope& scope) {
  std::vector<const config::HubCity*> out;
  const config::CityGroup* group = scope.kind == HubScope::Kind::Group ? hub.group(scope.group) : nullptr;
  for (const auto& city : hub.cities) {
    const bool in =
        scope.kind == HubScope::Kind::All ||
        (scope.kind == HubScope::Kind::Prefecture && city.code.starts_with(scope.prefecture)) ||
        (group && std::find(group->members.begin(), group->members.end(), city.code) != group->members.end()) ||
        (scope.kind == HubScope::Kind::City && city.code == scope.city);
    if (in) out.push_back(&city);
  }
  return out;
}

HubSummary summarize_hub(const HubSummaryRequest& request) {
  const config::Hub& hub = *request.hub;
  const auto cities = cities_in_scope(hub, request.scope);
  const std::string& shared = request.database_override.empty() ? hub.database : request.database_override;
  std::map<std::string, std::vector<const config::HubCity*>> by_location;
  for (const auto* city : cities) by_location[hub.location_of(*city, shared)].push_back(city);
  std::map<std::string, CitySummary> rows;
  for (const auto& [location, at] : by_location) read_location(request, location, at, rows);

  HubSummary summary;
  for (const auto* city : cities) {
    CitySummary& row = rows[city->code];
    row.code = city->code;
    row.name = city->name;
    row.prefecture = *prefecture_of(city->code.substr(0, 2));  // the loader checked it
    summary.cities.push_back(std::move(row));
  }
  sort_cities(summary.cities, request.sort);
  for (const auto& c : summary.cities) {
    if (c.state == CityState::Evaluated)
      add_to_totals(summary.totals, c.grades);
    else
      summary.without_evaluation.push_back(c.name);
  }
  return summary;
}

}  // namespace sosei::app
