// The bus_ridership plugin (交通政策課): city-bus boardings from GTFS-ride board_alight.txt mapped to
// routes through the GTFS / GTFS-JP static feed, or from a daily export; emits boardings per route and
// month and per route and fiscal year, and the KPI city_bus_riders (fiscal-year total).
#include <sosei/plugin.hpp>

#include <array>
#include <filesystem>
#include <optional>

#include "board_alight_import.hpp"
#include "boardings_table.hpp"
#include "daily_export_import.hpp"
#include "feed_files.hpp"
#include "header_checks.hpp"
#include "ride_feed_info.hpp"
#include "ridership_import.hpp"
#include "ridership_settings.hpp"
#include "route_index.hpp"

namespace {

using namespace bus_ridership;

constexpr std::array<sosei_series_spec, 3> kSeries{{
    {kKpi, "人", "年度（4月〜3月）ごとの市営バスの乗車人員、全路線の合計"},
    {kMonthlySeries, "人", "路線・月ごとの乗車人員（内訳 route）"},
    {kFiscalYearSeries, "人", "路線・年度ごとの乗車人員（内訳 route）"},
}};

// What the report and dashboard show for the series and the route dimension.
constexpr std::array<sosei_display_name, 4> kNames{{
    sosei::series_name(kKpi, "市営バス乗車人員", "City bus boardings"),
    sosei::series_name(kMonthlySeries, "乗車人員", "Boardings"),
    sosei::series_name(kFiscalYearSeries, "乗車人員", "Boardings"),
    sosei::dimension_name("route", "路線", "Route"),
}};

// Which GTFS-ride file carries the counts: board_alight.txt, or ridership.txt's totals when the
// fileset has no board_alight.txt (a folder or zip), or when `file`/`url` names a ridership*.txt.
enum class RideFile { BoardAlight, Ridership };

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

RideFile ride_file(const RidershipSettings& s, const FeedFiles* ride) {
  if (ride && (s.source_is_zip || s.source_is_folder))
    return !ride->has("board_alight.txt") && ride->has("ridership.txt") ? RideFile::Ridership : RideFile::BoardAlight;
  return file_name(s.source).starts_with("ridership") ? RideFile::Ridership : RideFile::BoardAlight;
}

sosei::Input open_ridership(const sosei::Context& ctx, const RidershipSettings& s, RideFile kind) {
  // A zipped feed: its board_alight.txt (or ridership.txt) member; the host streams ZIP members by name.
  const char* ride_member = kind == RideFile::Ridership ? "ridership.txt" : "board_alight.txt";
  const std::string member = s.format == Format::GtfsRide ? (s.source_is_zip ? ride_member : "") : s.sheet;
  std::string path = s.source;
  if (s.source_is_folder && kind == RideFile::Ridership)
    path = (std::filesystem::path(s.source).parent_path() / "ridership.txt").string();
  return s.fetch ? ctx.fetch(path, s.encoding, member) : ctx.open_file(path, s.encoding, member);
}

sosei::Input open_in(const sosei::Context& ctx, const FeedFiles& where, const std::string& encoding,
                     const std::string& member) {
  if (where.zip()) return ctx.open_file(where.path(), encoding, member);
  return ctx.open_file((std::filesystem::path(where.path()) / member).string(), encoding);
}

// ride_feed_info.txt beside the ridership file, else in the static feed; nullopt when neither has one.
std::optional<RideFeedInfo> find_ride_feed_info(const sosei::Context& ctx, const RidershipSettings& s,
                                                const FeedFiles& ride) {
  const FeedFiles* where = ride.has("ride_feed_info.txt") ? &ride : nullptr;
  std::optional<FeedFiles> feed;
  if (!where && (s.feed.path != ride.path() || s.feed.zip != ride.zip())) {
    feed.emplace(ctx, s.feed.path, s.feed.zip);
    if (feed->has("ride_feed_info.txt")) where = &*feed;
  }
  if (!where) return std::nullopt;
  sosei::Input input = open_in(ctx, *where, s.encoding, "ride_feed_info.txt");
  const std::string name = input.name();
  return naming_file(name, [&] { return read_ride_feed_info(ctx, input, name); });
}

// ride_files names the files holding valid ridership data: say so when the one read is not among them.
void check_ride_files(const sosei::Context& ctx, const std::optional<RideFeedInfo>& info, RideFile kind) {
  if (!info || info->ride_files < 0) return;
  const bool listed = kind == RideFile::Ridership ? info->lists_ridership() : info->lists_board_alight();
  if (!listed)
    ctx.warn(info->name + ": ride_files " + std::to_string(info->ride_files) +
             " は、有効な乗車データのファイルとして " + (kind == RideFile::Ridership ? "ridership" : "board_alight") +
             " を挙げていません。このまま読み込みます（ride_files の値を確かめてください）");
}

void report(const sosei::Context& ctx, const std::string& name, const ImportCounts& c) {
  ctx.info(name + ": " + std::to_string(c.rows) + " 行のうち " + std::to_string(c.counted) + " 行を計上（乗車 " +
           std::to_string(c.boardings) + " 人）、boardings が空欄の行 " + std::to_string(c.without_boardings) +
           " 行、対象外の record_use の行 " + std::to_string(c.other_record_use) + " 行、不正な行 " +
           std::to_string(c.rejected) + " 行");
  if (c.unknown_trips > 0)
    ctx.warn(name + ": " + std::to_string(c.unknown_trips) +
             " 行の trip_id が trips.txt にありません。feed_dir が同じ期間の GTFS 静的データか確かめてください");
}

class BusRidership : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"bus_ridership",
            "1.0.0",
            "交通政策課",
            "市営バスの乗車人員（GTFS-ride の board_alight.txt と GTFS/GTFS-JP の trips・routes、または日別の表）"
            "→ 路線・月ごと、路線・年度ごと、年度の合計",
            kSettings,
            kSeries,
            kNames};
  }

  void run(sosei::Context& ctx) override {
    const RidershipSettings settings = read_settings(ctx);
    RouteIndex routes;
    BoardingsTable table;
    std::string name;
    ImportCounts counts;
    if (settings.format == Format::GtfsRide) {
      // The ridership file first: when a fetched file has not changed the run ends before any work.
      std::optional<FeedFiles> ride;
      if (!settings.fetch) ride.emplace(ctx, settings.ride.path, settings.ride.zip);
      const RideFile kind = ride_file(settings, ride ? &*ride : nullptr);
      sosei::Input input = open_ridership(ctx, settings, kind);
      name = input.name();
      if (!ride) ride.emplace(ctx, settings.ride.path, settings.ride.zip);
      const std::optional<RideFeedInfo> info = find_ride_feed_info(ctx, settings, *ride);
      check_ride_files(ctx, info, kind);
      routes = read_feed(ctx, settings);
      if (kind == RideFile::Ridership) {
        const RidershipCounts totals =
            naming_file(name, [&] { return import_ridership(ctx, input, name, routes, table); });
        counts = totals.rows;
        ctx.info(name + ": 停留所・方向・時間帯・一部の曜日に限った行 " + std::to_string(totals.partial) +
                 " 行は合計ではないため計上していません。路線全体の行がある路線の便（trip）の行 " +
                 std::to_string(totals.covered) + " 行は、路線全体の行を使うため除きました");
      } else {
        counts =
            naming_file(name, [&] { return import_board_alight(ctx, input, name, settings, routes, table, info); });
      }
    } else {
      sosei::Input input = open_ridership(ctx, settings, RideFile::BoardAlight);
      name = input.name();
      counts = naming_file(name, [&] { return import_daily_export(ctx, input, name, routes, table); });
    }
    report(ctx, name, counts);
    if (table.empty())
      throw sosei::PluginError(
          SOSEI_ERR_INPUT, name + ": 取り込める乗車人数がありません（" + std::to_string(counts.rows) +
                               " 行を読みましたが、計上できる行は1行もありません）。ファイルの中身を確かめてください");
    table.emit(ctx, routes.groups(), name);
  }
};

}  // namespace

SOSEI_PLUGIN(BusRidership)
