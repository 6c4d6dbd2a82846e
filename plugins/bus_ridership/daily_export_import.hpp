// The second format: a department's daily export, one row per day and route (date,route,boardings),
// CSV/TSV in UTF-8 or CP932, or an XLSX sheet.
#pragma once

#include <sosei/plugin.hpp>

#include <string>

#include "board_alight_import.hpp"

namespace bus_ridership {

// Columns: date (日付, 運行日), route (路線, 路線名), boardings (乗車人数, 利用者数, 乗車数). Dates as
// 2025-04-01, 2025/4/1, 20250401 or an Excel date; boardings as 1234 or 1,234. Routes become groups
// of `routes` as they appear.
ImportCounts import_daily_export(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 RouteIndex& routes, BoardingsTable& table);

}  // namespace bus_ridership
