// The school_scores plugin through the host: hand-computed standardized scores, level averages and the
// KPI (the lower level), the series break of IRT scaled scores, per-school rows, CP932, XLSX, bad rows
// and fetch mode.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "support/plugin_harness.hpp"
#include "support/http_test_server.hpp"

using namespace sosei;

namespace {

// Hand-computed (city ÷ national × 100):
//   小 国語 65.0 / 67.0 = 97.0149253731    小 算数 70.2 / 63.4 = 110.7255520505   → 小 average 103.8702387118
//   中 国語 58.0 / 58.1 = 99.8278829604    中 数学 48.0 / 52.5 =  91.4285714286   → 中 average  95.6282271945
//   KPI = min(103.87…, 95.63…) = 95.6282271945 (中 decides)
const std::string kFy2024 =
    "年度,校種,教科,市平均正答率,全国平均正答率\n"
    "R6,小学校,国語,65.0,67.0\n"
    "R6,小学校,算数,70.2,63.4\n"
    "R6,中学校,国語,58.0,58.1\n"
    "R6,中学校,数学,48.0,52.5\n";

// FY2025: 中 理科 is a computer-based test reported as an IRT scaled score (national 503).
//   小 国語 66/66 = 100, 小 算数 60/58 = 103.4482758621                        → 小 101.7241379310
//   中 国語 57/58 = 98.2758620690, 中 数学 50/51 = 98.0392156863               → 中  98.1575388776
//   中 理科 492/503 = 97.8131212724 (break; left out of the 中 average)          → KPI 98.1575388776 (break)
const std::string kFy2025 =
    "年度,校種,教科,市平均正答率,全国平均正答率,score_type\n"
    "2025,小,国語,66,66,rate\n"
    "2025,小,算数,60,58,rate\n"
    "2025,中,国語,57,58,rate\n"
    "2025,中,数学,50,51,rate\n"
    "2025,中,理科,492,503,scaled\n";

class SchoolScoresPlugin : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "school_scores"; }
  const char* plugin_file() const override { return PLUGIN_FILE; }

  // The one observation of `series` for the year and dimensions; fails the test otherwise.
  test_support::CapturedObservation one(const std::string& series, int year,
                                        const std::map<std::string, std::string>& dims = {}) const {
    std::vector<test_support::CapturedObservation> found;
    for (const auto& o : sink_.observations)
      if (o.series == series && o.period.year == year && o.dimensions == dims) found.push_back(o);
    EXPECT_EQ(found.size(), 1u) << series << " " << year;
    if (found.empty()) return {};
    EXPECT_EQ(found[0].period.kind, SOSEI_PERIOD_FISCAL_YEAR);
    return found[0];
  }
};

TEST_F(SchoolScoresPlugin, HandComputedScoresLevelAveragesAndTheKpi) {
  ASSERT_EQ(run({{"file", write("r6.csv", kFy2024)}}), host::RunResult::Succeeded) << error();

  auto s = one("standardized_score", 2024, {{"level", "小"}, {"subject", "国語"}});
  EXPECT_NEAR(s.number, 97.0149253731, 1e-9);  // full precision, not rounded to 97.0
  EXPECT_EQ(s.flags, 0u);
  EXPECT_EQ(s.line, 2u);
  EXPECT_NEAR(one("standardized_score", 2024, {{"level", "小"}, {"subject", "算数"}}).number, 110.7255520505, 1e-9);
  EXPECT_NEAR(one("standardized_score", 2024, {{"level", "中"}, {"subject", "数学"}}).number, 91.4285714286, 1e-9);

  EXPECT_NEAR(one("difference_points", 2024, {{"level", "小"}, {"subject", "国語"}}).number, -2.0, 1e-9);
  EXPECT_NEAR(one("difference_points", 2024, {{"level", "小"}, {"subject", "算数"}}).number, 6.8, 1e-9);
  EXPECT_NEAR(one("difference_points", 2024, {{"level", "中"}, {"subject", "数学"}}).number, -4.5, 1e-9);  // △4.5

  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 103.8702387118, 1e-9);
  EXPECT_NEAR(one("level_average", 2024, {{"level", "中"}}).number, 95.6282271945, 1e-9);

  const auto kpi = one("school_scores", 2024);
  EXPECT_NEAR(kpi.number, 95.6282271945, 1e-9);
  EXPECT_EQ(kpi.flags, 0u);
  EXPECT_TRUE(kpi.dimensions.empty());
  EXPECT_NE(kpi.note.find("min(小 103.9, 中 95.6) = 95.6, 中 decides"), std::string::npos) << kpi.note;
}

