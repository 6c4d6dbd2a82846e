// Every target kind × direction × formula: the actual formed, ratio or progress, and the grade
// under the city's scheme (○ from 80 %, △ below, × other).
#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"

namespace sosei::evaluate::test {
namespace {

using K = config::TargetKind;
using D = config::Direction;
using F = config::Formula;

struct KindCase {
  const char* name;
  K kind;
  D direction;
  F formula;
  double target;
  std::optional<double> baseline;
  std::optional<double> projection;            // vs_projection
  std::vector<std::pair<int, double>> values;  // fiscal year → value
  double actual;
  std::optional<double> ratio;
  std::optional<double> progress;
  std::optional<bool> achieved;
  const char* grade;
};

class KindTest : public ::testing::TestWithParam<KindCase> {};

TEST_P(KindTest, FormsActualScoresAndGrades) {
  const KindCase& c = GetParam();
  config::Kpi k = kpi(c.kind, c.target, c.baseline);
  k.direction = c.direction;
  k.formula = c.formula;
  if (c.projection) {
    k.target.projection = c.projection;
    k.target.value.from_year = 2026;
    k.target.year = 2030;
  }
  std::vector<store::StoredObservation> obs;
  for (const auto& [y, v] : c.values) obs.push_back(fy(y, v));
  const auto e = run(k, obs, "kama", end_of_fy(2030));
  ASSERT_TRUE(e.actual.value) << e.actual.formed;
  EXPECT_DOUBLE_EQ(e.actual.value->number, c.actual) << e.actual.formed;
  if (c.ratio) {
    ASSERT_TRUE(e.ratio);
    EXPECT_NEAR(*e.ratio, *c.ratio, 1e-12);
  }
  EXPECT_EQ(e.progress.has_value(), c.progress.has_value());
  if (c.progress && e.progress) {
    EXPECT_NEAR(*e.progress, *c.progress, 1e-12);
  }
  EXPECT_EQ(e.achieved, c.achieved);
  EXPECT_EQ(e.grade.symbol, c.grade) << e.grade.basis;
}

const KindCase kKindCases[] = {
    // cumulative: the sum of the yearly values
    {"cumulative_higher_ratio_at_80",
     K::Cumulative,
     D::HigherIsBetter,
     F::Ratio,
     40,
     5,
     {},
     {{2025, 8}, {2026, 12}, {2027, 12}},
     32,
     0.8,
     {},
     {},
     "○"},
    {"cumulative_higher_ratio_below",
     K::Cumulative,
     D::HigherIsBetter,
     F::Ratio,
     40,
     5,
     {},
     {{2025, 8}, {2026, 12}, {2027, 11}},
     31,
     0.775,
     {},
     {},
     "△"},
    {"cumulative_lower_ratio_met",
     K::Cumulative,
     D::LowerIsBetter,
     F::Ratio,
     40,
     {},
     {},
     {{2025, 25}, {2026, 25}},
     50,
     0.8,
     {},
     {},
     "○"},
    {"cumulative_lower_ratio_missed",
     K::Cumulative,
     D::LowerIsBetter,
     F::Ratio,
     40,
     {},
     {},
     {{2025, 25}, {2026, 26}},
     51,
     40.0 / 51,
     {},
     {},
     "△"},
    {"cumulative_higher_progress",
     K::Cumulative,
     D::HigherIsBetter,
     F::Progress,
     50,
     10,
     {},
     {{2025, 20}, {2026, 22}},
     42,
     42.0 / 50,
     0.8,
     {},
     "○"},
    {"cumulative_lower_progress",
     K::Cumulative,
     D::LowerIsBetter,
     F::Progress,
     10,
     50,
     {},
     {{2025, 9}, {2026, 9}},
     18,
     10.0 / 18,
     0.8,
     {},
     "○"},
    {"cumulative_ignores_years_outside_the_period",
     K::Cumulative,
     D::HigherIsBetter,
     F::Ratio,
     40,
     5,
     {},
     {{2023, 5}, {2024, 30}, {2025, 8}},
     8,
     0.2,
     {},
     {},
     "△"},
    // level: the latest value (not the sum)
    {"level_higher_ratio",
     K::Level,
     D::HigherIsBetter,
     F::Ratio,
     600,
     576,
     {},
     {{2025, 550}},
     550,
     550.0 / 600,
     {},
     {},
     "○"},
    {"level_uses_latest_not_best",
     K::Level,
     D::HigherIsBetter,
     F::Ratio,
     600,
     576,
     {},
     {{2025, 600}, {2026, 470}},
     470,
     470.0 / 600,
     {},
     {},
     "△"},
    {"level_lower_ratio", K::Level, D::LowerIsBetter, F::Ratio, 100, 150, {}, {{2025, 125}}, 125, 0.8, {}, {}, "○"},
    {"level_higher_progress_backwards",
     K::Level,
     D::HigherIsBetter,
     F::Progress,
     600,
     576,
     {},
     {{2025, 550}},
     550,
     550.0 / 600,
     -26.0 / 24,
     {},
     "△"},
    {"level_lower_progress",
     K::Level,
     D::LowerIsBetter,
     F::Progress,
     100,
     200,
     {},
     {{2025, 120}},
     120,
     100.0 / 120,
     0.8,
     {},
     "○"},
    // stock: a running total, latest value against the 5-year figure
    {"stock_latest_not_sum",
     K::Stock,
     D::HigherIsBetter,
     F::Ratio,
     50,
     13,
     {},
     {{2025, 29}, {2026, 41}},
     41,
     0.82,
     {},
     {},
     "○"},
    {"stock_below", K::Stock, D::HigherIsBetter, F::Ratio, 50, 13, {}, {{2025, 29}}, 29, 0.58, {}, {}, "△"},
    // rate: percent, as level
    {"rate_at_80", K::Rate, D::HigherIsBetter, F::Ratio, 100, 31.25, {}, {{2025, 80}}, 80, 0.8, {}, {}, "○"},
    {"rate_just_below_80",
     K::Rate,
     D::HigherIsBetter,
     F::Ratio,
     100,
     31.25,
     {},
     {{2025, 79.99}},
     79.99,
     0.7999,
     {},
     {},
     "△"},
    {"rate_lower_progress", K::Rate, D::LowerIsBetter, F::Progress, 5, 10, {}, {{2025, 6}}, 6, 5.0 / 6, 0.8, {}, "○"},
    // at_least: achieved while at or above; below, the ratio decides (kama: not_achieved → score)
    {"at_least_held", K::AtLeast, D::HigherIsBetter, F::Ratio, 21, 21, {}, {{2025, 21}}, 21, 1.0, {}, true, "○"},
    {"at_least_slipped_ratio_decides",
     K::AtLeast,
     D::HigherIsBetter,
     F::Ratio,
     21,
     21,
     {},
     {{2025, 16}},
     16,
     16.0 / 21,
     {},
     false,
     "△"},
    {"at_least_lower_held", K::AtLeast, D::LowerIsBetter, F::Ratio, 3, {}, {}, {{2025, 2}}, 2, 1.5, {}, true, "○"},
    // reach: no partial credit
    {"reach_98_of_100_is_not_reached",
     K::Reach,
     D::HigherIsBetter,
     F::Ratio,
     100,
     {},
     {},
     {{2025, 98}},
     98,
     0.98,
     {},
     false,
     "△"},
    {"reach_reached", K::Reach, D::HigherIsBetter, F::Ratio, 100, {}, {}, {{2025, 100.5}}, 100.5, 1.005, {}, true, "○"},
    {"reach_lower", K::Reach, D::LowerIsBetter, F::Ratio, 100, {}, {}, {{2025, 101}}, 101, 100.0 / 101, {}, false, "△"},
    {"reach_progress_formula",
     K::Reach,
     D::HigherIsBetter,
     F::Progress,
     100,
     90,
     {},
     {{2025, 100}},
     100,
     1.0,
     1.0,
     true,
     "○"},
    // vs_projection: 5-year total against the projection, sign-aware
    {"vs_projection_net_migration_80",
     K::VsProjection,
     D::HigherIsBetter,
     F::Ratio,
     -414,
     -1305,
     -1089,
     {{2026, -100}, {2027, -100}, {2028, -100}, {2029, -100}, {2030, -149}},
     -549,
     -549.0 / -414,
     0.8,
     {},
     "○"},
    {"vs_projection_as_projected_is_zero",
     K::VsProjection,
     D::HigherIsBetter,
     F::Ratio,
     -414,
     -1305,
     -1089,
     {{2026, -1089}},
     -1089,
     -1089.0 / -414,
     0.0,
     {},
     "△"},
    {"vs_projection_worse_than_projected",
     K::VsProjection,
     D::HigherIsBetter,
     F::Ratio,
     -414,
     -1305,
     -1089,
     {{2026, -1200}},
     -1200,
     -1200.0 / -414,
     -111.0 / 675,
     {},
     "△"},
    {"vs_projection_births",
     K::VsProjection,
     D::HigherIsBetter,
     F::Ratio,
     825,
     808,
     774,
     {{2026, 815}},
     815,
     815.0 / 825,
     41.0 / 51,
     {},
     "○"},
    {"vs_projection_lower_is_better",
     K::VsProjection,
     D::LowerIsBetter,
     F::Ratio,
     100,
     {},
     150,
     {{2026, 110}},
     110,
     100.0 / 110,
     0.8,
     {},
     "○"},
};

INSTANTIATE_TEST_SUITE_P(Kinds, KindTest, ::testing::ValuesIn(kKindCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Kinds, DoneMapsStatusesOnTheScheme) {
  const config::Kpi k = kpi(K::Done, 0);
  const std::pair<ValueKind, const char*> cases[] = {{ValueKind::Done, "○"},
                                                     {ValueKind::InProgress, "△"},
                                                     {ValueKind::NotStarted, "△"},
                                                     {ValueKind::NotCarriedOut, "×"},
                                                     {ValueKind::Missing, "×"}};
  for (const auto& [kind, grade] : cases) {
    const auto e = run(k, {status(Period::fiscal_year(2025), kind)});
    EXPECT_EQ(e.grade.symbol, grade) << to_string(kind);
    EXPECT_EQ(e.achieved, std::optional<bool>(kind == ValueKind::Done)) << to_string(kind);
  }
  // In the A/B/C/D scheme in progress is C.
  EXPECT_EQ(run(k, {status(Period::fiscal_year(2025), ValueKind::InProgress)}, "abcd").grade.symbol, "C");
}

TEST(Kinds, DoneWithANumberIsOther) {
  const auto e = run(kpi(K::Done, 0), {fy(2025, 1)});
  EXPECT_EQ(e.grade.symbol, "×");
}

TEST(Kinds, FormedTextNamesEachPeriod) {
  const auto e = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)});
  EXPECT_EQ(e.actual.formed, "sum of FY2025 (8) = 8");
  const auto two = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8), fy(2026, 3)});
  EXPECT_EQ(two.actual.formed, "sum of FY2025 (8) + FY2026 (3) = 11");
  const auto level = run(kpi(K::Level, 600, 576), {fy(2025, 550)});
  EXPECT_EQ(level.actual.formed, "latest: FY2025 = 550");
  const auto last = run(kpi(K::Level, 600, 576), {fy(2025, 550), fy(2029, 610)});
  EXPECT_EQ(last.actual.formed, "target year: FY2029 = 610");
}

TEST(Kinds, ZeroTargetLowerIsBetterMetAtZero) {
  config::Kpi k = kpi(K::Level, 0);
  k.direction = D::LowerIsBetter;
  EXPECT_EQ(run(k, {fy(2025, 0)}).grade.symbol, "○");  // 0 of 0: met
  EXPECT_EQ(run(k, {fy(2025, 3)}).grade.symbol, "△");  // 0 / 3
}

}  // namespace
}  // namespace sosei::evaluate::test
