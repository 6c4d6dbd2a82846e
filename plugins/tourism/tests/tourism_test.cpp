// Unit tests of the tourism plugin on the fake host (sosei/testing.hpp), as a department tests its
// own: monthly counts and yearly totals from generated common-standard tables, blanks, splits, totals
// rows, bad rows and fetch replies. CP932, XLSX and real HTTP are in tourism_runtime_test.cpp.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <map>
#include <string>

#include "visitor_fixtures.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

using sosei::testing::CapturedObservation;
using namespace visitor_fixtures;

namespace {

class TourismPlugin : public ::testing::Test {
 protected:
  static std::vector<Row> both_years() {
    auto rows = kama_2023();
    for (auto& r : kama_2024()) rows.push_back(r);
    return rows;
  }

  // Runs the plugin on a fresh fake host with these settings and the files written so far.
  int32_t run(const std::map<std::string, std::string>& settings, bool skip_bad_rows = false) {
    host_ = sosei::testing::FakeHost();
    for (const auto& [name, value] : settings) host_.setting(name, value);
    for (const auto& [name, text] : files_) host_.file(name, text);
    host_.skip_bad_rows(skip_bad_rows);
    return host_.run(sosei_plugin_entry());
  }
  std::string write(const std::string& name, const std::string& text) {
    files_[name] = text;
    return name;
  }

  std::string log() const {
    std::string all;
    for (const auto& l : host_.logs()) all += l.message + "\n";
    return all;
  }
  std::vector<CapturedObservation> of(const std::string& series) const {
    std::vector<CapturedObservation> out;
    for (const auto& o : host_.observations())
      if (o.series == series) out.push_back(o);
    return out;
  }

  // The KPI value of a calendar year; fails the test when there is not exactly one.
  double year_total(int year) const {
    const CapturedObservation* found = nullptr;
    for (const auto& o : host_.observations()) {
      if (o.series != "tourism_visitors" || o.period.year != year) continue;
      EXPECT_EQ(found, nullptr) << "two totals for " << year;
      found = &o;
    }
    if (!found) {
      ADD_FAILURE() << "no total for " << year;
      return -1;
    }
    EXPECT_EQ(found->period.kind, SOSEI_PERIOD_CALENDAR_YEAR);
    EXPECT_TRUE(found->dimensions.empty());
    return found->number;
  }

  const CapturedObservation* month(const std::string& spot, int year, int m) const {
    for (const auto& o : host_.observations())
      if (o.series == "monthly_visitors" && o.dimension("spot") == spot && o.period.year == year && o.period.month == m)
        return &o;
    return nullptr;
  }

