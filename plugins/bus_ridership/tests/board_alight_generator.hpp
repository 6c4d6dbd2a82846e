// A deterministic GTFS-ride feed of any size (routes.txt, trips.txt, board_alight.txt) for the large
// import test and the benchmarks, with the totals it wrote, counted while writing (not by parsing).
// Rows: 20 stops per trip and day, FY2024–FY2025 (730 days from 2024-04-01), all 19 GTFS-ride
// columns with the optional ones mostly empty, times without a leading zero, every 97th row without
// boardings (not counted). Header-only, no dependency beyond the standard library.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace bus_ridership::generator {

struct GeneratedTotals {
  uint64_t rows = 0;
  std::map<std::pair<std::string, int>, int64_t> by_route_and_fiscal_year;  // (route_id, FY)
  std::map<int, int64_t> by_fiscal_year;
  std::map<int, int64_t> by_month;  // year * 100 + month
};

struct Date {
  int year, month, day;
};

// 2024-04-01 plus `days`.
inline Date date_after_start(int days) {
  Date d{2024, 4, 1};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  while (true) {
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int in_month = d.month == 2 && leap ? 29 : kDays[d.month - 1];
    if (d.day + days <= in_month) {
      d.day += days;
      return d;
    }
    days -= in_month - d.day + 1;
    d.day = 1;
    if (++d.month == 13) d.month = 1, ++d.year;
  }
}

class Writer {
 public:
  explicit Writer(const std::filesystem::path& path) : file_(std::fopen(path.string().c_str(), "wb")) {
    if (!file_) throw std::runtime_error("cannot write " + path.string());
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  }
  ~Writer() { std::fclose(file_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void put(const char* text, int n) { std::fwrite(text, 1, static_cast<std::size_t>(n), file_); }
  std::FILE* get() { return file_; }

 private:
  std::FILE* file_;
};

// Writes the feed into `dir` (created) and returns what it holds.
inline GeneratedTotals generate_feed(const std::filesystem::path& dir, uint64_t rows, int routes = 12,
                                     int trips_per_route = 40) {
  std::filesystem::create_directories(dir);
  {
    Writer out(dir / "routes.txt");
    std::fputs("route_id,agency_id,route_short_name,route_long_name,route_type\r\n", out.get());
    for (int r = 0; r < routes; ++r) std::fprintf(out.get(), "R%d,KAMA,%d,嘉麻市バス %d号線,3\r\n", r, r + 1, r + 1);
  }
  {
    Writer out(dir / "trips.txt");
    std::fputs("route_id,service_id,trip_id,direction_id\n", out.get());
    for (int r = 0; r < routes; ++r)
      for (int t = 0; t < trips_per_route; ++t) std::fprintf(out.get(), "R%d,WD,R%d_T%d,%d\n", r, r, t, t % 2);
  }
  GeneratedTotals totals;
  Writer out(dir / "board_alight.txt");
  std::fputs(
      "trip_id,stop_id,stop_sequence,record_use,schedule_relationship,boardings,alightings,current_load,"
      "load_type,rack_down,bike_boardings,bike_alightings,ramp_used,ramp_boardings,ramp_alightings,"
      "service_date,service_arrival_time,service_departure_time,source\n",
      out.get());
  uint64_t state = 0x9E3779B97F4A7C15ull;
  const int trips = routes * trips_per_route;
  char line[256];
  for (uint64_t row = 0, trip_day = 0; row < rows; ++trip_day) {
    const int trip = static_cast<int>(trip_day % static_cast<uint64_t>(trips));
    const int route = trip / trips_per_route;
    const Date d = date_after_start(static_cast<int>((trip_day / static_cast<uint64_t>(trips)) % 730));
    const int fiscal_year = d.month >= 4 ? d.year : d.year - 1;
    const int hour = 6 + trip % 14;
    for (int stop = 1; stop <= 20 && row < rows; ++stop, ++row) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const int boardings = static_cast<int>((state >> 33) % 20);
      const bool counted = row % 97 != 96;
      int n = 0;
      if (counted) {
        n = std::snprintf(line, sizeof line, "R%d_T%d,S%d,%d,0,0,%d,%d,,,,,,,,,%04d%02d%02d,%d:%02d:00,%d:%02d:30,1\n",
                          route, trip % trips_per_route, stop, stop, boardings, boardings / 2, d.year, d.month, d.day,
                          hour, stop * 2, hour, stop * 2);
        totals.by_route_and_fiscal_year[{"R" + std::to_string(route), fiscal_year}] += boardings;
        totals.by_fiscal_year[fiscal_year] += boardings;
        totals.by_month[d.year * 100 + d.month] += boardings;
      } else {
        n = std::snprintf(line, sizeof line, "R%d_T%d,S%d,%d,0,0,,,,,,,,,,,%04d%02d%02d,,,\n", route,
                          trip % trips_per_route, stop, stop, d.year, d.month, d.day);
      }
      out.put(line, n);
    }
  }
  totals.rows = rows;
  return totals;
}

}  // namespace bus_ridership::generator
