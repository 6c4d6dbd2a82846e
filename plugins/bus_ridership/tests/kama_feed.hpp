// A small hand-written GTFS-JP style feed of a fictional Kama city bus: two direction variants of
// 山田線 (Y1, Y2, parent 山田線) and 碓井線 (U1), across the March/April fiscal-year boundary.
//   Y1: 2025-03-31 5 (FY2024), 2025-04-01 7 (FY2025)
//   Y2: 2025-04-15 3, 2026-03-31 4 (both FY2025)
//   U1: 2025-04-01 10; a record_use 1 row of 50 and a row without boardings, neither counted
// Per route: Y1 FY2024 5, FY2025 7; Y2 FY2025 7; U1 FY2025 10. Per line: 山田線 FY2024 5, FY2025 14;
// 碓井線 FY2025 10. KPI: FY2024 5, FY2025 24.
#pragma once

#include <filesystem>
#include <string>

#include "fixtures.hpp"

namespace bus_ridership::test {

inline const std::string kKamaRoutes =
    "route_id,agency_id,route_short_name,route_long_name,route_type,jp_parent_route_id\n"
    "Y1,KAMA,,山田線（上り）,3,山田線\n"
    "Y2,KAMA,,山田線（下り）,3,山田線\n"
    "U1,KAMA,,碓井線,3,碓井線\n";
inline const std::string kKamaTrips =
    "route_id,service_id,trip_id\n"
    "Y1,WD,Y1_0700\n"
    "Y2,WD,Y2_0800\n"
    "U1,WD,U1_0900\n";
inline const std::string kKamaBoardAlight =
    "trip_id,stop_id,stop_sequence,record_use,boardings,alightings,service_date\n"
    "Y1_0700,S1,1,0,5,0,20250331\n"
    "Y1_0700,S1,1,0,7,,20250401\n"
    "Y2_0800,S2,1,0,3,1,20250415\n"
    "Y2_0800,S2,1,0,4,4,20260331\n"
    "U1_0900,S3,1,0,10,2,20250401\n"
    "U1_0900,S3,1,1,50,,20250402\n"
    "U1_0900,S4,2,0,,3,20250402\n";

// Writes the feed into `dir` with `board_alight` as board_alight.txt; returns its path.
inline std::string write_kama_feed(const std::filesystem::path& dir, const std::string& board_alight = kKamaBoardAlight,
                                   const std::string& trips = kKamaTrips) {
  write_file(dir / "routes.txt", kKamaRoutes);
  write_file(dir / "trips.txt", trips);
  return write_file(dir / "board_alight.txt", board_alight);
}

}  // namespace bus_ridership::test
