// Streams a GTFS-ride board_alight.txt into the (route, month) table: flat memory, no allocation per
// row (CsvReader views, a trip index built once, from_chars), bad rows to ctx.reject with file:line.
#pragma once

#include <sosei/plugin.hpp>

#include <string>

#include "boardings_table.hpp"
#include "ride_feed_info.hpp"
#include "ridership_settings.hpp"
#include "route_index.hpp"

namespace bus_ridership {

struct ImportCounts {
  uint64_t rows = 0;               // data rows read
  uint64_t counted = 0;            // rows whose boardings were added
  uint64_t without_boardings = 0;  // boardings empty: nothing to count
  uint64_t other_record_use = 0;   // record_use not selected (e.g. 1: cancellation records)
  uint64_t rejected = 0;           // reported through ctx.reject (unknown trip, bad number or date)
  uint64_t unknown_trips = 0;      // of which: trip_id not in trips.txt
  int64_t boardings = 0;           // sum of what was counted
};

// Reads board_alight.txt from `input` (named `name` in messages). Rows without a service_date (the
// column absent or the field empty) go to the fiscal year `ride_info` gives (undated_fiscal_year).
ImportCounts import_board_alight(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 const RidershipSettings& settings, const RouteIndex& routes, BoardingsTable& table,
                                 const std::optional<RideFeedInfo>& ride_info);

}  // namespace bus_ridership
