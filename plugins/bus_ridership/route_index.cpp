// Loading the static feed: routes.txt gives each route its group (route_id or jp_parent_route_id) and
// display name, trips.txt maps every trip_id to a group.
#include "route_index.hpp"

#include <sosei/csv.hpp>

#include "header_checks.hpp"

#include <filesystem>

namespace bus_ridership {

uint32_t RouteIndex::group(std::string_view key, std::string_view name) {
  auto it = group_by_key_.find(key);
  if (it != group_by_key_.end()) return it->second;
  const auto index = static_cast<uint32_t>(groups_.size());
  groups_.push_back({std::string(key), std::string(name)});
  group_by_key_.emplace(std::string(key), index);
  return index;
}

namespace {

sosei::Input open_member(const sosei::Context& ctx, const RidershipSettings& s, const std::string& member) {
  if (s.feed.zip) return ctx.open_file(s.feed.path, s.encoding, member);
  return ctx.open_file((std::filesystem::path(s.feed.path) / member).string(), s.encoding);
}

std::string route_name(std::string_view short_name, std::string_view long_name) {
  if (short_name.empty()) return std::string(long_name);
  if (long_name.empty()) return std::string(short_name);
  return std::string(short_name) + " " + std::string(long_name);
}

std::string_view field_or_empty(const sosei::CsvReader& reader, std::optional<std::size_t> column) {
  return column && *column < reader.size() ? reader.field(*column) : std::string_view();
}

// False (and the row rejected) when the row's fields do not line up with the header.
bool lines_up(const sosei::Context& ctx, const std::string& name, const sosei::CsvReader& reader,
              const sosei::CsvHeader& header) {
  if (reader.size() == header.size()) return true;
  ctx.reject(name, reader.line(),
             "the row has " + std::to_string(reader.size()) + " fields but the header has " +
                 std::to_string(header.size()) + ": a field is missing or a value holds an unquoted comma");
  return false;
}

StringMap<uint32_t> read_routes(const sosei::Context& ctx, const RidershipSettings& s, RouteIndex& index,
                                sosei::Input& input, const std::string& name);

// route_id → group index, from routes.txt.
StringMap<uint32_t> read_routes(const sosei::Context& ctx, const RidershipSettings& s, RouteIndex& index) {
  sosei::Input input = open_member(ctx, s, "routes.txt");
  const std::string name = input.name();
  return naming_file(name, [&] { return read_routes(ctx, s, index, input, name); });
}

StringMap<uint32_t> read_routes(const sosei::Context& ctx, const RidershipSettings& s, RouteIndex& index,
                                sosei::Input& input, const std::string& name) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": is empty (a header row is required)");
  const sosei::CsvHeader header(reader);
  const std::size_t id_column = header.require("route_id", "mapping trips to routes");
  const auto short_column = header.find("route_short_name");
  const auto long_column = header.find("route_long_name");
  const auto parent_column = header.find("jp_parent_route_id");
  if (s.route_key == RouteKey::ParentRoute && !parent_column) {
    throw sosei::PluginError(SOSEI_ERR_CONFIG,
                             name +
                                 ": route_key parent_route needs the GTFS-JP column jp_parent_route_id, which "
                                 "this routes.txt does not have; use route_key: route_id");
  }
  StringMap<uint32_t> routes;
  while (reader.next()) {
    if (!lines_up(ctx, name, reader, header)) continue;
    const std::string_view id = field_or_empty(reader, id_column);
    if (id.empty()) {
      ctx.reject(name, reader.line(), "route_id is empty");
      continue;
    }
    if (routes.find(id) != routes.end()) {
      ctx.reject(name, reader.line(), "route_id '" + std::string(id) + "' appears twice");
      continue;
    }
    const std::string display = route_name(field_or_empty(reader, short_column), field_or_empty(reader, long_column));
    uint32_t group = 0;
    const std::string_view parent = field_or_empty(reader, parent_column);
    if (s.route_key == RouteKey::ParentRoute && !parent.empty()) {
      group = index.group(parent, parent);  // GTFS-JP parent ids are line names such as 山荘線
    } else {
      group = index.group(id, display);
    }
    routes.emplace(std::string(id), group);
  }
  return routes;
}

}  // namespace

void read_trips(const sosei::Context& ctx, const StringMap<uint32_t>& routes, RouteIndex& index, sosei::Input& input,
                const std::string& name);

RouteIndex read_feed(const sosei::Context& ctx, const RidershipSettings& s) {
  RouteIndex index;
  const StringMap<uint32_t> routes = read_routes(ctx, s, index);
  for (const auto& [id, group] : routes) index.add_route(id, group);

  sosei::Input input = open_member(ctx, s, "trips.txt");
  const std::string name = input.name();
  naming_file(name, [&] { read_trips(ctx, routes, index, input, name); });
  ctx.info("static feed " + s.feed.path + ": " + std::to_string(routes.size()) + " routes in " +
           std::to_string(index.groups().size()) + " groups, " + std::to_string(index.trip_count()) + " trips");
  return index;
}

void read_trips(const sosei::Context& ctx, const StringMap<uint32_t>& routes, RouteIndex& index, sosei::Input& input,
                const std::string& name) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": is empty (a header row is required)");
  const sosei::CsvHeader header(reader);
  const std::size_t trip_column = header.require("trip_id", "mapping boardings to trips");
  const std::size_t route_column = header.require("route_id", "mapping trips to routes");
  while (reader.next()) {
    if (!lines_up(ctx, name, reader, header)) continue;
    const std::string_view trip = field_or_empty(reader, trip_column);
    const std::string_view route = field_or_empty(reader, route_column);
    if (trip.empty()) {
      ctx.reject(name, reader.line(), "trip_id is empty");
      continue;
    }
    auto it = routes.find(route);
    if (it == routes.end()) {
      ctx.reject(name, reader.line(),
                 "trip '" + std::string(trip) + "' runs on route_id '" + std::string(route) +
                     "', which routes.txt does not list");
      continue;
    }
    if (index.has_trip(trip)) {
      ctx.reject(name, reader.line(), "trip_id '" + std::string(trip) + "' appears twice");
      continue;
    }
    index.add_trip(trip, it->second);
  }
}

}  // namespace bus_ridership
