// Reference (a), the parse limit: a plain C++ loop that reads a GTFS-ride board_alight.txt in large
// blocks, splits lines and fields in place, parses numbers with std::from_chars and sums boardings per
// route and fiscal year. It assumes what the generated feed guarantees (no quoted fields, LF or CRLF)
// and checks nothing else: whatever sosei does beyond this is the cost of doing it properly.
//   bench_parse_sum FEED_DIR   (reads FEED_DIR/trips.txt and FEED_DIR/board_alight.txt)
// Prints the totals like bus_ridership_generate does: "rows N", "FY<y> <sum>", "FY<y> <route> <sum>".
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct Fail {
  std::string message;
};

// The first `max` fields of one line (no quotes), as views into the line: one tight loop over the
// bytes, stopping after the last field needed.
std::size_t split(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t n = 0;
  const char* field = line.data();
  const char* end = line.data() + line.size();
  for (const char* p = field; p != end; ++p) {
    if (*p != ',') continue;
    fields[n++] = {field, static_cast<std::size_t>(p - field)};
    if (n == max) return n;
    field = p + 1;
  }
  fields[n++] = {field, static_cast<std::size_t>(end - field)};
  return n;
}

std::size_t column(const std::vector<std::string>& header, std::string_view name, const std::string& file) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  throw Fail{file + ": no column " + std::string(name)};
}

std::vector<std::string> header_of(std::string_view line) {
  std::vector<std::string> names;
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  std::string_view fields[64];
  const std::size_t n = split(line, fields, 64);
  for (std::size_t i = 0; i < n; ++i) names.emplace_back(fields[i]);
  return names;
}

struct Routes {
  std::vector<std::string> names;                // route index → route_id
  std::unordered_map<std::string, int> by_trip;  // trip_id → route index
};

Routes read_trips(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Fail{"cannot read " + path};
  std::string line;
  std::getline(in, line);
  const auto header = header_of(line);
  const std::size_t trip_column = column(header, "trip_id", path), route_column = column(header, "route_id", path);
  Routes routes;
  std::map<std::string, int> index;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view fields[64];
    const std::size_t n = split(line, fields, 64);
    if (n <= trip_column || n <= route_column) continue;
    auto [it, fresh] = index.try_emplace(std::string(fields[route_column]), static_cast<int>(routes.names.size()));
    if (fresh) routes.names.push_back(it->first);
    routes.by_trip.emplace(std::string(fields[trip_column]), it->second);
  }
  return routes;
}

class Sums {
 public:
  void add(int route, int fiscal_year, int64_t boardings) {
    const std::size_t slot =
        static_cast<std::size_t>(route) * kYears + static_cast<std::size_t>(fiscal_year - kFirstYear);
    if (slot >= totals_.size()) totals_.resize(slot + 1);
    totals_[slot] += boardings;
  }
  void print(const std::vector<std::string>& routes, uint64_t rows) const {
    std::printf("rows\t%llu\n", static_cast<unsigned long long>(rows));
    std::map<int, int64_t> by_year;
    std::map<std::pair<std::string, int>, int64_t> by_route;
    for (std::size_t slot = 0; slot < totals_.size(); ++slot) {
      if (totals_[slot] == 0) continue;
      const int year = kFirstYear + static_cast<int>(slot % kYears);
      by_year[year] += totals_[slot];
      by_route[{routes[slot / kYears], year}] += totals_[slot];
    }
    for (const auto& [year, sum] : by_year) std::printf("FY%d\t%lld\n", year, static_cast<long long>(sum));
    for (const auto& [key, sum] : by_route)
      std::printf("FY%d\t%s\t%lld\n", key.second, key.first.c_str(), static_cast<long long>(sum));
  }

 private:
  static constexpr int kFirstYear = 1900;
  static constexpr std::size_t kYears = 301;
  std::vector<int64_t> totals_;
};

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

void run(const std::string& dir) {
  const Routes routes = read_trips(dir + "/trips.txt");
  const std::string path = dir + "/board_alight.txt";
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw Fail{"cannot read " + path + ": " + std::strerror(errno)};
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  constexpr std::size_t kBlock = 1 << 20;
  std::vector<char> buffer(2 * kBlock);
  std::size_t kept = 0;  // bytes of an unfinished line carried to the front
  bool header_seen = false;
  std::size_t trip_column = 0, use_column = 0, boardings_column = 0, date_column = 0, needed = 0;
  std::string last_trip;
  int last_route = -1;
  uint64_t rows = 0;
  Sums sums;
  for (;;) {
    if (buffer.size() - kept < kBlock) buffer.resize(kept + kBlock);
    const ssize_t got = ::read(fd, buffer.data() + kept, buffer.size() - kept);
    if (got < 0) throw Fail{"cannot read " + path + ": " + std::strerror(errno)};
    const std::size_t end = kept + static_cast<std::size_t>(got);
    const bool last = got == 0;
    std::size_t begin = 0;
    while (begin < end) {
      const char* nl = static_cast<const char*>(std::memchr(buffer.data() + begin, '\n', end - begin));
      if (!nl && !last) break;
      const std::size_t stop = nl ? static_cast<std::size_t>(nl - buffer.data()) : end;
      std::string_view line(buffer.data() + begin, stop - begin);
      begin = stop + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if (!header_seen) {
        const auto header = header_of(line);
        trip_column = column(header, "trip_id", path);
        use_column = column(header, "record_use", path);
        boardings_column = column(header, "boardings", path);
        date_column = column(header, "service_date", path);
        needed = 1 + std::max({trip_column, use_column, boardings_column, date_column});
        header_seen = true;
        continue;
      }
      ++rows;
      std::string_view f[64];
      if (split(line, f, needed) < needed) continue;
      if (!(f[use_column].empty() || f[use_column] == "0") || f[boardings_column].empty()) continue;
      if (f[trip_column] != last_trip) {
        auto it = routes.by_trip.find(std::string(f[trip_column]));
        if (it == routes.by_trip.end()) continue;
        last_trip.assign(f[trip_column]);
        last_route = it->second;
      }
      const std::string_view date = f[date_column];
      if (date.size() != 8) continue;
      const int year = to_int(date.substr(0, 4)), month = to_int(date.substr(4, 2));
      int64_t boardings = 0;
      std::from_chars(f[boardings_column].data(), f[boardings_column].data() + f[boardings_column].size(), boardings);
      sums.add(last_route, month >= 4 ? year : year - 1, boardings);
    }
    if (last) break;
    kept = end - begin;
    std::memmove(buffer.data(), buffer.data() + begin, kept);
  }
  ::close(fd);
  sums.print(routes.names, rows);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string_view(argv[1]) == "--help") {
    std::fprintf(argc == 2 ? stdout : stderr,
                 "usage: %s FEED_DIR\nSums boardings per route and fiscal year from FEED_DIR/board_alight.txt "
                 "(trips mapped through FEED_DIR/trips.txt): reference (a) of tools/run-bench.\n",
                 argv[0]);
    return argc == 2 ? 0 : 2;
  }
  try {
    run(argv[1]);
  } catch (const Fail& e) {
    std::fprintf(stderr, "bench_parse_sum: %s\n", e.message.c_str());
    return 1;
  }
  return 0;
}
