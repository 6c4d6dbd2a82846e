// The per-row loop over board_alight.txt. GTFS-ride: record_use 0 rows carry ridership counts, 1 rows
// cancellations; only rows whose boardings field is set count; service_date (YYYYMMDD) gives the month.
#include "board_alight_import.hpp"

#include "header_checks.hpp"
#include "quoted.hpp"

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

}  // namespace

ImportCounts import_board_alight(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 const RidershipSettings& s, const RouteIndex& routes, BoardingsTable& table,
                                 const std::optional<RideFeedInfo>& ride_info) {
  sosei::CsvReader reader(input, ',');
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  refuse_html(reader, name, "GTFS-ride の board_alight.txt ");
  const sosei::CsvHeader header(reader);
  const std::size_t trip_column = header.require("trip_id", "乗車人数を路線に対応付けるため");
  const std::size_t boardings_column = header.require("boardings", "乗車人数を数えるため");
  const auto date_column = header.find("service_date");
  const auto record_use_column = header.find("record_use");
  // Undated boardings: the whole file when the column is absent (refused at once when the period does
  // not tell the fiscal year), else each row whose field is empty (a bad row then).
  std::optional<int> undated_year;
  std::string undated_refusal;
  if (!date_column) {
    undated_year = undated_fiscal_year(ride_info, name, "service_date 列がありません");
  } else {
    try {
      undated_year = undated_fiscal_year(ride_info, name, "service_date が空欄です");
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
      reject("この行の項目は " + std::to_string(reader.size()) + " 個ですが、見出し行の項目は " +
             std::to_string(header.size()) +
             " 個です。項目が欠けているか、コンマを含む値が引用符（\"）で囲まれていない可能性があります");
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
      reject("boardings の" + quoted(boardings_text) + "は人数（0 以上の整数）ではありません");
      continue;
    }
    const std::string_view trip = reader.field(trip_column);
    const auto group = trips.find(trip, routes);
    if (!group) {
      ++counts.unknown_trips;
      reject("trip_id の" + quoted(trip) + "が GTFS 静的データの trips.txt にありません");
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
        reject("service_date の" + quoted(date) + "は YYYYMMDD 形式の日付ではありません");
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
