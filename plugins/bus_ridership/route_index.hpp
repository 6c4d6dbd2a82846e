// trips.txt and routes.txt of a GTFS / GTFS-JP static feed as one lookup: trip_id → the route group
// its boardings count for (a route_id, or a GTFS-JP jp_parent_route_id grouping direction variants).
// Built once; lookups by string_view allocate nothing.
#pragma once

#include <sosei/plugin.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ridership_settings.hpp"

namespace bus_ridership {

// A route (or a line of routes) as reported: its key is the `route` dimension, its name the note.
struct RouteGroup {
  std::string key;
  std::string name;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

class RouteIndex {
 public:
  // A group keyed by `key`, created on first use (for the daily export, whose rows name routes).
  uint32_t group(std::string_view key, std::string_view name);
  void add_trip(std::string_view trip_id, uint32_t group) { trips_.emplace(std::string(trip_id), group); }

  std::optional<uint32_t> find_trip(std::string_view trip_id) const {
    auto it = trips_.find(trip_id);
    return it == trips_.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  }
  void add_route(std::string_view route_id, uint32_t group) { routes_.emplace(std::string(route_id), group); }
  std::optional<uint32_t> find_route(std::string_view route_id) const {
    auto it = routes_.find(route_id);
    return it == routes_.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  }
  bool has_trip(std::string_view trip_id) const { return trips_.find(trip_id) != trips_.end(); }
  const std::vector<RouteGroup>& groups() const { return groups_; }
  std::size_t trip_count() const { return trips_.size(); }

 private:
  std::vector<RouteGroup> groups_;
  StringMap<uint32_t> group_by_key_;
  StringMap<uint32_t> trips_;
  StringMap<uint32_t> routes_;  // route_id → group
};

// Reads routes.txt then trips.txt from the feed. Bad rows (a duplicate id, a trip on an unknown
// route) go to ctx.reject with file:line; missing columns are input errors naming the columns.
RouteIndex read_feed(const sosei::Context& ctx, const RidershipSettings& settings);

}  // namespace bus_ridership