  sosei::testing::FakeHost host_;
  std::map<std::string, std::string> files_;
};

TEST_F(TourismPlugin, MonthlyCountsPerSpotAndCalendarYearTotals) {
  auto rows = both_years();
  rows.push_back(totals_of(rows, "2023"));
  rows.push_back(totals_of(rows, "2024"));
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();

  EXPECT_EQ(year_total(2023), 240000);  // 120,000 + 78,000 + 42,000
  EXPECT_EQ(year_total(2024), 199000);  // 108,000 + 39,000 + 52,000: 遊人の杜 dropped, 碓井郷土館 added
  EXPECT_EQ(of("monthly_visitors").size(), 6u * 12u);  // the 合計 rows are checks, not observations

  const auto* august = month("馬見山キャンプ場", 2023, 8);
  ASSERT_NE(august, nullptr);
  EXPECT_EQ(august->number, 8000);
  EXPECT_EQ(august->period.kind, SOSEI_PERIOD_MONTH);
  EXPECT_EQ(august->line, 3u);
  EXPECT_EQ(august->file, "visitors.csv");
  EXPECT_EQ(month("碓井郷土館", 2024, 12)->number, 8000);
  EXPECT_EQ(month("遊人の杜", 2024, 1), nullptr);
  EXPECT_EQ(log().find("地点の行の合計と合いません"), std::string::npos) << log();
}

// Month headers stating their unit, on a second line of the cell or beside it (「1月\n（人）」,
// 「12月（人）」), are the months: the table was refused as missing 1月.
TEST_F(TourismPlugin, MonthHeadersWithTheirUnitAreTheMonths) {
  std::string text = csv(both_years());
  const auto first = text.find(",1月,");
  ASSERT_NE(first, std::string::npos) << text;
  text.replace(first, std::string(",1月,").size(), ",\"1月\n（人）\",");
  const auto last = text.find("12月");
  ASSERT_NE(last, std::string::npos);
  text.replace(last, std::string("12月").size(), "12月（人）");
  ASSERT_EQ(run({{"file", write("visitors.csv", text)}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2023), 240000) << log();
  EXPECT_EQ(year_total(2024), 199000);
}

TEST_F(TourismPlugin, BlankMonthIsMissingAndTheTotalCoversTheKnownMonthsWithANote) {
  auto rows = kama_2023();
  rows[0].months[2] = "";  // 嘉麻市観光まちづくり拠点, 3月
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();

  const auto* march = month("嘉麻市観光まちづくり拠点", 2023, 3);
  ASSERT_NE(march, nullptr);
  EXPECT_EQ(march->value_kind, SOSEI_VALUE_MISSING);  // not zero
  EXPECT_EQ(year_total(2023), 230000);                // 240,000 − the 10,000 not counted
  const auto kpi = of("tourism_visitors");
  ASSERT_EQ(kpi.size(), 1u);
  EXPECT_NE(kpi[0].note.find("1か月分がないため、わかっている月の合計です"), std::string::npos) << kpi[0].note;
  EXPECT_NE(kpi[0].note.find("嘉麻市観光まちづくり拠点 3月"), std::string::npos) << kpi[0].note;
  EXPECT_NE(log().find("1か月分がないため"), std::string::npos) << log();
}

TEST_F(TourismPlugin, SplitRowsOfOneSpotAddUpAndBecomeDimensions) {
  std::vector<Row> rows{
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 6000; }), "日帰り・県内", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 3000; }), "日帰り・県外", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 1000; }), "宿泊（県外）", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 10000; }), "計", ""},
      {"馬見山キャンプ場", "2023", months([](int m) { return 1000L * m; }), "宿泊・県内", ""},
      {"合計", "2023", months([](int) { return 2000; }), "宿泊", ""},  // 3月 wrong: 1,000 + 3,000 = 4,000
  };
  const auto file = write("split.csv", csv(rows, {.split_column = true}));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2023), 198000);  // 6,000·12 + 3,000·12 + 1,000·12 + 78,000
  const auto monthly = of("monthly_visitors");
  ASSERT_EQ(monthly.size(), 4u * 12u);
  EXPECT_EQ(monthly[0].dimension("stay"), "day_trip");
  EXPECT_EQ(monthly[0].dimension("origin"), "in_prefecture");
  EXPECT_EQ(monthly[24].dimension("stay"), "overnight");
  EXPECT_EQ(monthly[24].dimension("origin"), "out_of_prefecture");
  // The spot's 計 row matches; the 宿泊 合計 row is checked against the overnight rows of every origin.
  EXPECT_EQ(log().find("合計行「嘉麻市観光まちづくり拠点 計」"), std::string::npos) << log();
  EXPECT_NE(log().find("split.csv:7: 合計行「合計 宿泊」（2023年）が地点の行の合計と合いません: 2月（合計行 2,000、"
                       "地点の行の合計 3,000）"),
            std::string::npos)
      << log();
  EXPECT_EQ(log().find(": 1月（合計行"), std::string::npos) << log();  // 1,000 + 1,000 = 2,000 matches
}

// A row restating people already counted (県外（再掲）, うち県外, （再掲）うち道の駅) is shown again for
// readers, not counted again: the year stays 18,000, where it came out 19,200.
TEST_F(TourismPlugin, RestatedRowsAreNotCountedTwice) {
  std::vector<Row> rows{
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 1000; }), "日帰り", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 500; }), "宿泊", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 100; }), "県外（再掲）", ""},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 100; }), "うち県外", ""},
      {"（再掲）うち道の駅うすい", "2023", months([](int) { return 100; }), "日帰り", ""},
  };
  const auto file = write("restated.csv", csv(rows, {.split_column = true}));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2023), 18000);
  EXPECT_EQ(of("monthly_visitors").size(), 2u * 12u);
  EXPECT_NE(log().find("再掲・うちの行 3 行は、ほかの行に含まれる人数のため合計に入れません"), std::string::npos)
      << log();
}

