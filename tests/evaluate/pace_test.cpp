// Pace (expected by now, pace ratio, off track) and the least-squares forecast, mid-period.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "sosei/sdk.h"

namespace sosei::evaluate::test {
namespace {

using K = config::TargetKind;

// Kama City's startups: 8 of 40 over five years after the first year is exactly on pace.
TEST(Pace, CumulativeExpectsItsShare) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)}, "kama", end_of_fy(2025));
  EXPECT_EQ(e.pace.elapsed_years, 1);
  EXPECT_EQ(e.pace.total_years, 5);
  ASSERT_TRUE(e.pace.expected);
  EXPECT_EQ(*e.pace.expected, 8);
  ASSERT_TRUE(e.pace.ratio);
  EXPECT_EQ(*e.pace.ratio, 1.0);
  EXPECT_FALSE(e.pace.off_track);
  EXPECT_EQ(e.grade.symbol, "△");  // the grade stays on the final target: 20 %
}

TEST(Pace, BehindIsOffTrack) {
  const auto e = run(kpi(K::Cumulative, 50, 13), {fy(2025, 7)}, "kama", end_of_fy(2025));
  ASSERT_TRUE(e.pace.ratio);
  EXPECT_EQ(*e.pace.expected, 10);
  EXPECT_DOUBLE_EQ(*e.pace.ratio, 0.7);
  EXPECT_TRUE(e.pace.off_track);
}

TEST(Pace, NoYearDueYet) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)}, "kama", {2026, 1, 31});
  EXPECT_EQ(e.pace.elapsed_years, 0);
  EXPECT_FALSE(e.pace.ratio);
  EXPECT_EQ(e.pace.note, "no value");  // FY2025 is not published before 2026-03-31
  config::Kpi k = kpi(K::Cumulative, 40, 5);
  const auto none_due = run(k, {number(Period::date_of(2025, 6, 1), 3)}, "kama", {2026, 1, 31});
  EXPECT_EQ(none_due.pace.note, "no year of the period is due by 2026-01-31");
}

TEST(Pace, LevelFollowsTheStraightLineFromBaseline) {
  // 576 in FY2023 → 600 in FY2029: expected in FY2025 is 576 + 24 × 2/6 = 584.
  const auto e = run(kpi(K::Level, 600, 576), {fy(2025, 550)}, "kama", end_of_fy(2025));
  EXPECT_EQ(e.pace.elapsed_years, 2);
  EXPECT_EQ(e.pace.total_years, 6);
  ASSERT_TRUE(e.pace.ratio);
  EXPECT_DOUBLE_EQ(*e.pace.expected, 584);
  EXPECT_DOUBLE_EQ(*e.pace.ratio, 550.0 / 584);
  EXPECT_TRUE(e.pace.off_track);
  const auto ahead = run(kpi(K::Level, 600, 576), {fy(2025, 590)}, "kama", end_of_fy(2025));
  EXPECT_FALSE(ahead.pace.off_track);
}

TEST(Pace, VsProjectionPaceAgainstTheShareOfBoth) {
  config::Kpi k = kpi(K::VsProjection, -414, -1305);
  k.target.projection = -1089;
  k.target.value.from_year = 2026;
  k.target.year = 2030;
  // After 1 of 5 years: projection share −217.8, target share −82.8; −150.3 is half-way → 50 %.
  const auto e = run(k, {fy(2026, -150.3)}, "kama", end_of_fy(2026));
  EXPECT_EQ(e.pace.elapsed_years, 1);
  ASSERT_TRUE(e.pace.ratio);
  EXPECT_DOUBLE_EQ(*e.pace.expected, -414.0 / 5);
  EXPECT_NEAR(*e.pace.ratio, 0.5, 1e-12);
  EXPECT_TRUE(e.pace.off_track);
}

TEST(Pace, NoneForReachAtLeastDone) {
  EXPECT_FALSE(run(kpi(K::Reach, 100), {fy(2025, 100)}).pace.ratio);
  EXPECT_FALSE(run(kpi(K::AtLeast, 21), {fy(2025, 21)}).pace.ratio);
  EXPECT_EQ(run(kpi(K::Done, 0), {status(Period::fiscal_year(2025), ValueKind::Done)}).pace.note,
            "no pace for a done target");
}

TEST(Forecast, OnePointIsNotEnough) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)});
  EXPECT_EQ(e.forecast.points, 1);
  EXPECT_FALSE(e.forecast.value);
  EXPECT_EQ(e.forecast.note, "fewer than two points: no forecast");
}

TEST(Forecast, CumulativeAddsTheLineForTheYearsToCome) {
  // 8, 10 → 12, 14, 16 to come: 60 in total, 150 % of 40.
  const auto e = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8), fy(2026, 10)});
  EXPECT_EQ(e.forecast.points, 2);
  ASSERT_TRUE(e.forecast.value);
  EXPECT_NEAR(*e.forecast.value, 60, 1e-9);
  EXPECT_NEAR(*e.forecast.ratio, 1.5, 1e-12);
}

TEST(Forecast, LevelLeastSquaresAtTheTargetYear) {
  // 550, 560, 576 in FY2025–27: slope 13, mean 562 at 2026 → 562 + 13 × 3 = 601 in FY2029.
  const auto e = run(kpi(K::Level, 600, 576), {fy(2025, 550), fy(2026, 560), fy(2027, 576)});
  EXPECT_EQ(e.forecast.points, 3);
  ASSERT_TRUE(e.forecast.value);
  EXPECT_NEAR(*e.forecast.value, 601, 1e-9);
  EXPECT_NEAR(*e.forecast.ratio, 601.0 / 600, 1e-12);
}

TEST(Forecast, StartsAgainAfterASeriesBreak) {
  const auto e = run(kpi(K::Level, 100),
                     {fy(2025, 60), fy(2026, 70), number(Period::fiscal_year(2027), 101, SOSEI_OBS_SERIES_BREAK)});
  EXPECT_EQ(e.forecast.points, 1);
  EXPECT_FALSE(e.forecast.value);
}

// Pro-rata: the same KPI graded on its pace instead of the final target.
TEST(Pace, ProRataSchemeGradesOnPace) {
  const auto startups = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)}, "pro_rata", end_of_fy(2025));
  EXPECT_EQ(startups.grade.symbol, "着実");
  EXPECT_EQ(startups.grade.basis, "pace");
  EXPECT_EQ(run(kpi(K::Cumulative, 50, 13), {fy(2025, 7)}, "pro_rata", end_of_fy(2025)).grade.symbol, "概ね");
  EXPECT_EQ(run(kpi(K::Cumulative, 190, 42), {fy(2025, 20)}, "pro_rata", end_of_fy(2025)).grade.symbol, "改善");
  EXPECT_EQ(run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)}, "pro_rata", {2026, 1, 31}).grade.symbol, "ー");
}

}  // namespace
}  // namespace sosei::evaluate::test
