// The per-row loop over board_alight.txt. GTFS-ride: record_use 0 rows carry ridership counts, 1 rows
// cancellations; only rows whose boardings field is set count; service_date (YYYYMMDD) gives the month.
#include "board_alight_import.hpp"

#include "header_checks.hpp"

#include <sosei/csv.hpp>

#include <algorithm>
#include <cstring>

namespace bus_ridership {
namespace {

// The last trip looked up: consecutive rows are usually the stops of one trip, so most rows skip the
// hash. The id is copied into a fixed buffer (no allocation); longer ids are simply not cached.
class TripCache {
 public:
  std::optional<uint32_t> find(std::string_view trip, const RouteIndex& routes) {
    if (valid_ && trip.size() == size_ && std::memcmp(trip.data(), id_, size_) == 0) return group_;
    auto group = routes.find_trip(trip);
    valid_ = group.has_value() && trip.size() <= sizeof id_;
    if (valid_) {
      std::memcpy(id_, trip.data(), trip.size());
      size_ = trip.size();
      group_ = *group;
    }
    return group;
  }

 private:
  char id_[128];
  std::size_t size_ = 0;
  uint32_t group_ = 0;
  bool valid_ = false;
};

// The last service_date parsed: rows come grouped by day far more often than not.
class DateCache {
 public:
  std::optional<YearMonth> parse(std::string_view date) {
    if (valid_ && date.size() == 8 && std::memcmp(date.data(), text_, 8) == 0) return month_;
    auto month = parse_gtfs_date(date);
    valid_ = month.has_value();
    if (valid_) {
      std::memcpy(text_, date.data(), 8);
      month_ = *month;
    }
    return month;
  }

 private:
  char text_[8];
  YearMonth month_;
  bool valid_ = false;
};

std::string quoted(std::string_view s) { return "'" + std::string(s.substr(0, 80)) + "'"; }

}  // namespace

ImportCounts import_board_alight(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 const RidershipSettings& s, const RouteIndex& routes, BoardingsTable& table,
                                 const std::optional<RideFeedInfo>& ride_info) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": is empty (a header row is required)");
  refuse_html(reader, name, "the GTFS-ride board_alight.txt");
  const sosei::CsvHeader header(reader);
  const std::size_t trip_column = header.require("trip_id", "mapping boardings to routes");
  const std::size_t boardings_column = header.require("boardings", "counting riders");
  const auto date_column = header.find("service_date");
  const auto record_use_column = header.find("record_use");
  // Undated boardings: the whole file when the column is absent (refused at once when the period does
  // not tell the fiscal year), else each row whose field is empty (a bad row then).
  std::optional<int> undated_year;
  std::string undated_refusal;
  if (!date_column) {
    undated_year = undated_fiscal_year(ride_info, name, "has no service_date column");
  } else {
    try {
      undated_year = undated_fiscal_year(ride_info, name, "service_date is empty");
    } catch (const sosei::PluginError& e) {
      undated_refusal = e.what();
    }
  }
  bool undated_seen = false;

  ImportCounts counts;
  TripCache trips;
  DateCache dates;
  auto reject = [&](const std::string& reason) {
    ++counts.rejected;
    ctx.reject(name, reader.line(), reason);
  };
  while (reader.next()) {
    if ((++counts.rows & 0xFFFF) == 0) ctx.progress(counts.rows, 0);
    // A field too many or too few shifts every column after it: which one is missing is unknowable.
    if (reader.size() != header.size()) {
      reject("the row has " + std::to_string(reader.size()) + " fields but the header has " +
             std::to_string(header.size()) + ": a field is missing or a value holds an unquoted comma");
      continue;
    }
    if (record_use_column && !s.any_record_use) {
      const std::string_view use = reader.field(*record_use_column);
      // An empty record_use is read as 0 (the field is required; feeds that leave it out mean counts).
      const bool selected = use.empty() || use == "0" ? s.record_use[0] : use == "1" && s.record_use[1];
      if (!selected) {
        ++counts.other_record_use;
        continue;
      }
    }
    const std::string_view boardings_text = reader.field(boardings_column);
    if (boardings_text.empty()) {
      ++counts.without_boardings;
      continue;
    }
    const auto boardings = parse_count(boardings_text);
    if (!boardings) {
      reject("boardings " + quoted(boardings_text) + " is not a whole number of riders (0 or more)");
      continue;
    }
    const std::string_view trip = reader.field(trip_column);
    const auto group = trips.find(trip, routes);
    if (!group) {
      ++counts.unknown_trips;
      reject("unknown trip_id " + quoted(trip) + ": not in trips.txt of the static feed");
      continue;
    }
    const std::string_view date = date_column ? reader.field(*date_column) : std::string_view();
    if (date.empty()) {
      if (!undated_year) {
        reject(undated_refusal);
        continue;
      }
      table.add_fiscal_year(*group, *undated_year, *boardings);
      undated_seen = true;
    } else {
      const auto month = dates.parse(date);
      if (!month) {
        reject("service_date " + quoted(date) + " is not a date written YYYYMMDD");
        continue;
      }
      table.add(*group, *month, *boardings);
    }
    ++counts.counted;
    counts.boardings += *boardings;
  }
  if (undated_seen) {
    table.set_fiscal_year_note(*undated_year, undated_note(*ride_info, *undated_year));
    ctx.info(name + ": " + undated_note(*ride_info, *undated_year));
  }
  ctx.progress(counts.rows, counts.rows);
  return counts;
}

}  // namespace bus_ridership