// A fiscal-year table (4月 … 3月, or a 年度 column) cannot be read as calendar years: 1〜3月 fall in the
// next year. It is refused with what to do, where January to March were stored a year early.
TEST_F(TourismPlugin, AFiscalYearTableIsRefusedNotShiftedAYear) {
  std::string fiscal_order = "観光地点名,年,4月,5月,6月,7月,8月,9月,10月,11月,12月,1月,2月,3月\n馬見山,2023";
  for (int m = 0; m < 12; ++m) fiscal_order += ",1000";
  EXPECT_EQ(run({{"file", write("fiscal.csv", fiscal_order + "\n")}}), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("月の列が 4月 から始まっています。年度（4月〜翌年3月）の表は"), std::string::npos)
      << host_.error();
  std::string nendo = "観光地点名,年度,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月\n馬見山,2023";
  for (int m = 0; m < 12; ++m) nendo += ",1000";
  EXPECT_EQ(run({{"file", write("nendo.csv", nendo + "\n")}, {"year_column", "年度"}}), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("見出しに「年度」の列があります"), std::string::npos) << host_.error();
  EXPECT_TRUE(of("tourism_visitors").empty());
}

TEST_F(TourismPlugin, TotalsRowMismatchIsAWarningNamingTheRowNotAnError) {
  auto rows = kama_2023();
  auto total = totals_of(rows, "2023");
  total.months[2] = "25000";  // the spots add up to 10,000 + 3,000 + 3,500 = 16,500
  rows.push_back(total);
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2023), 240000);  // the totals row never counts
  EXPECT_NE(log().find("visitors.csv:5: 合計行「合計」（2023年）が地点の行の合計と合いません: 3月（合計行 25,000、"
                       "地点の行の合計 16,500）"),
            std::string::npos)
      << log();
  EXPECT_TRUE(host_.rejections().empty());
}

// Totals as tables spell them: the table's own (総数, 【合計】, 合計（人）) is checked and never counted; a
// total of some spots (小計, 嘉麻市計: which spots, the table does not say) is skipped.
TEST_F(TourismPlugin, EveryTotalsSpellingIsLeftOutOfTheYear) {
  for (const std::string grand : {"総数", "【合計】", "合計（人）", "合　計", "計(A)"}) {
    for (const std::string part : {"小計", "地区小計", "嘉麻市計"}) {
      auto rows = kama_2023();
      auto subtotal = totals_of(rows, "2023");
      subtotal.spot = part;
      rows.insert(rows.begin() + 1, subtotal);
      auto total = totals_of(kama_2023(), "2023");
      total.spot = grand;
      rows.push_back(total);
      const auto file = write("visitors.csv", csv(rows));
      ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
      EXPECT_EQ(year_total(2023), 240000) << grand << " / " << part;
      EXPECT_EQ(log().find("合いません"), std::string::npos) << grand << " / " << part << ": " << log();
    }
  }
}

