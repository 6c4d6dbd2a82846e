// The fine-grained observations of the storage benchmark: boardings per bus stop per day, with the
// stop and its route as dimensions. Shared by the bench_stops plugin (what sosei stores) and the raw
// insert loop (reference c), so both write exactly the same rows in the same order. Header-only,
// allocation-free per row.
#pragma once

#include <cstdint>
#include <cstdio>

namespace bench {

// Observation i is stop i % stops on day i / stops, days counted from 2020-04-01 (FY2020).
struct StopDay {
  int year, month, day;  // the date
  int route;             // stop / kStopsPerRoute
  int stop;
  double boardings;
};

inline constexpr int kStopsPerRoute = 50;
inline constexpr int kDefaultStops = 5000;

// Enough stops that `rows` observations fit in the days from FY2020 to FY2029 (3,652 days).
inline int stops_for(uint64_t rows) {
  const uint64_t needed = (rows + 3599) / 3600;
  return needed > kDefaultStops ? static_cast<int>(needed) : kDefaultStops;
}

// 2020-04-01 plus `days` (days < 36,500).
inline void date_after(int days, int& year, int& month, int& day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  year = 2020, month = 4, day = 1;
  for (;;) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int left = (month == 2 && leap ? 29 : kDays[month - 1]) - day;
    if (days <= left) {
      day += days;
      return;
    }
    days -= left + 1;
    day = 1;
    if (++month == 13) month = 1, ++year;
  }
}

// Walks observations 0…rows-1 in key order (date, then stop). `revision` changes every value, so a
// second import with another revision revises every observation.
class StopDays {
 public:
  StopDays(int stops, int revision) : stops_(stops), revision_(revision) { date_after(0, year_, month_, day_); }

  StopDay at(uint64_t i) {
    const int day_index = static_cast<int>(i / static_cast<uint64_t>(stops_));
    if (day_index != day_index_) {
      day_index_ = day_index;
      date_after(day_index, year_, month_, day_);
    }
    const int stop = static_cast<int>(i % static_cast<uint64_t>(stops_));
    // Distinct per revision: 31 × revision is never a multiple of 200 for revision 1…199.
    const uint64_t mix = static_cast<uint64_t>(stop) * 7919u + static_cast<uint64_t>(day_index) * 104729u +
                         static_cast<uint64_t>(revision_) * 31u;
    return {year_, month_, day_, stop / kStopsPerRoute, stop, static_cast<double>(mix % 200)};
  }

 private:
  int stops_;
  int revision_;
  int day_index_ = 0;
  int year_ = 0, month_ = 0, day_ = 0;
};

// Dimension values with zero padding, so that their JSON text sorts like the numbers.
inline int route_text(char (&out)[16], int route) { return std::snprintf(out, sizeof out, "R%03d", route); }
inline int stop_text(char (&out)[16], int stop) { return std::snprintf(out, sizeof out, "S%05d", stop); }

}  // namespace bench
