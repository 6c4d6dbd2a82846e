// GTFS-ride's ridership.txt: aggregate totals for date ranges, read when a fileset has no
// board_alight.txt. Only whole-day, every-day totals of the whole system, a route or a trip count;
// each route counts once per fiscal year (its whole-route rows, else its trips' rows) and the KPI is
// the system-wide rows' total when there are any, else the sum of the routes. See README.md.
#pragma once

#include <sosei/plugin.hpp>

#include <string>

#include "board_alight_import.hpp"

namespace bus_ridership {

struct RidershipCounts {
  ImportCounts rows;
  uint64_t partial = 0;  // rows scoped to a stop, a direction, a time of day or some days: not totals
  uint64_t covered = 0;  // rows of a finer level than another row of the same route and fiscal year
};

RidershipCounts import_ridership(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 const RouteIndex& routes, BoardingsTable& table);

}  // namespace bus_ridership
