// Reading and checking the bus_ridership settings: format, route key, record_use filter and where the
// ridership file and the static feed (trips.txt, routes.txt) are.
#include "ridership_settings.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

namespace bus_ridership {

namespace {

constexpr std::array<sosei_setting_spec, 4> kRidershipSettings{{
    {"feed_dir", SOSEI_SETTING_PATH, 0, nullptr,
     "GTFS 静的データ: trips.txt と routes.txt のあるフォルダ、または GTFS の .zip（省略時: file と同じ場所）"},
    {"format", SOSEI_SETTING_STRING, 0, "gtfs_ride",
     "入力の形式: gtfs_ride（board_alight.txt）または daily_export（date,route,boardings の日別の表）"},
    {"route_key", SOSEI_SETTING_STRING, 0, "route_id",
     "路線の単位: route_id、または parent_route（GTFS-JP の jp_parent_route_id で、上り・下りなどの系統を"
     "1路線にまとめる）"},
    {"record_use", SOSEI_SETTING_STRING, 0, "0",
     "数える board_alight の record_use の値をカンマ区切りで（0 = 乗降の計数、1 = 取消の記録）。"
     "すべて数えるなら any"},
}};

// The usual input settings, explained for GTFS-ride.
constexpr auto kInput = sosei::with_help(
    sosei::with_help(
        sosei::with_help(sosei::kInputSettings, "file",
                         "board_alight.txt、それを入れたフォルダ、または GTFS(-JP) データ一式の .zip。"
                         "daily_export では CSV/XLSX のファイル"),
        "url", "file の代わりに、この URL から board_alight.txt（daily_export では日別の表）をダウンロードします"),
    "sheet", "daily_export を XLSX から読むときのシートの名前（省略時: 最初のシート）");

}  // namespace

const std::array<sosei_setting_spec, 8> kSettings = sosei::join_settings(kInput, kRidershipSettings);

namespace {

[[noreturn]] void config_error(const std::string& message) { throw sosei::PluginError(SOSEI_ERR_CONFIG, message); }

bool ends_with_zip(std::string_view path) {
  if (path.size() < 4) return false;
  std::string tail(path.substr(path.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
  return tail == ".zip";
}

void read_record_use(const std::string& text, RidershipSettings& s) {
  if (text == "any") {
    s.any_record_use = true;
    return;
  }
  s.record_use = {false, false};
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "0") {
      s.record_use[0] = true;
    } else if (item == "1") {
      s.record_use[1] = true;
    } else {
      config_error(
          "設定 'record_use' の「" + text +
          "」は使えません。GTFS-ride の record_use の値（0、1）をコンマ区切りで書くか、any を指定してください");
    }
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (!s.record_use[0] && !s.record_use[1])
    config_error("設定 'record_use' に値（0、1）を1つ以上書くか、any を指定してください");
}

FeedLocation feed_at(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return {path, false};
  if (ends_with_zip(path)) return {path, true};
  config_error("設定 'feed_dir' の「" + path +
               "」はフォルダでも .zip でもありません。trips.txt と routes.txt のあるフォルダか、"
               "GTFS の zip を指定してください");
}

}  // namespace

RidershipSettings read_settings(const sosei::Context& ctx) {
  RidershipSettings s;
  const std::string format = ctx.string_setting("format");
  if (format == "gtfs_ride") {
    s.format = Format::GtfsRide;
  } else if (format == "daily_export") {
    s.format = Format::DailyExport;
  } else {
    config_error("設定 'format' の「" + format + "」は使えません。gtfs_ride か daily_export を指定してください");
  }
  const std::string key = ctx.string_setting("route_key");
  if (key == "route_id") {
    s.route_key = RouteKey::RouteId;
  } else if (key == "parent_route") {
    s.route_key = RouteKey::ParentRoute;
  } else {
    config_error("設定 'route_key' の「" + key + "」は使えません。route_id か parent_route を指定してください");
  }
  read_record_use(ctx.string_setting("record_use"), s);
  s.encoding = ctx.string_setting("encoding");
  s.sheet = ctx.string_setting("sheet");

  const std::string file = ctx.string_setting("file");
  const std::string url = ctx.string_setting("url");
  if (!file.empty() && !url.empty())
    config_error(
        "'file'（ファイルを取り込む）と 'url'（ダウンロードして取り込む）の両方が設定されています。"
        "どちらか1つだけを設定してください");
  if (file.empty() && url.empty())
    config_error("'file'（ファイルを取り込む）か 'url'（ダウンロードして取り込む）のどちらかを設定してください");
  s.fetch = file.empty();
  s.source = s.fetch ? url : file;
  if (s.format == Format::DailyExport) return s;

  // gtfs_ride: board_alight.txt itself, a folder with it, or the whole feed zipped.
  std::error_code ec;
  if (!s.fetch && std::filesystem::is_directory(file, ec)) {
    s.source = (std::filesystem::path(file) / "board_alight.txt").string();
    s.source_is_folder = true;
  }
  s.source_is_zip = ends_with_zip(s.source);
  const std::string feed_dir = ctx.string_setting("feed_dir");
  if (!feed_dir.empty()) {
    s.feed = feed_at(feed_dir);
  } else if (s.fetch) {
    // A second fetch of the same URL in one run would be answered 304 once the first stored the ETag.
    config_error(
        "設定 'url' で board_alight.txt をダウンロードするときは、GTFS 静的データ（trips.txt と routes.txt）が"
        "手元に必要です。設定 'feed_dir' に trips.txt と routes.txt のあるフォルダ（または GTFS の zip）を"
        "指定してください");
  } else if (s.source_is_zip) {
    s.feed = {s.source, true};
  } else {
    std::string folder = std::filesystem::path(s.source).parent_path().string();
    s.feed = {folder.empty() ? std::string(".") : folder, false};
  }
  // The GTFS-ride files sit beside the ridership file (or in its zip); a fetched file has only feed_dir.
  if (s.fetch) {
    s.ride = s.feed;
  } else if (s.source_is_zip) {
    s.ride = {s.source, true};
  } else {
    std::string folder = std::filesystem::path(s.source).parent_path().string();
    s.ride = {folder.empty() ? std::string(".") : folder, false};
  }
  return s;
}

}  // namespace bus_ridership