TEST_F(TourismPlugin, TwoYearsSideBySideAreRefusedNotHalfRead) {
  std::string header = "地点名";
  std::string row = "嘉穂劇場";
  for (int block = 0; block < 2; ++block)
    for (int m = 1; m <= 12; ++m) {
      header += "," + std::to_string(m) + "月";
      row += "," + std::to_string(100 * (block + 1));
    }
  const auto file = write("two.csv", "令和4年,,,,,,,,,,,,令和5年\n" + header + "\n" + row + "\n");
  EXPECT_EQ(run({{"file", file}, {"year", "2023"}}), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("two.csv: line 2"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("1月 の列が2つあります（2 列目と 14 列目）"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(TourismPlugin, FullWidthMonthsTitleLinesRemarksAndTheYearSetting) {
  Shape shape{.year_column = false,
              .full_width_months = true,
              .lines_above = {"令和6年 観光地点別 観光入込客数", "（単位：人）"},
              .lines_below = {"※ 速報値。遊人の杜は令和6年から調査対象外。"}};
  auto rows = kama_2024();
  for (auto& r : rows) r.year.clear();
  const auto file = write("r6.csv", csv(rows, shape));
  ASSERT_EQ(run({{"file", file}, {"year", "2024"}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2024), 199000);
  EXPECT_EQ(month("嘉麻市観光まちづくり拠点", 2024, 1)->line, 4u);

  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("表に 年 の列がありません。表が数えている暦年を 'year' に設定してください"),
            std::string::npos)
      << host_.error();
}

TEST_F(TourismPlugin, HeaderNamesAreFoundWhateverTheirWidthAndSpacing) {
  // Full-width digits, spaces inside names and a column chosen by a setting.
  std::string text = csv(kama_2023(), {.code_column = true});
  text.replace(text.find("観光地点名"), std::string("観光地点名").size(), "観光 地点名");
  text.replace(text.find("観光地点コード"), std::string("観光地点コード").size(), "番号");
  const auto file = write("visitors.csv", text);
  ASSERT_EQ(run({{"file", file}, {"code_column", "番号"}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(month("馬見山キャンプ場", 2023, 12)->dimension("spot_code"), "40002");

  EXPECT_EQ(run({{"file", file}, {"code_column", "コード"}}), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("no column \"コード\" (setting 'code_column')"), std::string::npos) << host_.error();
}

TEST_F(TourismPlugin, DeclaresDisplayNamesForItsSeriesDimensionsAndSplitCodes) {
  std::vector<Row> rows{
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 6000; }), "日帰り・県内", "40001"},
      {"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 1000; }), "宿泊（県外）", "40001"},
      {"馬見山キャンプ場", "2023", months([](int) { return 500; }), "日帰り・県外", "40002"},
      {"馬見山キャンプ場", "2023", months([](int) { return 500; }), "宿泊・県内", "40002"},
  };
  const auto file = write("split.csv", csv(rows, {.code_column = true, .split_column = true}));
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  const sosei_plugin_descriptor* d = sosei_plugin_entry();
  // Every declared series and every dimension the run emitted has a Japanese and an English name.
  EXPECT_EQ(sosei::testing::unnamed_keys(d, host_.observations()), std::vector<std::string>{});
  const auto* visitors = sosei::testing::find_display_name(d, SOSEI_NAME_SERIES, "monthly_visitors");
  ASSERT_NE(visitors, nullptr);
  EXPECT_STREQ(visitors->name_ja, "観光入込客数");
  EXPECT_STREQ(visitors->name_en, "Visitors");
  EXPECT_STREQ(sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION, "spot")->name_ja, "観光地点");
  // The split codes are named; spot names are shown as they are.
  for (const auto& o : of("monthly_visitors"))
    for (const char* dimension : {"stay", "origin"})
      EXPECT_NE(sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION_VALUE, o.dimension(dimension), dimension),
                nullptr)
          << dimension << " " << o.dimension(dimension);
  EXPECT_STREQ(sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION_VALUE, "day_trip", "stay")->name_ja, "日帰り");
}

TEST_F(TourismPlugin, BadCountFailsTheRunWithFileLineAndReason) {
  auto rows = kama_2023();
  rows[1].months[11] = "約12000";
  const auto file = write("visitors.csv", csv(rows));
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_EQ(host_.rejections()[0].file, "visitors.csv");
  EXPECT_EQ(host_.rejections()[0].line, 3u);
  EXPECT_NE(host_.rejections()[0].reason.find("12月"), std::string::npos) << host_.rejections()[0].reason;
  EXPECT_NE(host_.error().find("visitors.csv:3"), std::string::npos) << host_.error();
  EXPECT_TRUE(of("tourism_visitors").empty());
}

// 1,000 without quotes is two cells, and every month after it moves one column right: the row is
// refused, where it was read as 1, 0, 1, 0 … and the year's total came out 6 instead of 12,000.
TEST_F(TourismPlugin, CountsSplitByUnquotedCommasAreRefusedNotShifted) {
  const auto file = write("visitors.csv",
                          "観光地点名,年,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月\n"
                          "馬見山,2023,1,000,1,000,1,000,1,000,1,000,1,000,1,000,1,000,1,000,1,000,1,000,1,000\n");
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_EQ(host_.rejections()[0].line, 2u);
  EXPECT_NE(host_.rejections()[0].reason.find("this row has 26 fields where the header has 14, and \"1\" followed by "
                                              "\"000\""),
            std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_TRUE(of("tourism_visitors").empty());
}

TEST_F(TourismPlugin, SkipModeCountsBadRowsAndTotalsTheRest) {
  auto rows = kama_2023();
  rows.push_back({"馬見山キャンプ場", "2023", months([](int) { return 1; }), "", ""});        // given twice
  rows.push_back({"嘉穂アルプス", "令和5年度", months([](int) { return 1; }), "", ""});       // a fiscal year
  rows.push_back({"千手川", "2023", months([](int m) { return m == 5 ? -3 : 1; }), "", ""});  // negative
  rows.push_back({"", "2023", months([](int) { return 7; }), "", ""});                        // no spot
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}, /*skip_bad_rows=*/true), SOSEI_OK) << host_.error();
  const auto& rejected = host_.rejections();
  ASSERT_EQ(rejected.size(), 4u);
  EXPECT_NE(rejected[0].reason.find("の 2023年の行が2度目です（最初は 3 行目）"), std::string::npos)
      << rejected[0].reason;
  EXPECT_NE(rejected[1].reason.find("は暦年ではありません"), std::string::npos) << rejected[1].reason;
  EXPECT_NE(rejected[2].reason.find("5月"), std::string::npos) << rejected[2].reason;
  EXPECT_EQ(rejected[3].line, 8u);
  EXPECT_EQ(year_total(2023), 240000);
}

