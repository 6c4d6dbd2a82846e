// config/hub.yaml → Hub (hub.hpp). Relative database paths resolve against the hub file's folder.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "common/city_code.hpp"
#include "common/identifiers.hpp"
#include "common/prefectures.hpp"
#include "config/hub.hpp"
#include "config/load.hpp"
#include "config/paths.hpp"
#include "config/yaml_reader.hpp"
#include "text/hub_messages.hpp"

namespace sosei::config {
namespace {

namespace fs = std::filesystem;
using detail::database_from;
using detail::Document;
using detail::fail;
using detail::MapReader;
using detail::section;
using text::HubMessages;
using text::phrase;

// A city code as written, checked as strictly as the strategy's city_code (a wrong code would put a
// city's numbers in its neighbour's row).
std::string city_code(const std::string& text, const Location& where) {
  const CityCodeProblem problem = city_code_problem(text);
  switch (problem.kind) {
    case CityCodeProblem::Kind::None:
      break;
    case CityCodeProblem::Kind::NotSixDigits:
      fail(where, phrase(&HubMessages::code_not_six_digits, text));
    case CityCodeProblem::Kind::FiveDigits:
      fail(where, phrase(&HubMessages::code_five_digits, text, problem.suggestion));
    case CityCodeProblem::Kind::WrongCheckDigit:
      fail(where, phrase(&HubMessages::code_check_digit, text, problem.suggestion));
  }
  const std::string prefecture = text.substr(0, 2);
  if (!prefecture_of(prefecture)) fail(where, phrase(&HubMessages::unknown_prefecture, text, prefecture));
  return text;
}

// "2006-03-27": a real calendar day, else refused at its line.
Date merger_day(const std::string& text, const Location& where) {
  Date d;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &rest) != 3 ||
      !std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                   std::chrono::day{static_cast<unsigned>(d.day)}}
           .ok())
    fail(where, phrase(&HubMessages::merged_not_a_day, text));
  return d;
}

