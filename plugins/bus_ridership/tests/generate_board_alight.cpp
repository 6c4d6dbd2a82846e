// Writes a deterministic GTFS-ride feed for benchmarks: generate_board_alight <out_dir> [rows]
// (default 10,000,000 rows), then prints the totals it wrote (fiscal year and route) as TSV.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "board_alight_generator.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s <out_dir> [rows=10000000]\n", argv[0]);
    return 2;
  }
  const uint64_t rows = argc == 3 ? std::strtoull(argv[2], nullptr, 10) : 10'000'000ull;
  try {
    const auto totals = bus_ridership::generator::generate_feed(argv[1], rows);
    std::printf("rows\t%llu\n", static_cast<unsigned long long>(totals.rows));
    for (const auto& [year, boardings] : totals.by_fiscal_year)
      std::printf("FY%d\t%lld\n", year, static_cast<long long>(boardings));
    for (const auto& [key, boardings] : totals.by_route_and_fiscal_year)
      std::printf("FY%d\t%s\t%lld\n", key.second, key.first.c_str(), static_cast<long long>(boardings));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