TEST_F(TourismPlugin, MissingMonthColumnIsNamed) {
  const auto file = write("short.csv", "観光地点名,年,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月\n");
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("12か月そろっていません（ない列: 12月）"), std::string::npos) << host_.error();
}

TEST_F(TourismPlugin, BundledDemoSampleMatchesThePublishedTotals) {
  const std::string file = std::string(SOSEI_SOURCE_DIR) + "/config/data/tourism/kama-visitors-2023-2024.csv";
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();  // read from disk: not registered
  EXPECT_EQ(year_total(2023), 240000);                          // 24万人 (R5 baseline)
  EXPECT_EQ(year_total(2024), 199000);                          // 19.9万人 (reported as the R7 actual)
  EXPECT_EQ(log().find("地点の行の合計と合いません"), std::string::npos) << log();
  EXPECT_EQ(log().find("行の年計は"), std::string::npos) << log();
}

TEST_F(TourismPlugin, FetchOkUnchangedAndFailures) {
  const std::string url = "https://example.lg.jp/visitors.csv";
  host_ = sosei::testing::FakeHost();
  host_.setting("url", url).http(url, {200, csv(both_years())});
  ASSERT_EQ(host_.run(sosei_plugin_entry()), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2024), 199000);
  EXPECT_EQ(host_.observations().front().file, url);

  host_.http(url, {304, ""});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_UNCHANGED) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  host_.http(url, {500, "oops"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_IO);
  EXPECT_NE(host_.error().find(url), std::string::npos) << host_.error();

  host_.http(url, {200, "<!DOCTYPE html>\n<html><body>ログインしてください</body></html>\n"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("HTML"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("URL を確かめてください"), std::string::npos) << host_.error();
}

TEST_F(TourismPlugin, NeitherFileNorUrlIsAConfigurationError) {
  EXPECT_EQ(run({}), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("set either 'file'"), std::string::npos) << host_.error();
}

}  // namespace

// Issue 14 §1: a spot's row repeated for a year fails the run (under on_bad_row: fail), naming both lines,
// and no month of it is emitted twice.
TEST_F(TourismPlugin, RepeatedSpotAndYearFailsNamingBothLines) {
  auto rows = kama_2023();
  rows.push_back({"馬見山キャンプ場", "2023", months([](int) { return 1; }), "", ""});
  const auto file = write("visitors.csv", csv(rows));
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("2度目です（最初は 3 行目）"), std::string::npos) << host_.error();
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_EQ(host_.rejections()[0].line, rows.size() + 1);
}

// Issue 18 §3: a table cut off mid-row (an interrupted download) once revised 2024 from 199,000 down,
// with exit 0. Now the run fails naming file:line, under on_bad_row: skip too (the rows after the cut
// are lost as well), and no yearly total is emitted.
TEST_F(TourismPlugin, ATableCutOffMidRowFailsTheRunInsteadOfShrinkingTheYear) {
  const std::string whole = csv(both_years());
  const std::string cut = whole.substr(0, whole.rfind("4000,4000,8000") + 7);  // "…,4000,40"
  const auto file = write("visitors.csv", cut);
  for (const bool skip : {false, true}) {
    EXPECT_EQ(run({{"file", file}}, skip), SOSEI_ERR_INPUT);
    EXPECT_NE(host_.error().find("visitors.csv: line 7: the input ends in the middle of this record: it has 13 of 14 "
                                 "fields and no line end, so the file was cut off"),
              std::string::npos)
        << host_.error();
    EXPECT_TRUE(of("tourism_visitors").empty());
  }
  // The whole file, and the same file without its final line end, read as before.
  ASSERT_EQ(run({{"file", write("visitors.csv", whole.substr(0, whole.size() - 2))}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(year_total(2024), 199000);
}