// predecessors: [{code, name, merged: YYYY-MM-DD, database}] of one city.
std::vector<Predecessor> read_predecessors(const Document& doc, const MapReader& city, const fs::path& base) {
  std::vector<Predecessor> out;
  for (const auto& [node, where] : city.list("predecessors")) {
    MapReader m(doc, node, where, section("predecessors"), {"code", "name", "merged", "database"});
    Predecessor p;
    p.where = where;
    p.code = city_code(m.required_string("code"), m.value_at("code"));
    p.name = m.required_string("name");
    p.merged = merger_day(m.required_string("merged"), m.value_at("merged"));
    p.database = database_from(base, m.string("database").value_or(""));
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<HubCity> read_cities(const Document& doc, const MapReader& top, const fs::path& base) {
  std::vector<HubCity> cities;
  std::map<std::string, Location> seen;
  for (const auto& [node, where] : top.list("cities")) {
    MapReader m(doc, node, where, section("cities"), {"code", "name", "database", "config", "key", "predecessors"});
    HubCity city;
    city.code = city_code(m.required_string("code"), m.value_at("code"));
    city.name = m.required_string("name");
    city.database = database_from(base, m.string("database").value_or(""));
    if (auto file = m.string("config")) city.config = (base / *file).lexically_normal().string();
    if (auto file = m.string("key")) city.key = (base / *file).lexically_normal().string();
    city.predecessors = read_predecessors(doc, m, base);
    city.where = where;
    if (auto [first, fresh] = seen.emplace(city.code, where); !fresh)
      fail(m.value_at("code"), phrase(&HubMessages::city_twice, city.code, first->second.str()));
    cities.push_back(std::move(city));
  }
  if (cities.empty()) fail(top.has("cities") ? top.value_at("cities") : top.where(), phrase(&HubMessages::no_cities));
  // A predecessor is no longer a city, and merged into one city only: else its rows would count twice.
  std::map<std::string, std::string> merged_into;
  for (const auto& c : cities)
    for (const auto& p : c.predecessors) {
      if (seen.contains(p.code)) fail(p.where, phrase(&HubMessages::predecessor_is_a_city, p.code, p.name));
      if (auto [first, fresh] = merged_into.emplace(p.code, c.name); !fresh)
        fail(p.where, phrase(&HubMessages::predecessor_twice, p.code, p.name, first->second));
    }
  return cities;
}

std::vector<CityGroup> read_groups(const Document& doc, const MapReader& top, const std::vector<HubCity>& cities) {
  std::set<std::string> codes;
  for (const auto& c : cities) codes.insert(c.code);
  std::vector<CityGroup> groups;
  std::map<std::string, Location> seen;
  for (const auto& [node, where] : top.list("groups")) {
    MapReader m(doc, node, where, section("groups"), {"name", "kind", "members"});
    CityGroup group;
    group.name = m.required_string("name");
    group.kind = m.string("kind").value_or("");
    group.where = where;
    if (auto [first, fresh] = seen.emplace(group.name, where); !fresh)
      fail(m.value_at("name"), phrase(&HubMessages::group_twice, group.name, first->second.str()));
    std::set<std::string> members;
    for (const auto& [member, at] : m.list("members")) {
      const std::string code = city_code(detail::as_string(member, at), at);
      if (!codes.contains(code)) fail(at, phrase(&HubMessages::member_not_a_city, code, group.name));
      if (!members.insert(code).second) fail(at, phrase(&HubMessages::member_twice, code, group.name));
      group.members.push_back(code);
    }
    if (group.members.empty())
      fail(m.has("members") ? m.value_at("members") : where, phrase(&HubMessages::group_empty, group.name));
    groups.push_back(std::move(group));
  }
  return groups;
}

// indicators: [{id, name, name_en, unit, direction: higher|lower, aggregate: sum|ratio|level, scale}]
std::vector<SharedIndicator> read_indicators(const Document& doc, const MapReader& top) {
  std::vector<SharedIndicator> out;
  std::map<std::string, Location> seen;
  for (const auto& [node, where] : top.list("indicators")) {
    MapReader m(doc, node, where, section("indicators"),
                {"id", "name", "name_en", "unit", "direction", "aggregate", "scale"});
    SharedIndicator i;
    i.where = where;
    i.id = m.required_string("id");
    if (!is_identifier(i.id)) fail(m.value_at("id"), phrase(&HubMessages::indicator_id_chars, i.id));
    if (auto [first, fresh] = seen.emplace(i.id, where); !fresh)
      fail(m.value_at("id"), phrase(&HubMessages::indicator_twice, i.id, first->second.str()));
    i.name = m.required_string("name");
    i.name_en = m.string("name_en").value_or("");
    i.unit = m.string("unit").value_or("");
    if (auto d = m.choice("direction", {"higher", "lower"}))
      i.direction = *d == "higher" ? Direction::HigherIsBetter : Direction::LowerIsBetter;
    if (!m.has("aggregate")) m.missing("aggregate");
    const std::string aggregate = *m.choice("aggregate", {"sum", "ratio", "level"});
    i.aggregate = aggregate == "sum"     ? IndicatorAggregate::Sum
                  : aggregate == "ratio" ? IndicatorAggregate::Ratio
                                         : IndicatorAggregate::Level;
    if (auto scale = m.number("scale")) {
      if (i.aggregate != IndicatorAggregate::Ratio || !(*scale > 0))
        fail(m.value_at("scale"), phrase(&HubMessages::indicator_scale));
      i.scale = *scale;
    }
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

std::string to_string(IndicatorAggregate a) {
  switch (a) {
    case IndicatorAggregate::Sum:
      return "sum";
    case IndicatorAggregate::Ratio:
      return "ratio";
    case IndicatorAggregate::Level:
      return "level";
  }
  return "sum";
}

const SharedIndicator* Hub::indicator(const std::string& id) const {
  for (const auto& i : indicators)
    if (i.id == id) return &i;
  return nullptr;
}

std::string Hub::location_of(const HubCity& c, const std::string& shared) const {
  return c.database.empty() ? shared : c.database;
}

std::optional<SharedFile> cities_sharing_a_file(const Hub& hub, const std::string& shared) {
  std::map<std::string, std::string> users;  // file → the name of the city or predecessor read from it
  for (const auto& c : hub.cities) {
    const std::string location = hub.location_of(c, shared);
    if (location.empty() || location.find("://") != std::string::npos) continue;
    if (auto [first, fresh] = users.emplace(location, c.name); !fresh)
      return SharedFile{location, first->second, c.name};
    // A predecessor's rows read from the same file would be the city's own (SQLite ignores the code).
    for (const auto& p : c.predecessors) {
      const std::string at = p.database.empty() ? shared : p.database;
      if (at.empty() || at.find("://") != std::string::npos) continue;
      if (auto [first, fresh] = users.emplace(at, p.name); !fresh) return SharedFile{at, first->second, p.name};
    }
  }
  return std::nullopt;
}

const HubCity* Hub::city(const std::string& code) const {
  for (const auto& c : cities)
    if (c.code == code) return &c;
  return nullptr;
}

const CityGroup* Hub::group(const std::string& group_name) const {
  for (const auto& g : groups)
    if (g.name == group_name) return &g;
  return nullptr;
}

Hub load_hub(const std::string& path) {
  Document doc(path, path);
  const fs::path base = fs::absolute(fs::path(path)).parent_path();
  MapReader top(doc, doc.root(), doc.start_location(), phrase(&HubMessages::in_hub_file),
                {"hub", "cities", "groups", "indicators"});
  if (!top.has("hub")) top.missing("hub");
  MapReader head(doc, top.node("hub"), top.value_at("hub"), section("hub"),
                 {"name", "database", "tokens", "max_concurrent"});
  Hub hub;
  hub.file = path;
  hub.name = head.required_string("name");
  hub.database = database_from(base, head.string("database").value_or(""));
  const std::string beside = fs::path(path).stem().string() + ".tokens.json";  // hub.yaml: hub.tokens.json
  hub.tokens_file = (base / head.string("tokens").value_or(beside)).lexically_normal().string();
  if (auto n = head.integer("max_concurrent")) {
    if (*n < 1 || *n > 64) fail(head.value_at("max_concurrent"), phrase(&detail::Msg::max_concurrent_range));
    hub.max_concurrent = *n;
  }
  hub.cities = read_cities(doc, top, base);
  for (const auto& c : hub.cities)
    if (hub.location_of(c, hub.database).empty())
      fail(c.where, phrase(&HubMessages::no_database_for_city, c.code, c.name));
  if (auto shared = cities_sharing_a_file(hub, hub.database))
    fail(head.has("database") ? head.value_at("database") : top.where(),
         phrase(&HubMessages::sqlite_shared, shared->file, shared->first, shared->second));
  hub.groups = read_groups(doc, top, hub.cities);
  hub.indicators = read_indicators(doc, top);
  return hub;
}

}  // namespace sosei::config
