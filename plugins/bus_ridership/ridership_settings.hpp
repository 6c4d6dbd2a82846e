// The bus_ridership plugin's settings, read once and checked before any input is opened.
#pragma once

#include <sosei/plugin.hpp>

#include <array>
#include <string>

namespace bus_ridership {

enum class Format { GtfsRide, DailyExport };
enum class RouteKey { RouteId, ParentRoute };

// Where trips.txt and routes.txt are: a folder, or a GTFS zip (members opened by name).
struct FeedLocation {
  std::string path;
  bool zip = false;
};

struct RidershipSettings {
  Format format = Format::GtfsRide;
  RouteKey route_key = RouteKey::RouteId;
  std::string encoding = "auto";
  std::string sheet;                            // daily_export from XLSX: the sheet ("" = first)
  std::array<bool, 2> record_use{true, false};  // which GTFS-ride record_use values count (0, 1)
  bool any_record_use = false;                  // "any": every row with boardings counts

  bool fetch = false;             // `url` set: fetch it; else open `file`
  std::string source;             // the file path or the URL
  bool source_is_zip = false;     // gtfs_ride: the whole feed zipped; read its board_alight.txt
  bool source_is_folder = false;  // gtfs_ride: `file` named a folder (board_alight.txt or ridership.txt in it)
  FeedLocation feed;              // gtfs_ride: trips.txt + routes.txt
  FeedLocation ride;              // gtfs_ride: where ride_feed_info.txt (and ridership.txt) are looked for first
};

extern const std::array<sosei_setting_spec, 8> kSettings;

// Throws PluginError(SOSEI_ERR_CONFIG) with a sentence saying what to set.
RidershipSettings read_settings(const sosei::Context& ctx);

}  // namespace bus_ridership
