// Unit tests of the school_scores plugin on the fake host (sosei/testing.hpp): hand-computed
// standardized scores, level averages and the KPI (the lower level), the series break of IRT scaled
// scores, per-school rows, bad rows and fetch replies. CP932, XLSX and real HTTP are in
// school_scores_runtime_test.cpp.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "score_fixtures.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

using sosei::testing::CapturedObservation;
using namespace score_fixtures;

namespace {

using Dimensions = std::vector<std::pair<std::string, std::string>>;

class SchoolScoresPlugin : public ::testing::Test {
 protected:
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

  // The one observation of `series` for the year and dimensions (in emission order); fails the test
  // otherwise.
  CapturedObservation one(const std::string& series, int year, const Dimensions& dims = {}) const {
    std::vector<CapturedObservation> found;
    for (const auto& o : host_.observations())
      if (o.series == series && o.period.year == year && o.dimensions == dims) found.push_back(o);
    EXPECT_EQ(found.size(), 1u) << series << " " << year;
    if (found.empty()) return {};
    EXPECT_EQ(found[0].period.kind, SOSEI_PERIOD_FISCAL_YEAR);
    return found[0];
  }
  bool has(const std::string& series) const {
    for (const auto& o : host_.observations())
      if (o.series == series) return true;
    return false;
  }

  sosei::testing::FakeHost host_;
  std::map<std::string, std::string> files_;
};

TEST_F(SchoolScoresPlugin, HandComputedScoresLevelAveragesAndTheKpi) {
  ASSERT_EQ(run({{"file", write("r6.csv", kFy2024)}}), SOSEI_OK) << host_.error();

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
  EXPECT_EQ(kpi.note, "小 103.9・中 95.6 の低い方 95.6（中）");
}

// A title and a unit line above the header are passed over, and the log says so.
TEST_F(SchoolScoresPlugin, TitleRowsAboveTheHeaderAreSkipped) {
  ASSERT_EQ(run({{"file", write("r6.csv", "令和6年度 全国学力・学習状況調査 市の結果,,,,\n（単位：％）\n" + kFy2024)}}),
            SOSEI_OK)
      << host_.error();
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);
  EXPECT_NE(log().find("r6.csv: 見出しの上の 2 行は表題として読み飛ばしました"), std::string::npos) << log();
}

// The notes a published table ends with (※ 全国は公立, 資料：文部科学省) are not rows to refuse.
TEST_F(SchoolScoresPlugin, NotesUnderThePublishedTableAreSkipped) {
  ASSERT_EQ(run({{"file", write("r6.csv", kFy2024 + "※ 全国は公立の平均正答率,,,,,,\n資料：文部科学省\n")}}), SOSEI_OK)
      << host_.error();
  EXPECT_TRUE(host_.rejections().empty());
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);
}

TEST_F(SchoolScoresPlugin, DeclaresDisplayNamesForItsSeriesDimensionsAndLevels) {
  const auto file = write("schools.csv",
                          "年度,校種,教科,学校名,市平均正答率,全国平均正答率\n"
                          "R6,小,国語,,65.0,67.0\n"
                          "R6,小,国語,嘉麻市立稲築東小学校,70.0,67.0\n"
                          "R6,中,国語,市全体,58.0,58.1\n");
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  const sosei_plugin_descriptor* d = sosei_plugin_entry();
  EXPECT_EQ(sosei::testing::unnamed_keys(d, host_.observations()), std::vector<std::string>{});
  EXPECT_STREQ(sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION, "level")->name_ja, "校種");
  const auto* junior = sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION_VALUE, "中", "level");
  ASSERT_NE(junior, nullptr);
  EXPECT_STREQ(junior->name_ja, "中学校");
  EXPECT_STREQ(junior->name_en, "Junior high school");
}

