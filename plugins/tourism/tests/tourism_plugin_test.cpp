// The tourism plugin through the host: monthly counts and yearly totals from generated common-standard
// tables (CSV, CP932, XLSX), blanks, splits, totals rows, bad rows, and fetch mode.
#include <gtest/gtest.h>

#include "support/plugin_harness.hpp"
#include "support/http_test_server.hpp"
#include "visitor_fixtures.hpp"

using namespace sosei;
using namespace visitor_fixtures;

namespace {

class TourismPlugin : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "tourism"; }
  const char* plugin_file() const override { return PLUGIN_FILE; }

  static std::vector<Row> both_years() {
    auto rows = kama_2023();
    for (auto& r : kama_2024()) rows.push_back(r);
    return rows;
  }

  // The KPI value of a calendar year; fails the test when there is not exactly one.
  double year_total(int year) {
    const test_support::CapturedObservation* found = nullptr;
    for (const auto& o : sink_.observations) {
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

  const test_support::CapturedObservation* month(const std::string& spot, int year, int m) const {
    for (const auto& o : sink_.observations)
      if (o.series == "monthly_visitors" && o.dimensions.count("spot") && o.dimensions.at("spot") == spot &&
          o.period.year == year && o.period.month == m)
        return &o;
    return nullptr;
  }
};

TEST_F(TourismPlugin, MonthlyCountsPerSpotAndCalendarYearTotals) {
  auto rows = both_years();
  rows.push_back(totals_of(rows, "2023"));
  rows.push_back(totals_of(rows, "2024"));
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();

  EXPECT_EQ(year_total(2023), 240000);  // 120,000 + 78,000 + 42,000
  EXPECT_EQ(year_total(2024), 199000);  // 108,000 + 39,000 + 52,000: 遊人の杜 dropped, 碓井郷土館 added
  EXPECT_EQ(of("monthly_visitors").size(), 6u * 12u);  // the 合計 rows are checks, not observations

  const auto* august = month("馬見山キャンプ場", 2023, 8);
  ASSERT_NE(august, nullptr);
  EXPECT_EQ(august->number, 8000);
  EXPECT_EQ(august->period.kind, SOSEI_PERIOD_MONTH);
  EXPECT_EQ(august->line, 3u);
  EXPECT_NE(august->file.find("visitors.csv"), std::string::npos);
  EXPECT_EQ(month("碓井郷土館", 2024, 12)->number, 8000);
  EXPECT_EQ(month("遊人の杜", 2024, 1), nullptr);
  EXPECT_EQ(log().find("does not match"), std::string::npos) << log();
}

TEST_F(TourismPlugin, BlankMonthIsMissingAndTheTotalCoversTheKnownMonthsWithANote) {
  auto rows = kama_2023();
  rows[0].months[2] = "";  // 嘉麻市観光まちづくり拠点, 3月
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();

  const auto* march = month("嘉麻市観光まちづくり拠点", 2023, 3);
  ASSERT_NE(march, nullptr);
  EXPECT_EQ(march->value_kind, SOSEI_VALUE_MISSING);  // not zero
  EXPECT_EQ(year_total(2023), 230000);                 // 240,000 − the 10,000 not counted
  const auto kpi = of("tourism_visitors");
  ASSERT_EQ(kpi.size(), 1u);
  EXPECT_NE(kpi[0].note.find("1 month missing"), std::string::npos) << kpi[0].note;
  EXPECT_NE(kpi[0].note.find("嘉麻市観光まちづくり拠点 3月"), std::string::npos) << kpi[0].note;
  EXPECT_NE(log().find("1 month missing"), std::string::npos) << log();
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
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 198000);  // 6,000·12 + 3,000·12 + 1,000·12 + 78,000
  EXPECT_EQ(of("monthly_visitors").size(), 4u * 12u);
  const auto monthly = of("monthly_visitors");
  const auto& first = monthly[0];
  EXPECT_EQ(first.dimensions.at("stay"), "day_trip");
  EXPECT_EQ(first.dimensions.at("origin"), "in_prefecture");
  const auto& third = monthly[24];
  EXPECT_EQ(third.dimensions.at("stay"), "overnight");
  EXPECT_EQ(third.dimensions.at("origin"), "out_of_prefecture");
  // The spot's 計 row matches; the 宿泊 合計 row is checked against the overnight rows of every origin.
  EXPECT_EQ(log().find("totals row \"嘉麻市観光まちづくり拠点 計\""), std::string::npos) << log();
  EXPECT_NE(log().find("split.csv:7: totals row \"合計 宿泊\" (2023) does not match the spot rows: 2月 says 2,000, "
                       "the spot rows add up to 3,000"),
            std::string::npos)
      << log();
  EXPECT_EQ(log().find(" 1月 says"), std::string::npos) << log();  // 1,000 + 1,000 = 2,000 matches
}

