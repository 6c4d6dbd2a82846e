// The rows of reference (d), a plain PostgreSQL COPY: the observations bench_stops makes sosei store
// (stop_observations.hpp: the same rows in the same order, stop × day, route and stop dimensions as
// canonical JSON), written as a tab-separated file in COPY's text format for `psql \copy`. Columns:
// series, period_kind, period_year, period_month, period_day, dimensions, value_kind, number.
//   bench_stops_tsv FILE ROWS [STOPS]
// Deterministic: the same arguments always write the same bytes.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "stop_observations.hpp"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr,
                 "usage: bench_stops_tsv FILE ROWS [STOPS]\n"
                 "Writes the ROWS observations of the bench_stops plugin as a COPY text file (reference (d) of\n"
                 "tools/run-bench): series, period_kind, period_year, period_month, period_day, dimensions,\n"
                 "value_kind, number.\n");
    return 2;
  }
  const std::string path = argv[1];
  const uint64_t rows = std::strtoull(argv[2], nullptr, 10);
  const int stops = argc == 4 ? std::atoi(argv[3]) : bench::stops_for(rows);
  if (rows == 0 || stops < 1) {
    std::fprintf(stderr, "bench_stops_tsv: ROWS and STOPS must be positive\n");
    return 2;
  }
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (!out) {
    std::perror(("bench_stops_tsv: " + path).c_str());
    return 1;
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());

  bench::StopDays days(stops, 0);
  for (uint64_t i = 0; i < rows; ++i) {
    const bench::StopDay s = days.at(i);
    char route[16], stop[16], number[32];
    bench::route_text(route, s.route);
    bench::stop_text(stop, s.stop);
    const auto [end, ec] = std::to_chars(number, number + sizeof number - 1, s.boardings);
    if (ec != std::errc()) {
      std::fprintf(stderr, "bench_stops_tsv: cannot format a value\n");
      return 1;
    }
    *end = '\0';
    std::fprintf(out, "bench/stop_boardings\tdate\t%d\t%d\t%d\t{\"route\":\"%s\",\"stop\":\"%s\"}\tnumber\t%s\n",
                 s.year, s.month, s.day, route, stop, number);
  }
  if (std::fflush(out) != 0 || std::ferror(out) || std::fclose(out) != 0) {
    std::perror(("bench_stops_tsv: " + path).c_str());
    return 1;
  }
  std::printf("rows\t%llu\nstops\t%d\n", static_cast<unsigned long long>(rows), stops);
  return 0;
}
