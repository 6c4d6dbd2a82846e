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
             "この行の項目は " + std::to_string(reader.size()) + " 個ですが、見出し行の項目は " +
                 std::to_string(header.size()) +
                 " 個です。項目が欠けているか、コンマを含む値が引用符（\"）で囲まれていない可能性があります");
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
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  const sosei::CsvHeader header(reader);
  const std::size_t id_column = header.require("route_id", "便を路線に対応付けるため");
  const auto short_column = header.find("route_short_name");
  const auto long_column = header.find("route_long_name");
  const auto parent_column = header.find("jp_parent_route_id");
  if (s.route_key == RouteKey::ParentRoute && !parent_column) {
    throw sosei::PluginError(
        SOSEI_ERR_CONFIG,
        name +
            ": 設定 'route_key' が parent_route のときは GTFS-JP の jp_parent_route_id 列が"
            "必要ですが、この routes.txt にはありません。設定 'route_key' を route_id にしてください");
  }
  StringMap<uint32_t> routes;
  while (reader.next()) {
    if (!lines_up(ctx, name, reader, header)) continue;
    const std::string_view id = field_or_empty(reader, id_column);
    if (id.empty()) {
      ctx.reject(name, reader.line(), "route_id が空欄です");
      continue;
    }
    if (routes.find(id) != routes.end()) {
      ctx.reject(name, reader.line(), "route_id の「" + std::string(id) + "」が重複しています");
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
  ctx.info("GTFS 静的データ " + s.feed.path + ": 路線 " + std::to_string(routes.size()) + " 件（グループ " +
           std::to_string(index.groups().size()) + " 件）、便 " + std::to_string(index.trip_count()) + " 件");
  return index;
}

void read_trips(const sosei::Context& ctx, const StringMap<uint32_t>& routes, RouteIndex& index, sosei::Input& input,
                const std::string& name) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  const sosei::CsvHeader header(reader);
  const std::size_t trip_column = header.require("trip_id", "乗車人数を便に対応付けるため");
  const std::size_t route_column = header.require("route_id", "便を路線に対応付けるため");
  while (reader.next()) {
    if (!lines_up(ctx, name, reader, header)) continue;
    const std::string_view trip = field_or_empty(reader, trip_column);
    const std::string_view route = field_or_empty(reader, route_column);
    if (trip.empty()) {
      ctx.reject(name, reader.line(), "trip_id が空欄です");
      continue;
    }
    auto it = routes.find(route);
    if (it == routes.end()) {
      ctx.reject(
          name, reader.line(),
          "trip_id「" + std::string(trip) + "」の route_id「" + std::string(route) + "」が routes.txt にありません");
      continue;
    }
    if (index.has_trip(trip)) {
      ctx.reject(name, reader.line(), "trip_id の「" + std::string(trip) + "」が重複しています");
      continue;
    }
    index.add_trip(trip, it->second);
  }
}

}  // namespace bus_ridership