TEST_F(TourismPlugin, TotalsRowMismatchIsAWarningNamingTheRowNotAnError) {
  auto rows = kama_2023();
  auto total = totals_of(rows, "2023");
  total.months[2] = "25000";  // the spots add up to 10,000 + 3,000 + 3,500 = 16,500
  rows.push_back(total);
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);  // the totals row never counts
  EXPECT_NE(log().find("visitors.csv:5: totals row \"合計\" (2023) does not match the spot rows: 3月 says 25,000, "
                       "the spot rows add up to 16,500"),
            std::string::npos)
      << log();
  EXPECT_TRUE(sink_.rejections.empty());
}

TEST_F(TourismPlugin, FullWidthMonthsTitleLinesRemarksAndTheYearSetting) {
  Shape shape{.year_column = false, .full_width_months = true,
              .lines_above = {"令和6年 観光地点別 観光入込客数", "（単位：人）"},
              .lines_below = {"※ 速報値。遊人の杜は令和6年から調査対象外。"}};
  auto rows = kama_2024();
  for (auto& r : rows) r.year.clear();
  const auto file = write("r6.csv", csv(rows, shape));
  ASSERT_EQ(run({{"file", file}, {"year", "2024"}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2024), 199000);
  EXPECT_EQ(month("嘉麻市観光まちづくり拠点", 2024, 1)->line, 4u);

  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);
  EXPECT_NE(error().find("set 'year'"), std::string::npos) << error();
}

