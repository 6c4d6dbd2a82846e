// The report model: which value sits in which year column, how achievement, pace, grades and the
// goal summary read, in both languages and year styles.
#include <gtest/gtest.h>

#include "evaluate/engine.hpp"
#include "evaluate/scheme_loader.hpp"
#include "report/writers.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

const KpiRow& row(const ReportModel& m, const std::string& id) {
  for (const auto* rows : {&m.projects, &m.numeric_targets})
    for (const auto& r : *rows)
      if (r.id == id) return r;
  throw std::runtime_error("no row " + id);
}

TEST(ReportModel, YearColumnsAreTheStrategyYearsInEraOrWesternStyle) {
  const auto ja = model();
  ASSERT_EQ(ja.years.size(), 5u);
  EXPECT_EQ(ja.years.front().label, "R7");
  EXPECT_EQ(ja.years.back().label, "R11");
  const auto en = model({Lang::En, YearStyle::Western, {}});
  EXPECT_EQ(en.years.front().label, "2025");
  EXPECT_EQ(en.years.back().label, "2029");
  EXPECT_EQ(row(en, "startups").name, "KPI startups");
  EXPECT_EQ(row(ja, "startups").name, "創業者数");
}

TEST(ReportModel, CumulativeKpiShowsEachYearAndTheSumAgainstTheTarget) {
  const auto m = model();
  const auto& r = row(m, "startups");
  EXPECT_EQ(r.years[0].value.text, "8");
  EXPECT_EQ(r.years[1].value.text, "10");
  EXPECT_EQ(r.years[2].value.text, "");
  EXPECT_EQ(r.actual.number, 18);
  EXPECT_EQ(r.achievement.text, "45.0%");
  EXPECT_DOUBLE_EQ(*r.achievement.fraction, 0.45);
  EXPECT_EQ(r.grade_symbol, "△");
  // Two of five years are due by FY2026: 40 × 2/5 = 16 expected, 18 / 16 = 112.5 %.
  EXPECT_EQ(r.pace.text, "112.5%");
  EXPECT_FALSE(r.off_track);
  EXPECT_EQ(r.baseline.text, "5");
  EXPECT_EQ(r.baseline_period, "R5");
  EXPECT_EQ(r.target.text, "5年間に40件");
}

// Issue 14 §3: a value with an open data-quality flag is marked in every format, with the legend.
TEST(ReportModel, AFlaggedActualCarriesTheMarkerAndTheLegendInEveryFormat) {
  ReportOptions options;
  options.flagged_kpis = {"startups"};
  const auto m = model(options);
  const auto& r = row(m, "startups");
  EXPECT_TRUE(r.flagged);
  EXPECT_EQ(r.actual.text, "18※");
  EXPECT_EQ(r.actual.number, 18);  // spreadsheets keep the number
  ASSERT_FALSE(r.notes.empty());
  EXPECT_EQ(r.notes.front(), "※ 未解決のデータ品質フラグがある値（担当課の確認待ち）");
  EXPECT_FALSE(row(m, "shops").flagged);
  for (const std::string& text :
       {html_report(m), markdown_report(m), csv_report(m, CsvTable::Projects, CsvEncoding::Utf8Bom)})
    EXPECT_NE(text.find("未解決のデータ品質フラグ"), std::string::npos) << text.substr(0, 200);
  EXPECT_NE(html_report(m).find("18※"), std::string::npos);
  EXPECT_EQ(model().projects.front().actual.text.find("※"), std::string::npos);  // none without a flag
}

TEST(ReportModel, CalendarYearValueSitsInTheFiscalYearItIsPublishedIn) {
  const auto m = model();
  const auto& r = row(m, "visitors");
  EXPECT_EQ(r.years[0].value.text, "199,000");  // calendar 2024, published 2025-12-31 → R7
  EXPECT_EQ(r.years[0].period, "2024年（暦年）");
  EXPECT_EQ(r.years[1].value.text, "212,345");
  EXPECT_EQ(r.years[1].period, "2025年（暦年）");
  EXPECT_EQ(row(model({Lang::En, YearStyle::Era, {}}), "visitors").years[0].period, "calendar year 2024");
  EXPECT_EQ(r.notes.front(), "calendar-year figure, published about a year late");
}

TEST(ReportModel, StatusSeriesBreakAndOffTrackAreWrittenOut) {
  const auto m = model();
  const auto& survey = row(m, "survey");
  EXPECT_EQ(survey.years[0].value.text, "未実施");
  EXPECT_EQ(survey.grade_symbol, "×");
  EXPECT_EQ(survey.chart.kind, Chart::Kind::None);
  const auto& scores = row(m, "scores");
  EXPECT_TRUE(scores.years[0].series_break);
  EXPECT_EQ(scores.grade_symbol, "×");
  const auto& shops = row(m, "shops");  // 7 of 50, 2 of 5 years due: 20 expected → 35 %
  EXPECT_TRUE(shops.off_track);
  EXPECT_EQ(shops.pace.text, "35.0%（遅れ）");
}

