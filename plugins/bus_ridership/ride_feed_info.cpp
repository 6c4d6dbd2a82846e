// Reading ride_feed_info.txt and the fiscal-year rule for undated boardings.
#include "ride_feed_info.hpp"

#include <sosei/csv.hpp>

#include "header_checks.hpp"

namespace bus_ridership {
namespace {

constexpr const char* kRule =
    "service_date のない乗車人数は、ride_feed_info.txt の ride_start_date..ride_end_date が1つの年度"
    "（4月〜翌年3月）に収まるときだけ、その年度に計上します";

std::string fy_text(int year) { return std::to_string(year) + "年度"; }

std::string day_text(const YearMonth& d) {
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day);
}

}  // namespace

RideFeedInfo read_ride_feed_info(const sosei::Context& ctx, sosei::Input& input, const std::string& name) {
  sosei::CsvReader reader(input, ',');
  RideFeedInfo info;
  info.name = name;
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  refuse_html(reader, name, "GTFS-ride の ride_feed_info.txt ");
  const sosei::CsvHeader header(reader);
  const auto files_column = header.find("ride_files");
  const auto start_column = header.find("ride_start_date");
  const auto end_column = header.find("ride_end_date");
  const auto version_column = header.find("ride_feed_version");
  if (!reader.next()) return info;  // a header only: nothing to tell
  auto field = [&](std::optional<std::size_t> column) { return column ? reader.cell(*column) : std::string_view(); };
  auto fail = [&](const std::string& what) -> sosei::PluginError {
    return sosei::PluginError(SOSEI_ERR_INPUT, name + ":" + std::to_string(reader.line()) + ": " + what);
  };
  const std::string_view files = field(files_column);
  if (!files.empty()) {
    if (files.size() != 1 || files[0] < '0' || files[0] > '6')
      throw fail("ride_files の「" + std::string(files) +
                 "」は仕様の値（0〜6）ではありません。0〜6 の数字を1つ書いてください");
    info.ride_files = files[0] - '0';
  }
  info.start_text = std::string(field(start_column));
  info.end_text = std::string(field(end_column));
  if (!info.start_text.empty() && !(info.start = parse_gtfs_date(info.start_text)))
    throw fail("ride_start_date の「" + info.start_text + "」は YYYYMMDD 形式の日付ではありません");
  if (!info.end_text.empty() && !(info.end = parse_gtfs_date(info.end_text)))
    throw fail("ride_end_date の「" + info.end_text + "」は YYYYMMDD 形式の日付ではありません");
  info.version = std::string(field(version_column));
  const uint64_t first = reader.line();
  if (reader.next())
    ctx.warn(name + ": データの行が複数あります。ファイル一式の説明として " + std::to_string(first) +
             " 行目だけを使い、残りの行は無視します");
  return info;
}

int undated_fiscal_year(const std::optional<RideFeedInfo>& info, const std::string& file, const std::string& why) {
  const std::string head = file + ": " + why + "。" + kRule;
  if (!info)
    throw sosei::PluginError(
        SOSEI_ERR_INPUT, head +
                             "。同じ場所にも feed_dir にも ride_feed_info.txt がありません。各行に "
                             "service_date（YYYYMMDD）を入れるか、期間を書いた ride_feed_info.txt を置いてください");
  if (!info->start || !info->end)
    throw sosei::PluginError(SOSEI_ERR_INPUT, head + "。" + info->name + " に " +
                                                  (info->start ? "ride_end_date" : "ride_start_date") +
                                                  " がありません。各行に service_date（YYYYMMDD）を入れるか、" +
                                                  info->name + " に日付を書いてください");
  const int first = fiscal_year_of(*info->start), last = fiscal_year_of(*info->end);
  const auto start_key = info->start->year * 10000 + info->start->month * 100 + info->start->day;
  const auto end_key = info->end->year * 10000 + info->end->month * 100 + info->end->day;
  if (end_key < start_key)
    throw sosei::PluginError(SOSEI_ERR_INPUT, head + "。" + info->name + " の ride_end_date " + info->end_text +
                                                  " が ride_start_date " + info->start_text +
                                                  " より前です。日付を確かめてください");
  if (first != last)
    throw sosei::PluginError(SOSEI_ERR_INPUT, head + "。" + info->name + " の期間 " + info->start_text + ".." +
                                                  info->end_text + " は " + fy_text(first) + "と " + fy_text(last) +
                                                  "にまたがっています。各行に service_date（YYYYMMDD）を入れるか、"
                                                  "年度ごとにファイル一式を分けてください");
  return first;
}

// A note the city's staff read (Japanese, as the other notes of the bundled plugins).
std::string undated_note(const RideFeedInfo& info, int fiscal_year) {
  std::string note = "service_date がないため、" + info.name +
                     " の期間（ride_start_date〜ride_end_date: " + day_text(*info.start) + "〜" + day_text(*info.end) +
                     "）により " + std::to_string(fiscal_year) + "年度に計上";
  const bool whole = info.start->month == 4 && info.start->day == 1 && info.end->month == 3 && info.end->day == 31;
  if (!whole) note += "。期間は年度全体ではありません";
  return note;
}

}  // namespace bus_ridership