TEST_F(TourismPlugin, ShiftJisTableWithSpotCodes) {
  const auto file = write("sjis.csv", plugin_test::to_cp932(csv(kama_2023(), {.code_column = true})));
  ASSERT_EQ(run({{"file", file}, {"encoding", "auto"}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);
  const auto* m = month("馬見山キャンプ場", 2023, 12);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->number, 12000);
  EXPECT_EQ(m->dimensions.at("spot_code"), "40002");
}

TEST_F(TourismPlugin, XlsxNamedSheet) {
  const auto file = path("visitors.xlsx");
  auto rows = both_years();
  ASSERT_TRUE(xlsx(file, "観光入込客数", rows, {.lines_above = {"観光地点別 月別 観光入込客数"}}));
  ASSERT_EQ(run({{"file", file}, {"sheet", "観光入込客数"}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);
  EXPECT_EQ(year_total(2024), 199000);
  EXPECT_EQ(month("馬見山キャンプ場", 2024, 6)->number, 3000);

  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);  // the cover sheet has no table
  EXPECT_NE(error().find("1月"), std::string::npos) << error();
}

TEST_F(TourismPlugin, BadCountFailsTheRunWithFileLineAndReason) {
  auto rows = kama_2023();
  rows[1].months[11] = "約12,000";
  const auto file = write("visitors.csv", csv(rows));
  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);
  ASSERT_EQ(sink_.rejections.size(), 1u);
  EXPECT_NE(sink_.rejections[0].first.find("visitors.csv:3"), std::string::npos) << sink_.rejections[0].first;
  EXPECT_NE(sink_.rejections[0].second.find("12月"), std::string::npos) << sink_.rejections[0].second;
  EXPECT_NE(error().find("visitors.csv:3"), std::string::npos) << error();
  EXPECT_TRUE(of("tourism_visitors").empty());
}

TEST_F(TourismPlugin, SkipModeCountsBadRowsAndTotalsTheRest) {
  auto rows = kama_2023();
  rows.push_back({"馬見山キャンプ場", "2023", months([](int) { return 1; }), "", ""});          // given twice
  rows.push_back({"嘉穂アルプス", "令和5年度", months([](int) { return 1; }), "", ""});          // a fiscal year
  rows.push_back({"千手川", "2023", months([](int m) { return m == 5 ? -3 : 1; }), "", ""});    // negative
  rows.push_back({"", "2023", months([](int) { return 7; }), "", ""});                          // no spot
  const auto file = write("visitors.csv", csv(rows));
  ASSERT_EQ(run({{"file", file}}, /*skip=*/true), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.rejections.size(), 4u);
  EXPECT_NE(sink_.rejections[0].second.find("appears twice for 2023: first on line 3"), std::string::npos)
      << sink_.rejections[0].second;
  EXPECT_NE(sink_.rejections[1].second.find("not a calendar year"), std::string::npos) << sink_.rejections[1].second;
  EXPECT_NE(sink_.rejections[2].second.find("5月"), std::string::npos) << sink_.rejections[2].second;
  EXPECT_NE(sink_.rejections[3].first.find("visitors.csv:8"), std::string::npos) << sink_.rejections[3].first;
  EXPECT_EQ(year_total(2023), 240000);
}

TEST_F(TourismPlugin, MissingMonthColumnIsNamed) {
  const auto file = write("short.csv", "観光地点名,年,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月\n");
  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);
  EXPECT_NE(error().find("12月 missing"), std::string::npos) << error();
}

TEST_F(TourismPlugin, BundledDemoSampleMatchesThePublishedTotals) {
  const std::string file = std::string(SOSEI_SOURCE_DIR) + "/config/data/tourism/kama-visitors-2023-2024.csv";
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);  // 24万人 (R5 baseline)
  EXPECT_EQ(year_total(2024), 199000);  // 19.9万人 (reported as the R7 actual)
  EXPECT_EQ(log().find("does not match"), std::string::npos) << log();
  EXPECT_EQ(log().find("the row total says"), std::string::npos) << log();
}

TEST_F(TourismPlugin, FetchOkThenUnchanged) {
  test_support::HttpTestServer server;
  server.put("visitors.csv", csv(both_years()), "\"r6-1\"");
  const std::string url = server.url("/ok/visitors.csv");
  ASSERT_EQ(run({{"url", url}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2024), 199000);
  const auto states = sink_.states;
  EXPECT_EQ(states.at("http.etag " + url), "\"r6-1\"");

  EXPECT_EQ(run({{"url", url}}, false, 5000, states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());
}

TEST_F(TourismPlugin, FetchFailuresNameTheUrlAndTheCause) {
  test_support::HttpTestServer server;
  server.put("visitors.csv", csv(both_years()));
  server.put("portal.html", "<!DOCTYPE html>\n<html><body>ログインしてください</body></html>\n");

  EXPECT_EQ(run({{"url", server.url("/status/500")}}), host::RunResult::Failed);
  EXPECT_NE(error().find(server.url("/status/500")), std::string::npos) << error();

  EXPECT_EQ(run({{"url", server.url("/slow/3000")}}, false, 300), host::RunResult::Failed);
  EXPECT_NE(error().find("/slow/3000"), std::string::npos) << error();

  EXPECT_EQ(run({{"url", server.url("/truncated/visitors.csv")}}), host::RunResult::Failed);
  EXPECT_TRUE(of("tourism_visitors").empty());

  EXPECT_EQ(run({{"url", server.url("/ok/portal.html")}}), host::RunResult::Failed);
  EXPECT_NE(error().find("HTML"), std::string::npos) << error();
  EXPECT_NE(error().find("check the URL"), std::string::npos) << error();
}

}  // namespace