TEST(ReportModel, GoalSummaryCountsProjectKpisPerGoalAndInTotal) {
  const auto m = model();
  ASSERT_EQ(m.grades.size(), 3u);
  EXPECT_EQ(m.grades[0].symbol, "○");
  ASSERT_EQ(m.goal_summary.size(), 3u);
  const auto& goal2 = m.goal_summary[1];
  EXPECT_EQ(goal2.key, "2");
  EXPECT_EQ(goal2.kpis, 4);  // the numeric target is listed, not counted
  const auto& total = m.goal_summary.back();
  EXPECT_TRUE(total.total);
  EXPECT_EQ(total.name, "合計");
  EXPECT_EQ(total.kpis, 6);
  int sum = 0;
  for (const auto& g : total.grades) sum += g.count;
  EXPECT_EQ(sum, 6);
}

TEST(ReportModel, NumericTargetHasItsOwnWindowProjectionAndProgress) {
  const auto m = model();
  ASSERT_EQ(m.numeric_targets.size(), 1u);
  ASSERT_EQ(m.target_years.size(), 5u);
  EXPECT_EQ(m.target_years.front().label, "R8");
  EXPECT_EQ(m.target_years.back().label, "R12");
  const auto& r = m.numeric_targets[0];
  EXPECT_EQ(r.years[0].value.text, "△120");  // negatives as the city writes them
  EXPECT_EQ(r.projection.text, "△1,089");
  EXPECT_EQ(r.target.text, "△414");
  EXPECT_EQ(r.baseline_period, "H27→R2");
  EXPECT_EQ(r.target_period, "R8→R12");
  EXPECT_EQ(r.achievement.kind, Achievement::Kind::Progress);
  // (−120 + 1089) / (−414 + 1089) = 143.5…% on the whole window's target.
  EXPECT_EQ(r.achievement.text, "143.5%（進捗）");
}

TEST(ReportModel, ChartsFollowTheTargetKind) {
  const auto m = model();
  const auto& startups = row(m, "startups").chart;
  EXPECT_EQ(startups.kind, Chart::Kind::Cumulative);
  ASSERT_EQ(startups.values.size(), 2u);
  EXPECT_EQ(startups.values[1].value, 18);  // running total
  ASSERT_EQ(startups.target_path.size(), 6u);
  EXPECT_EQ(startups.target_path.front().value, 0);
  EXPECT_EQ(startups.target_path.back().value, 40);
  ASSERT_EQ(startups.forecast.size(), 2u);  // dashed from the last total to the forecast total
  EXPECT_EQ(startups.forecast.back().year, 2029);
  EXPECT_EQ(startups.forecast.back().value, 60);  // 8, 10 → 12, 14, 16 to come
  const auto& visitors = row(m, "visitors").chart;
  EXPECT_EQ(visitors.kind, Chart::Kind::Level);
  ASSERT_TRUE(visitors.baseline);
  EXPECT_EQ(visitors.baseline->value, 240000);
  EXPECT_EQ(visitors.target, 260000);
}

}  // namespace
}  // namespace sosei::report::test

// Issue 13 §3: a KPI measured in parts shows its parts in the actual cell; a KPI without a unit
// shows no placeholder for it.
namespace sosei::report::test {
namespace {

store::StoredObservation school_part(const std::string& school, double v) {
  store::StoredObservation o;
  o.key = {"scores", Period::fiscal_year(2025), {{"school", school}}};
  o.data.value = Value::of(v);
  o.run_id = 1;
  return o;
}

evaluate::Evaluation parts_evaluation(config::Strategy& s, config::CombineRule rule) {
  for (auto& k : s.kpis)
    if (k.id == "scores") {
      k.unit = "";  // points against the national average, here written without a unit
      k.allow_negative = true;
      k.min.reset();
      k.target.value = {"0以上", 0, 2029, {}};
      k.combine = config::Combine{"school", rule, {{"小学校", "小"}, {"中学校", "中"}}};
      k.shown.decimals = 1;  // as the loader sets for points
    }
  evaluate::ObservationsByKpi o;
  o["scores"] = {school_part("中学校", -5), school_part("小学校", -2)};
  const auto scheme = evaluate::load_scheme_named(std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading", "kama");
  return evaluate::evaluate(s, o, scheme, last_day_of_fiscal_year(2026));
}

const KpiRow& scores_row(const ReportModel& m) {
  for (const auto& r : m.projects)
    if (r.id == "scores") return r;
  throw std::runtime_error("no scores row");
}

TEST(ReportModelParts, TheActualCellShowsTheParts) {
  auto s = strategy();
  const auto m = build_report(parts_evaluation(s, config::CombineRule::Each), s, {}, {});
  const auto& r = scores_row(m);
  EXPECT_EQ(r.actual.text, "小 △2.0 / 中 △5.0");
  EXPECT_FALSE(r.actual.number) << "a text cell in every format";
  EXPECT_EQ(r.unit, "");
  EXPECT_EQ(r.grade_symbol, "△");  // 中 has not reached 0: not every part reached the target
  const std::string md = markdown_report(m);
  EXPECT_NE(md.find("小 △2.0 / 中 △5.0"), std::string::npos);

  auto s2 = strategy();
  const auto mean = build_report(parts_evaluation(s2, config::CombineRule::Mean), s2, {}, {});
  EXPECT_EQ(scores_row(mean).actual.text, "△3.5（小 △2.0 / 中 △5.0）");
  const auto en = build_report(parts_evaluation(s2, config::CombineRule::Mean), s2, {}, {Lang::En, YearStyle::Era, {}});
  EXPECT_EQ(scores_row(en).actual.text, "-3.5 (小 -2.0 / 中 -5.0)");
}

}  // namespace
}  // namespace sosei::report::test
