// The bus_ridership plugin (交通政策課): city-bus boardings from GTFS-ride board_alight.txt mapped to
// routes through the GTFS / GTFS-JP static feed, or from a daily export; emits boardings per route and
// month and per route and fiscal year, and the KPI city_bus_riders (fiscal-year total).
#include <sosei/plugin.hpp>

#include <array>

#include "board_alight_import.hpp"
#include "boardings_table.hpp"
#include "daily_export_import.hpp"
#include "ridership_settings.hpp"
#include "route_index.hpp"

namespace {

using namespace bus_ridership;

constexpr std::array<sosei_series_spec, 3> kSeries{{
    {kKpi, "人", "city bus boardings per fiscal year (April–March), all routes"},
    {kMonthlySeries, "人", "boardings per route and month (dimension route)"},
    {kFiscalYearSeries, "人", "boardings per route and fiscal year (dimension route)"},
}};

// What the report and dashboard show for the series and the route dimension.
constexpr std::array<sosei_display_name, 4> kNames{{
    sosei::series_name(kKpi, "市営バス乗車人員", "City bus boardings"),
    sosei::series_name(kMonthlySeries, "乗車人員", "Boardings"),
    sosei::series_name(kFiscalYearSeries, "乗車人員", "Boardings"),
    sosei::dimension_name("route", "路線", "Route"),
}};

sosei::Input open_ridership(const sosei::Context& ctx, const RidershipSettings& s) {
  // A zipped feed: its board_alight.txt member (the host streams ZIP members by name).
  const std::string member = s.format == Format::GtfsRide ? (s.source_is_zip ? "board_alight.txt" : "") : s.sheet;
  return s.fetch ? ctx.fetch(s.source, s.encoding, member) : ctx.open_file(s.source, s.encoding, member);
}

void report(const sosei::Context& ctx, const std::string& name, const ImportCounts& c) {
  ctx.info(name + ": " + std::to_string(c.rows) + " rows, " + std::to_string(c.counted) + " counted (" +
           std::to_string(c.boardings) + " boardings), " + std::to_string(c.without_boardings) +
           " without boardings, " + std::to_string(c.other_record_use) + " with another record_use, " +
           std::to_string(c.rejected) + " rejected");
  if (c.unknown_trips > 0)
    ctx.warn(name + ": " + std::to_string(c.unknown_trips) +
             " rows name a trip_id that trips.txt does not list; is feed_dir the feed of the same period?");
}

class BusRidership : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"bus_ridership",
            "1.0.0",
            "交通政策課",
            "City-bus boardings from GTFS-ride board_alight.txt (+ GTFS/GTFS-JP trips and routes) or a daily "
            "export: per route and month, per route and fiscal year, and the fiscal-year total",
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
      sosei::Input input = open_ridership(ctx, settings);
      name = input.name();
      routes = read_feed(ctx, settings);
      counts = import_board_alight(ctx, input, name, settings, routes, table);
    } else {
      sosei::Input input = open_ridership(ctx, settings);
      name = input.name();
      counts = import_daily_export(ctx, input, name, routes, table);
    }
    report(ctx, name, counts);
    if (table.empty())
      throw sosei::PluginError(
          SOSEI_ERR_INPUT, name + ": no boardings to import (" + std::to_string(counts.rows) + " rows, none counted)");
    table.emit(ctx, routes.groups(), name);
  }
};

}  // namespace

SOSEI_PLUGIN(BusRidership)
