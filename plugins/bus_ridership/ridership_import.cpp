// The rows of ridership.txt: which are totals, which fiscal year, which route, and no range counted
// twice. The file is aggregate (a row per route and month at most), so its ranges are kept per scope
// to refuse overlaps; nothing else grows with it.
#include "ridership_import.hpp"

#include <sosei/csv.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <vector>

#include "header_checks.hpp"
#include "quoted.hpp"

namespace bus_ridership {
namespace {

// Days since 1970-01-01 (civil calendar), for ranges and their overlaps.
long day_number(const YearMonth& d) {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Range {
  long first = 0, last = 0;
  uint64_t line = 0;
};

enum Level { kSystem = 0, kRoute = 1, kTrip = 2 };

constexpr std::array<const char*, 7> kDays{"monday", "tuesday",  "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};

}  // namespace

RidershipCounts import_ridership(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 const RouteIndex& routes, BoardingsTable& table) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  refuse_html(reader, name, "GTFS-ride の ridership.txt ");
  const sosei::CsvHeader header(reader);
  const std::size_t boardings_column = header.require("total_boardings", "乗車人数を数えるため");
  const std::size_t start_column = header.require("ridership_start_date", "合計の年度を決めるため");
  const std::size_t end_column = header.require("ridership_end_date", "合計の年度を決めるため");
  // What narrows a row to part of the service: then it is not a total of the route or the system.
  const std::array<std::optional<std::size_t>, 5> scope_columns{
      header.find("stop_id"), header.find("direction_id"), header.find("ridership_start_time"),
      header.find("ridership_end_time"), header.find("service_id")};
  constexpr std::array<const char*, 5> kScopeNames{"stop_id", "direction_id", "ridership_start_time",
                                                   "ridership_end_time", "service_id"};
  std::array<std::optional<std::size_t>, 7> day_columns;
  for (std::size_t i = 0; i < kDays.size(); ++i) day_columns[i] = header.find(kDays[i]);
  const auto route_column = header.find("route_id");
  const auto trip_column = header.find("trip_id");

  RidershipCounts counts;
  auto reject = [&](const std::string& reason) {
    ++counts.rows.rejected;
    ctx.reject(name, reader.line(), reason);
  };
  auto cell = [&](std::optional<std::size_t> column) { return column ? reader.cell(*column) : std::string_view(); };

  // Scope ("s", "r<route>", "t<trip>") → the ranges counted for it, to refuse a second count of a day.
  std::map<std::string, std::vector<Range>> ranges;
  // (level, group, fiscal year) → boardings; group 0 for the system level.
  std::map<std::array<int64_t, 3>, int64_t> sums;
  std::map<int, std::set<std::pair<long, long>>> covered_days;  // fiscal year → counted ranges
  std::string scope;
  while (reader.next()) {
    ++counts.rows.rows;
    if (reader.size() != header.size()) {
      reject("この行の項目は " + std::to_string(reader.size()) + " 個ですが、見出し行の項目は " +
             std::to_string(header.size()) +
             " 個です。項目が欠けているか、コンマを含む値が引用符（\"）で囲まれていない可能性があります");
      continue;
    }
    std::string narrowed;
    for (std::size_t i = 0; i < scope_columns.size() && narrowed.empty(); ++i)
      if (!cell(scope_columns[i]).empty()) narrowed = kScopeNames[i];
    bool days_given = false, all_days = true;
    for (const auto& column : day_columns) {
      const std::string_view v = cell(column);
      days_given |= !v.empty();
      all_days &= v == "1";
    }
    if (narrowed.empty() && days_given && !all_days) narrowed = "monday..sunday";
    if (!narrowed.empty()) {
      ++counts.partial;  // a valid row, but part of a day's or a route's riders: summing it would mislead
      continue;
    }
    const std::string_view boardings_text = reader.field(boardings_column);
    if (boardings_text.empty()) {
      ++counts.rows.without_boardings;
      continue;
    }
    const auto boardings = parse_count(boardings_text);
    if (!boardings) {
      reject("total_boardings の" + quoted(boardings_text) + "は人数（0 以上の整数）ではありません");
      continue;
    }
    const std::string_view start_text = reader.field(start_column), end_text = reader.field(end_column);
    const auto start = parse_gtfs_date(start_text), end = parse_gtfs_date(end_text);
    if (!start || !end) {
      reject(std::string(!start ? "ridership_start_date の" + quoted(start_text)
                                : "ridership_end_date の" + quoted(end_text)) +
             "は YYYYMMDD 形式の日付ではありません");
      continue;
    }
    const long first = day_number(*start), last = day_number(*end);
    if (last < first) {
      reject("ridership_end_date の" + quoted(end_text) + "が ridership_start_date の" + quoted(start_text) +
             "より前です。日付を確かめてください");
      continue;
    }
    const int year = fiscal_year_of(*start);
    if (fiscal_year_of(*end) != year) {
      reject("期間 " + std::string(start_text) + ".." + std::string(end_text) + " は " + std::to_string(year) +
             "年度と " + std::to_string(fiscal_year_of(*end)) +
             "年度にまたがっています。合計は年度（4月〜翌年3月）ごとに数えるので、3月31日で行を分けてください");
      continue;
    }
    const std::string_view trip = cell(trip_column), route = cell(route_column);
    Level level = kSystem;
    uint32_t group = 0;
    if (!trip.empty()) {
      const auto found = routes.find_trip(trip);
      if (!found) {
        ++counts.rows.unknown_trips;
        reject("trip_id の" + quoted(trip) + "が GTFS 静的データの trips.txt にありません");
        continue;
      }
      level = kTrip, group = *found;
      scope.assign("t").append(trip);
    } else if (!route.empty()) {
      const auto found = routes.find_route(route);
      if (!found) {
        reject("route_id の" + quoted(route) + "が GTFS 静的データの routes.txt にありません");
        continue;
      }
      level = kRoute, group = *found;
      scope.assign("r").append(route);
    } else {
      scope.assign("s");
    }
    auto& seen = ranges[scope];
    const auto overlap =
        std::find_if(seen.begin(), seen.end(), [&](const Range& r) { return first <= r.last && r.first <= last; });
    if (overlap != seen.end()) {
      reject("期間 " + std::string(start_text) + ".." + std::string(end_text) + " が、同じ" +
             (level == kSystem  ? std::string("全体の合計")
              : level == kRoute ? "路線"
                                : "便（trip）") +
             "の " + std::to_string(overlap->line) +
             " 行目の期間と重なっています。重なった日が二重に数えられるため、期間を直してください");
      continue;
    }
    seen.push_back({first, last, reader.line()});
    sums[{level, group, year}] += *boardings;
    covered_days[year].insert({first, last});
    ++counts.rows.counted;
    counts.rows.boardings += *boardings;
  }

  // Per route and fiscal year, the coarsest level it has; the KPI from system-wide rows if any.
  std::map<std::pair<uint32_t, int>, int> route_level;  // (group, year) → coarsest level among kRoute, kTrip
  std::set<int> years, system_years;
  for (const auto& [key, boardings] : sums) {
    const int year = static_cast<int>(key[2]);
    years.insert(year);
    if (key[0] == kSystem) {
      system_years.insert(year);
      table.set_fiscal_year_total(year, boardings);
      continue;
    }
    auto [it, fresh] = route_level.emplace(std::pair{static_cast<uint32_t>(key[1]), year}, static_cast<int>(key[0]));
    if (!fresh) it->second = std::min(it->second, static_cast<int>(key[0]));
  }
  for (const auto& [key, boardings] : sums) {
    if (key[0] == kSystem) continue;
    const auto group = static_cast<uint32_t>(key[1]);
    const int year = static_cast<int>(key[2]);
    if (route_level.at({group, year}) != key[0]) {
      ++counts.covered;
      continue;
    }
    table.add_fiscal_year(group, year, boardings);
  }
  for (const int year : years) {
    // The days the counted rows cover, for a partial year's note.
    long days = 0, run_first = 0, run_last = -1;
    bool open = false;
    for (const auto& [a, b] : covered_days[year]) {
      if (open && a <= run_last + 1) {
        run_last = std::max(run_last, b);
        continue;
      }
      if (open) days += run_last - run_first + 1;
      run_first = a, run_last = b, open = true;
    }
    if (open) days += run_last - run_first + 1;
    const long year_days = day_number({year + 1, 4, 1}) - day_number({year, 4, 1});
    std::string note = name + " の合計から";
    if (!system_years.count(year)) note += "（路線の合計）";
    if (days < year_days) {
      note += "。年度の一部: " + std::to_string(year_days) + "日のうち " + std::to_string(days) + "日分の合計";
      ctx.warn(std::to_string(year) + "年度: " + note + "。合計は1年分の利用者数ではありません");
    }
    table.set_fiscal_year_note(year, note);
  }
  ctx.progress(counts.rows.rows, counts.rows.rows);
  return counts;
}

}  // namespace bus_ridership
