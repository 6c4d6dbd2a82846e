// Three more real GTFS-JP static feeds (道南バス: bare LF fields and full-width route names; 熊本都市バス:
// every text field quoted, trimmed to 300 trips; 臨港バス: CRLF and Japanese trip ids with full-width
// brackets) with a board_alight.txt generated for their real trip_ids, written the way the feed
// itself is (BOM, CRLF, quotes). Expected totals come from the feed read here with the SDK's CSV
// reader, route by route, not from the plugin.
#include <gtest/gtest.h>

#include <sosei/csv.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "plugin_run.hpp"

using namespace bus_ridership::test;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;

struct Expected {
  std::map<std::string, double> by_route, by_parent;
  double total = 0;
  std::size_t trips = 0;
};

struct Style {
  bool bom = false;
  bool crlf = false;
  bool quoted = false;
  bool dated = true;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// Trip k (its place in trips.txt) boards k % 7 + 1 at its first stop on 2025-05-01 (or undated).
std::string boardings_for(const std::string& feed, const Style& style, Expected& expected) {
  const std::string routes_text = slurp(conformance(feed + "/routes.txt"));
  sosei::StringByteReader routes_in(routes_text);
  sosei::CsvReader routes(routes_in, ',');
  EXPECT_TRUE(routes.next());
  const sosei::CsvHeader routes_header(routes);
  const auto route_id = *routes_header.find("route_id");
  const auto parent_id = routes_header.find("jp_parent_route_id");
  std::map<std::string, std::string> parent_of;
  while (routes.next()) {
    const std::string parent = parent_id ? std::string(routes.field(*parent_id)) : "";
    parent_of[std::string(routes.field(route_id))] = parent.empty() ? std::string(routes.field(route_id)) : parent;
  }

  const std::string trips_text = slurp(conformance(feed + "/trips.txt"));
  sosei::StringByteReader trips_in(trips_text);
  sosei::CsvReader trips(trips_in, ',');
  EXPECT_TRUE(trips.next());
  const sosei::CsvHeader trips_header(trips);
  const auto trip_id = *trips_header.find("trip_id");
  const auto trip_route = *trips_header.find("route_id");
  const std::string eol = style.crlf ? "\r\n" : "\n";
  auto q = [&](std::string_view v) { return style.quoted ? "\"" + std::string(v) + "\"" : std::string(v); };
  std::string out = style.bom ? "\xEF\xBB\xBF" : "";
  out += q("trip_id") + "," + q("stop_id") + "," + q("stop_sequence") + "," + q("record_use") + "," + q("boardings") +
         (style.dated ? "," + q("service_date") : "") + eol;
  for (std::size_t k = 0; trips.next(); ++k) {
    const int boardings = static_cast<int>(k % 7) + 1;
    const std::string route(trips.field(trip_route));
    expected.by_route[route] += boardings;
    expected.by_parent[parent_of.at(route)] += boardings;
    expected.total += boardings;
    ++expected.trips;
    out += q(trips.field(trip_id)) + "," + q("S1") + "," + q("1") + "," + q("0") + "," + q(std::to_string(boardings)) +
           (style.dated ? "," + q("20250501") : "") + eol;
  }
  return out;
}

void expect_feed(const std::string& feed, const Style& style, std::size_t trips, std::size_t parents) {
  Expected expected;
  const auto dir = fixture_dir();
  write_file(dir / "board_alight.txt", boardings_for(feed, style, expected));
  EXPECT_EQ(expected.trips, trips);
  EXPECT_EQ(expected.by_parent.size(), parents);
  if (!style.dated)
    write_file(dir / "ride_feed_info.txt",
               "ride_files,ride_start_date,ride_end_date,gtfs_feed_date,default_currency_type,ride_feed_version\n"
               "0,20250401,20260331,,JPY,\n");
  for (const char* key : {"route_id", "parent_route"}) {
    PluginRun run = run_plugin(
        {{"file", (dir / "board_alight.txt").string()}, {"feed_dir", conformance(feed).string()}, {"route_key", key}});
    ASSERT_EQ(run.result, SOSEI_OK) << feed << ": " << run.error;
    EXPECT_TRUE(run.rejections.empty()) << feed << ": " << run.rejections.at(0).reason;
    EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), expected.total) << feed;
    const auto& want = std::string(key) == "route_id" ? expected.by_route : expected.by_parent;
    EXPECT_EQ(run.routes_of_year(2025), want) << feed << " " << key;
    if (style.dated) {
      EXPECT_EQ(run.count("monthly_boardings"), want.size()) << feed;
    } else {
      EXPECT_EQ(run.count("monthly_boardings"), 0u) << feed;
      EXPECT_NE(run.note("city_bus_riders", kFy, 2025)->find("2025年度に計上"), std::string::npos);
    }
  }
}

}  // namespace

TEST(DonanGtfsJp, BomAndCrlfBoardingsPerRouteAndParent) {
  expect_feed("gtfs-jp-donan", {.bom = true, .crlf = true}, 541, 21);
}

TEST(DonanGtfsJp, UndatedBoardingsWithRideFeedInfo) { expect_feed("gtfs-jp-donan", {.dated = false}, 541, 21); }

TEST(ToshiGtfsJp, QuotedBoardingsPerRouteAndParent) { expect_feed("gtfs-jp-toshi", {.quoted = true}, 300, 2); }

TEST(RinkoGtfsJp, FullWidthTripIdsWithCrlf) { expect_feed("gtfs-jp-rinko", {.crlf = true, .quoted = true}, 6, 2); }

TEST(Conformance, NewCopiesKeepTheirNoticesAndLicenses) {
  EXPECT_NE(slurp(conformance("gtfs-ride-more/LICENSE")).find("Apache License"), std::string::npos);
  EXPECT_NE(slurp(conformance("gtfs-ride-more/README.md")).find("Oregon Department of Transportation"),
            std::string::npos);
  EXPECT_NE(slurp(conformance("gtfs-jp-donan/LICENSE")).find("CC BY-SA 3.0"), std::string::npos);
  EXPECT_NE(slurp(conformance("gtfs-jp-toshi/LICENSE")).find("CC BY 4.0"), std::string::npos);
  EXPECT_NE(slurp(conformance("gtfs-jp-toshi/README.md")).find("Trimmed in sosei's copy"), std::string::npos);
  EXPECT_NE(slurp(conformance("gtfs-jp-rinko/LICENSE")).find("MIT License"), std::string::npos);
}
