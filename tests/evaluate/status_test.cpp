// Values that cannot be graded as numbers: no value, not carried out, a series break; and how the
// formed text says what was left out.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "sosei/sdk.h"

namespace sosei::evaluate::test {
namespace {

using K = config::TargetKind;

TEST(Status, NoValueIsOther) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {});
  EXPECT_FALSE(e.actual.value);
  EXPECT_EQ(e.grade.symbol, "×");
  EXPECT_EQ(e.grade.label, "その他");
  EXPECT_EQ(e.grade.basis, "no value");
  EXPECT_EQ(e.actual.formed, "no value for FY2025–FY2029");
  EXPECT_EQ(run(kpi(K::Cumulative, 40, 5), {}, "abcd").grade.symbol, "E");
}

TEST(Status, MissingAndNotCarriedOutAreOther) {
  for (auto kind : {ValueKind::Missing, ValueKind::NotCarriedOut}) {
    const auto e = run(kpi(K::Level, 600, 576), {fy(2025, 550), status(Period::fiscal_year(2026), kind)});
    EXPECT_EQ(e.grade.symbol, "×") << to_string(kind);  // the latest is what counts
    EXPECT_EQ(e.grade.basis, "status " + to_string(kind));
  }
}

TEST(Status, CumulativeSumsTheNumbersAndSaysWhatItSkipped) {
  const auto e = run(kpi(K::Cumulative, 40, 5),
                     {fy(2025, 8), status(Period::fiscal_year(2026), ValueKind::Missing), fy(2027, 24)});
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(e.actual.value->number, 32);
  EXPECT_EQ(e.actual.formed, "sum of FY2025 (8) + FY2027 (24) = 32 (not counted: FY2026 missing)");
  EXPECT_EQ(e.grade.symbol, "○");
}

TEST(Status, CumulativeWithOnlyAStatusGradesTheStatus) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {status(Period::fiscal_year(2025), ValueKind::NotCarriedOut)});
  EXPECT_EQ(e.grade.symbol, "×");
  EXPECT_EQ(e.actual.formed, "FY2025: not_carried_out");
}

TEST(Status, SeriesBreakIsOtherAndSaysWhy) {
  const auto e = run(kpi(K::Reach, 100), {number(Period::fiscal_year(2025), 104, SOSEI_OBS_SERIES_BREAK)});
  EXPECT_EQ(e.grade.symbol, "×");
  EXPECT_EQ(e.grade.basis, "series break");
  ASSERT_FALSE(e.notes.empty());
  EXPECT_EQ(e.notes.back(), "series break: not comparable");
  EXPECT_TRUE(e.actual.series_break);
}

TEST(Status, SeriesBreakGradedWhenTheSchemeSaysScore) {
  GradingScheme s = scheme("kama");
  s.series_break = {MapTo::Score};
  const auto e = evaluate_kpi(strategy(), kpi(K::Level, 100),
                              {number(Period::fiscal_year(2025), 90, SOSEI_OBS_SERIES_BREAK)}, s, end_of_fy(2029));
  EXPECT_EQ(e.grade.symbol, "○");
  EXPECT_EQ(e.notes.back(), "series break: not comparable");
}

TEST(Status, BreakInAnEarlierYearDoesNotTouchALevel) {
  const auto e = run(kpi(K::Level, 100), {number(Period::fiscal_year(2025), 90, SOSEI_OBS_SERIES_BREAK), fy(2026, 95)});
  EXPECT_EQ(e.grade.symbol, "○");
  EXPECT_FALSE(e.actual.series_break);
}

TEST(Status, DimensionedValuesAreLeftOutWithANote) {
  auto by_route = fy(2025, 1000);
  by_route.key.dimensions = {{"route", "A"}};
  const auto e = run(kpi(K::Level, 600), {by_route});
  EXPECT_FALSE(e.actual.value);
  ASSERT_FALSE(e.notes.empty());
  EXPECT_NE(e.notes.front().find("with dimensions left out"), std::string::npos);
}

}  // namespace
}  // namespace sosei::evaluate::test