TEST_F(SchoolScoresPlugin, ScaledScoresCarryASeriesBreakAndStayOutOfThePercentAverage) {
  ASSERT_EQ(run({{"file", write("r7.csv", kFy2025)}}), host::RunResult::Succeeded) << error();

  const auto science = one("standardized_score", 2025, {{"level", "中"}, {"subject", "理科"}});
  EXPECT_NEAR(science.number, 97.8131212724, 1e-9);
  EXPECT_EQ(science.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_EQ(one("difference_points", 2025, {{"level", "中"}, {"subject", "理科"}}).flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_EQ(one("standardized_score", 2025, {{"level", "中"}, {"subject", "国語"}}).flags, 0u);

  const auto junior = one("level_average", 2025, {{"level", "中"}});
  EXPECT_NEAR(junior.number, 98.1575388776, 1e-9);  // 国語 and 数学 only
  EXPECT_EQ(junior.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_NE(junior.note.find("理科 left out"), std::string::npos) << junior.note;
  const auto elementary = one("level_average", 2025, {{"level", "小"}});
  EXPECT_NEAR(elementary.number, 101.7241379310, 1e-9);
  EXPECT_EQ(elementary.flags, 0u);

  const auto kpi = one("school_scores", 2025);
  EXPECT_NEAR(kpi.number, 98.1575388776, 1e-9);
  EXPECT_EQ(kpi.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_NE(kpi.note.find("series break"), std::string::npos) << kpi.note;
}

TEST_F(SchoolScoresPlugin, ValuesAbove100AreDetectedAsScaledWithoutAScoreTypeColumn) {
  const auto file = write("cbt.csv",
                          "年度,校種,教科,市,全国\n"
                          "令和7年度,中学校,理科,492,503\n"
                          "令和7年度,小学校,国語,66.0%,66.0%\n");
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(one("standardized_score", 2025, {{"level", "中"}, {"subject", "理科"}}).flags, SOSEI_OBS_SERIES_BREAK);
  const auto junior = one("level_average", 2025, {{"level", "中"}});
  EXPECT_NEAR(junior.number, 97.8131212724, 1e-9);  // only scaled subjects: their mean, with the break
  EXPECT_EQ(junior.flags, SOSEI_OBS_SERIES_BREAK);
  const auto kpi = one("school_scores", 2025);
  EXPECT_NEAR(kpi.number, 97.8131212724, 1e-9);  // min(小 100, 中 97.8…)
  EXPECT_EQ(kpi.flags, SOSEI_OBS_SERIES_BREAK);
}

TEST_F(SchoolScoresPlugin, AYearWithoutOneLevelHasNoKpiValue) {
  const auto file = write("only-elementary.csv", "年度,校種,教科,市平均正答率,全国平均正答率\nR6,小,国語,65.0,67.0\n");
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 97.0149253731, 1e-9);
  const auto kpi = one("school_scores", 2024);
  EXPECT_EQ(kpi.value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(kpi.note.find("no result for 中"), std::string::npos) << kpi.note;
  EXPECT_NE(log().find("no result for 中"), std::string::npos) << log();

  ASSERT_EQ(run({{"file", file}, {"levels", "小"}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(one("school_scores", 2024).number, 97.0149253731, 1e-9);
}

TEST_F(SchoolScoresPlugin, PerSchoolRowsAreDrillDownOnly) {
  const auto file = write("schools.csv",
                          "年度,校種,教科,学校名,市平均正答率,全国平均正答率\n"
                          "R6,小,国語,,65.0,67.0\n"
                          "R6,小,国語,嘉麻市立稲築東小学校,70.0,67.0\n"
                          "R6,中,国語,市全体,58.0,58.1\n");
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  const auto school = one("standardized_score", 2024, {{"level", "小"}, {"subject", "国語"}, {"school", "嘉麻市立稲築東小学校"}});
  EXPECT_NEAR(school.number, 104.4776119403, 1e-9);  // 70.0 / 67.0 × 100
  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 97.0149253731, 1e-9);  // the city row only
  EXPECT_NEAR(one("school_scores", 2024).number, 97.0149253731, 1e-9);  // min(小 97.0…, 中 99.8…)
}

TEST_F(SchoolScoresPlugin, ShiftJisTsv) {
  std::string tsv = kFy2024;
  for (char& c : tsv)
    if (c == ',') c = '\t';
  ASSERT_EQ(run({{"file", write("r6.tsv", plugin_test::to_cp932(tsv))}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);
}

TEST_F(SchoolScoresPlugin, XlsxNamedSheetWithNumericCells) {
  const std::string file = path("results.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  workbook_add_worksheet(book, "説明");
  lxw_worksheet* ws = workbook_add_worksheet(book, "結果");
  const char* header[] = {"年度", "校種", "教科", "市平均正答率", "全国平均正答率"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  struct Row {
    const char* level;
    const char* subject;
    double city, national;
  } rows[] = {{"小学校", "国語", 65.0, 67.0}, {"小学校", "算数", 70.2, 63.4}, {"中学校", "国語", 58.0, 58.1},
              {"中学校", "数学", 48.0, 52.5}};
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    worksheet_write_number(ws, r, 0, 2024, nullptr);
    worksheet_write_string(ws, r, 1, row.level, nullptr);
    worksheet_write_string(ws, r, 2, row.subject, nullptr);
    worksheet_write_number(ws, r, 3, row.city, nullptr);
    worksheet_write_number(ws, r, 4, row.national, nullptr);
    ++r;
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  ASSERT_EQ(run({{"file", file}, {"sheet", "結果"}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);
  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 103.8702387118, 1e-9);
}

TEST_F(SchoolScoresPlugin, BadRowFailsTheRunWithFileLineAndReason) {
  const auto file = write("bad.csv",
                          "年度,校種,教科,市平均正答率,全国平均正答率\n"
                          "R6,小,国語,65.0,67.0\n"
                          "R6,高校,国語,60.0,61.0\n");
  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);
  ASSERT_EQ(sink_.rejections.size(), 1u);
  EXPECT_NE(sink_.rejections[0].first.find("bad.csv:3"), std::string::npos) << sink_.rejections[0].first;
  EXPECT_NE(sink_.rejections[0].second.find("not a school level"), std::string::npos) << sink_.rejections[0].second;
  EXPECT_NE(error().find("bad.csv:3"), std::string::npos) << error();
  EXPECT_TRUE(of("school_scores").empty());
}

TEST_F(SchoolScoresPlugin, SkipModeCountsBadRows) {
  const auto file = write("bad.csv", kFy2024 +
                                         "R6,小学校,国語,66.0,67.0\n"          // given twice
                                         "R6,中学校,理科,65.0,503\n"           // a rate against a scaled score
                                         "R6,中学校,英語,abc,45.0\n"           // not a number
                                         "R6,中学校,理科,120,110,\n");         // fine: both scaled
  ASSERT_EQ(run({{"file", file}}, /*skip=*/true), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.rejections.size(), 3u);
  EXPECT_NE(sink_.rejections[0].second.find("appears twice: first on line 2"), std::string::npos)
      << sink_.rejections[0].second;
  EXPECT_NE(sink_.rejections[1].second.find("cannot be compared"), std::string::npos) << sink_.rejections[1].second;
  EXPECT_NE(sink_.rejections[2].first.find("bad.csv:8"), std::string::npos) << sink_.rejections[2].first;
  // 中 理科 120/110 is scaled: the 中 average keeps 国語 and 数学, the KPI gets the break.
  const auto kpi = one("school_scores", 2024);
  EXPECT_NEAR(kpi.number, 95.6282271945, 1e-9);
  EXPECT_EQ(kpi.flags, SOSEI_OBS_SERIES_BREAK);
}

TEST_F(SchoolScoresPlugin, RateAbove100IsRejectedWhenTheTypeSaysRate) {
  const auto file = write("typed.csv", "年度,校種,教科,市平均正答率,全国平均正答率,score_type\nR7,中,理科,492,503,rate\n");
  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);
  EXPECT_NE(error().find("cannot exceed 100%"), std::string::npos) << error();
}

TEST_F(SchoolScoresPlugin, BundledDemoSampleMatchesTheCityNotes) {
  const std::string file = std::string(SOSEI_SOURCE_DIR) + "/config/data/school_scores/kama-gakuryoku-2023-2025.csv";
  ASSERT_EQ(run({{"file", file}}), host::RunResult::Succeeded) << error();
  const auto r5 = one("school_scores", 2023);  // 小 100.25…, 中 99.51…: 小・中それぞれ平均
  EXPECT_NEAR(r5.number, 99.5061569593, 1e-9);
  EXPECT_EQ(r5.flags, 0u);
  EXPECT_EQ(one("school_scores", 2024).flags, 0u);
  EXPECT_EQ(one("school_scores", 2025).flags, SOSEI_OBS_SERIES_BREAK);  // （比較困難）
}

TEST_F(SchoolScoresPlugin, FetchOkUnchangedAndFailures) {
  test_support::HttpTestServer server;
  server.put("r6.csv", kFy2024, "\"fy2024\"");
  server.put("error.html", "<html><head><title>404</title></head><body>Not found</body></html>\n");
  const std::string url = server.url("/ok/r6.csv");
  ASSERT_EQ(run({{"url", url}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);
  EXPECT_EQ(run({{"url", url}}, false, 5000, sink_.states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());

  EXPECT_EQ(run({{"url", server.url("/status/500")}}), host::RunResult::Failed);
  EXPECT_NE(error().find(server.url("/status/500")), std::string::npos) << error();
  EXPECT_EQ(run({{"url", server.url("/slow/3000")}}, false, 300), host::RunResult::Failed);
  EXPECT_NE(error().find("/slow/3000"), std::string::npos) << error();
  EXPECT_EQ(run({{"url", server.url("/truncated/r6.csv")}}), host::RunResult::Failed);
  EXPECT_TRUE(of("school_scores").empty());
  EXPECT_EQ(run({{"url", server.url("/ok/error.html")}}), host::RunResult::Failed);
  EXPECT_NE(error().find("HTML"), std::string::npos) << error();
}

}  // namespace