TEST_F(SchoolScoresPlugin, ScaledScoresCarryASeriesBreakAndStayOutOfThePercentAverage) {
  ASSERT_EQ(run({{"file", write("r7.csv", kFy2025)}}), SOSEI_OK) << host_.error();

  const auto science = one("standardized_score", 2025, {{"level", "中"}, {"subject", "理科"}});
  EXPECT_NEAR(science.number, 97.8131212724, 1e-9);
  EXPECT_EQ(science.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_EQ(one("difference_points", 2025, {{"level", "中"}, {"subject", "理科"}}).flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_EQ(one("standardized_score", 2025, {{"level", "中"}, {"subject", "国語"}}).flags, 0u);

  const auto junior = one("level_average", 2025, {{"level", "中"}});
  EXPECT_NEAR(junior.number, 98.1575388776, 1e-9);  // 国語 and 数学 only
  EXPECT_EQ(junior.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_EQ(junior.note, "国語・数学の平均（正答率）。理科は IRT 尺度得点で比較できないため除外");
  const auto elementary = one("level_average", 2025, {{"level", "小"}});
  EXPECT_NEAR(elementary.number, 101.7241379310, 1e-9);
  EXPECT_EQ(elementary.flags, 0u);

  const auto kpi = one("school_scores", 2025);
  EXPECT_NEAR(kpi.number, 98.1575388776, 1e-9);
  EXPECT_EQ(kpi.flags, SOSEI_OBS_SERIES_BREAK);
  EXPECT_NE(kpi.note.find("統計の断絶"), std::string::npos) << kpi.note;
}

TEST_F(SchoolScoresPlugin, ValuesAbove100AreDetectedAsScaledWithoutAScoreTypeColumn) {
  const auto file = write("cbt.csv",
                          "年度,校種,教科,市,全国\n"
                          "令和7年度,中学校,理科,492,503\n"
                          "令和7年度,小学校,国語,66.0%,66.0%\n");
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
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
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 97.0149253731, 1e-9);
  const auto kpi = one("school_scores", 2024);
  EXPECT_EQ(kpi.value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(kpi.note.find("2024年度: 中の結果がありません"), std::string::npos) << kpi.note;
  EXPECT_NE(log().find("2024年度: 中の結果がありません"), std::string::npos) << log();

  ASSERT_EQ(run({{"file", file}, {"levels", "小"}}), SOSEI_OK) << host_.error();
  EXPECT_NEAR(one("school_scores", 2024).number, 97.0149253731, 1e-9);
}

TEST_F(SchoolScoresPlugin, PerSchoolRowsAreDrillDownOnly) {
  const auto file = write("schools.csv",
                          "年度,校種,教科,学校名,市平均正答率,全国平均正答率\n"
                          "R6,小,国語,,65.0,67.0\n"
                          "R6,小,国語,嘉麻市立稲築東小学校,70.0,67.0\n"
                          "R6,中,国語,市全体,58.0,58.1\n");
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();
  const auto school =
      one("standardized_score", 2024, {{"level", "小"}, {"subject", "国語"}, {"school", "嘉麻市立稲築東小学校"}});
  EXPECT_NEAR(school.number, 104.4776119403, 1e-9);                                        // 70.0 / 67.0 × 100
  EXPECT_NEAR(one("level_average", 2024, {{"level", "小"}}).number, 97.0149253731, 1e-9);  // the city row only
  EXPECT_NEAR(one("school_scores", 2024).number, 97.0149253731, 1e-9);  // min(小 97.0…, 中 99.8…)
}

// As city tables write them: the city-wide rows as 市全体 or 嘉麻市平均, a subject with a space in it,
// and the table's own average rows — the same KPI as the plain table, the averages not taken for subjects.
TEST_F(SchoolScoresPlugin, CityRowsSpacedSubjectsAndAverageRowsReadAsThePlainTable) {
  const std::string header = "年度,校種,教科,学校名,市平均正答率,全国平均正答率\n";
  const auto plain = write("plain.csv", header +
                                            "R6,小,国語,,65.0,67.0\nR6,小,算数,,60.0,63.0\n"
                                            "R6,中,国語,,58.0,58.1\nR6,中,数学,,50.0,51.0\n");
  ASSERT_EQ(run({{"file", plain}}), SOSEI_OK) << host_.error();
  const double kpi = one("school_scores", 2024).number;
  const double primary = one("level_average", 2024, {{"level", "小"}}).number;
  const auto as_published =
      write("published.csv", header +
                                 "R6,小,国 語,市全体,65.0,67.0\nR6,小,算数,市全体,60.0,63.0\n"
                                 "R6,小,教科平均,市全体,62.5,65.0\nR6,小,平均,市全体,62.5,65.0\n"
                                 "R6,中,国語,嘉麻市平均,58.0,58.1\nR6,中,数学,嘉麻市平均,50.0,51.0\n"
                                 "R6,中,合計,嘉麻市平均,108.0,109.1\n"
                                 "R6,中,国語,嘉麻市立山田中学校,60.0,58.1\n");
  ASSERT_EQ(run({{"file", as_published}}), SOSEI_OK) << host_.error();
  EXPECT_EQ(one("school_scores", 2024).number, kpi);
  EXPECT_EQ(one("level_average", 2024, {{"level", "小"}}).number, primary);
  EXPECT_NEAR(one("standardized_score", 2024, {{"level", "小"}, {"subject", "国語"}}).number, 65.0 / 67.0 * 100, 1e-9);
  one("standardized_score", 2024, {{"level", "中"}, {"subject", "国語"}, {"school", "嘉麻市立山田中学校"}});
  EXPECT_TRUE(host_.rejections().empty());

  // A school district or a neighbour is never the city; a table without the city's row says so.
  const auto districts = write("districts.csv", header +
                                                    "R6,中,国語,山田中学校区,70.0,58.1\nR6,中,国語,飯塚市,40.0,58.1\n"
                                                    "R6,中,国語,嘉麻市,58.0,58.1\n");
  ASSERT_EQ(run({{"file", districts}}), SOSEI_OK) << host_.error();
  EXPECT_FALSE(has("school_scores"));
  EXPECT_TRUE(host_.rejections().empty());
  EXPECT_NE(log().find("districts.csv: 2024年度: 市全体の行がないため、KPI の値を出していません"), std::string::npos)
      << log();
}

TEST_F(SchoolScoresPlugin, HeaderNamesAreFoundWhateverTheirWidthAndSpacing) {
  const auto file = write("wide.csv",
                          "\xEF\xBB\xBF 年　度 ,校種,教科,市平均正答率,全国平均正答率（公立）,ｓｃｏｒｅ＿ｔｙｐｅ\n"
                          "R6,小,国語,65.0,67.0,rate\n"
                          "R6,中,国語,58.0,58.1,rate\n");
  ASSERT_EQ(run({{"file", file}, {"national_column", "全国平均正答率(公立)"}}), SOSEI_OK) << host_.error();
  EXPECT_NEAR(one("standardized_score", 2024, {{"level", "小"}, {"subject", "国語"}}).number, 97.0149253731, 1e-9);

  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_INPUT);  // no usual spelling of the national column
  EXPECT_NE(host_.error().find("no column for 全国の平均正答率"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("set 'national_column'"), std::string::npos) << host_.error();
}

TEST_F(SchoolScoresPlugin, BadRowFailsTheRunWithFileLineAndReason) {
  const auto file = write("bad.csv",
                          "年度,校種,教科,市平均正答率,全国平均正答率\n"
                          "R6,小,国語,65.0,67.0\n"
                          "R6,高校,国語,60.0,61.0\n");
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_EQ(host_.rejections()[0].file, "bad.csv");
  EXPECT_EQ(host_.rejections()[0].line, 3u);
  EXPECT_NE(host_.rejections()[0].reason.find("「高校」は校種ではありません"), std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_NE(host_.error().find("bad.csv:3"), std::string::npos) << host_.error();
  EXPECT_FALSE(has("school_scores"));
}

TEST_F(SchoolScoresPlugin, SkipModeCountsBadRows) {
  const auto file = write("bad.csv", kFy2024 +
                                         "R6,小学校,国語,66.0,67.0\n"   // given twice
                                         "R6,中学校,理科,65.0,503\n"    // a rate against a scaled score
                                         "R6,中学校,英語,abc,45.0\n"    // not a number
                                         "R6,中学校,理科,120,110,\n");  // fine: both scaled
  ASSERT_EQ(run({{"file", file}}, /*skip_bad_rows=*/true), SOSEI_OK) << host_.error();
  const auto& rejected = host_.rejections();
  ASSERT_EQ(rejected.size(), 3u);
  EXPECT_NE(rejected[0].reason.find("2024年度 小 国語 の行が2度目です（最初は 2 行目）"), std::string::npos)
      << rejected[0].reason;
  EXPECT_NE(rejected[1].reason.find("比べられません"), std::string::npos) << rejected[1].reason;
  EXPECT_EQ(rejected[2].line, 8u);
  // 中 理科 120/110 is scaled: the 中 average keeps 国語 and 数学, the KPI gets the break.
  const auto kpi = one("school_scores", 2024);
  EXPECT_NEAR(kpi.number, 95.6282271945, 1e-9);
  EXPECT_EQ(kpi.flags, SOSEI_OBS_SERIES_BREAK);
}

TEST_F(SchoolScoresPlugin, RateAbove100IsRejectedWhenTheTypeSaysRate) {
  const auto file =
      write("typed.csv", "年度,校種,教科,市平均正答率,全国平均正答率,score_type\nR7,中,理科,492,503,rate\n");
  EXPECT_EQ(run({{"file", file}}), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("平均正答率は 100% を超えません"), std::string::npos) << host_.error();
}

TEST_F(SchoolScoresPlugin, BundledDemoSampleMatchesTheCityNotes) {
  const std::string file = std::string(SOSEI_SOURCE_DIR) + "/config/data/school_scores/kama-gakuryoku-2023-2025.csv";
  ASSERT_EQ(run({{"file", file}}), SOSEI_OK) << host_.error();  // read from disk: not registered
  const auto r5 = one("school_scores", 2023);  // 小 100.25…, 中 99.51…: 小・中それぞれ平均
  EXPECT_NEAR(r5.number, 99.5061569593, 1e-9);
  EXPECT_EQ(r5.flags, 0u);
  EXPECT_EQ(one("school_scores", 2024).flags, 0u);
  EXPECT_EQ(one("school_scores", 2025).flags, SOSEI_OBS_SERIES_BREAK);  // （比較困難）
}

TEST_F(SchoolScoresPlugin, FetchOkUnchangedAndFailures) {
  const std::string url = "https://example.lg.jp/gakuryoku/r6.csv";
  host_ = sosei::testing::FakeHost();
  host_.setting("url", url).http(url, {200, kFy2024});
  ASSERT_EQ(host_.run(sosei_plugin_entry()), SOSEI_OK) << host_.error();
  EXPECT_NEAR(one("school_scores", 2024).number, 95.6282271945, 1e-9);

  host_.http(url, {304, ""});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_UNCHANGED) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  host_.http(url, {500, "oops"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_IO);
  EXPECT_NE(host_.error().find(url), std::string::npos) << host_.error();

  host_.http(url, {200, "<html><head><title>404</title></head><body>Not found</body></html>\n"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("HTML"), std::string::npos) << host_.error();
}

}  // namespace
