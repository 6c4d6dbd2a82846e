// Band edges are exact (79.99 % is not 80 %), the optional rounding before banding, and the shares of
// the rollups in whole percent rounded half up (62.5 % → 63 %, 37.5 % → 38 %).
#include <gtest/gtest.h>

#include "evaluate/steps.hpp"
#include "fixture.hpp"

namespace sosei::evaluate::test {
namespace {

struct EdgeCase {
  const char* scheme;
  double num;
  double den;
  const char* grade;
};

class BandEdgeTest : public ::testing::TestWithParam<EdgeCase> {};

TEST_P(BandEdgeTest, ExactEdges) {
  const auto& c = GetParam();
  const GradingScheme s = scheme(c.scheme);
  EXPECT_EQ(s.grade(band_of(s, {c.num, c.den})).symbol, c.grade) << c.num << "/" << c.den;
}

INSTANTIATE_TEST_SUITE_P(Edges, BandEdgeTest,
                         ::testing::Values(EdgeCase{"kama", 7999, 10000, "△"},      // 79.99 %
                                           EdgeCase{"kama", 79.99, 100, "△"},       // 79.99 % in decimals
                                           EdgeCase{"kama", 8000, 10000, "○"},      // 80 %
                                           EdgeCase{"kama", 32, 40, "○"},           // 80 % as counts
                                           EdgeCase{"kama", 28, 35, "○"},           // 80 %, 0.8 not exact in binary
                                           EdgeCase{"kama", 0, 40, "△"},            // nothing yet
                                           EdgeCase{"kama", -5, 40, "△"},           // backwards
                                           EdgeCase{"kama", 50, 40, "○"},           // beyond the target
                                           EdgeCase{"abcd", 40, 40, "A"},           // 100 %
                                           EdgeCase{"abcd", 39.99, 40, "B"},        // 99.975 %
                                           EdgeCase{"abcd", 32, 40, "B"},           // 80 %
                                           EdgeCase{"abcd", 31.99, 40, "C"},        // 79.975 %
                                           EdgeCase{"abcd", 20, 40, "C"},           // 50 %
                                           EdgeCase{"abcd", 19.99, 40, "D"},        // 49.975 %
                                           EdgeCase{"pro_rata", 8, 8, "着実"},      // 100 % of the share
                                           EdgeCase{"pro_rata", 6, 10, "概ね"},     // 60 %
                                           EdgeCase{"pro_rata", 5.99, 10, "改善"},  // 59.9 %
                                           EdgeCase{"kama", -40, -50, "○"}));       // negative denominator: 80 %

TEST(Bands, ExactRatioNotRoundedByDefault) {
  GradingScheme s = scheme("kama");
  ASSERT_FALSE(s.round_ratio_to);
  EXPECT_EQ(s.grade(band_of(s, {795, 1000})).symbol, "△");  // 79.5 %
  s.round_ratio_to = 0;                                     // a city that rounds to whole percent first
  EXPECT_EQ(s.grade(band_of(s, {795, 1000})).symbol, "○");
  EXPECT_EQ(s.grade(band_of(s, {794, 1000})).symbol, "△");
  s.round_ratio_to = 1;
  EXPECT_EQ(s.grade(band_of(s, {79.95, 100})).symbol, "○");
  EXPECT_EQ(s.grade(band_of(s, {79.94, 100})).symbol, "△");
}

TEST(Bands, SharesRoundHalfUp) {
  EXPECT_EQ(share_percent(5, 8), 63);  // 62.5
  EXPECT_EQ(share_percent(3, 8), 38);  // 37.5
  EXPECT_EQ(share_percent(1, 8), 13);  // 12.5
  EXPECT_EQ(share_percent(1, 3), 33);
  EXPECT_EQ(share_percent(2, 3), 67);
  EXPECT_EQ(share_percent(0, 16), 0);
  EXPECT_EQ(share_percent(16, 16), 100);
  EXPECT_EQ(share_percent(1, 16), 6);   // 6.25
  EXPECT_EQ(share_percent(3, 16), 19);  // 18.75
  EXPECT_EQ(share_percent(0, 0), 0);
}

TEST(Bands, RoundHalfUpOfPercents) {
  EXPECT_EQ(round_half_up(62.5, 0), 63);
  EXPECT_EQ(round_half_up(37.5, 0), 38);
  EXPECT_EQ(round_half_up(79.95, 1), 80.0);
  EXPECT_EQ(round_half_up(79.94, 1), 79.9);
  EXPECT_EQ(round_half_up(-2.5, 0), -3);
}

// Rollups over eight KPIs, five ○ and three △, plus a numeric target that is reported, not counted.
TEST(Bands, RollupsCountPerGoalDepartmentAndTotal) {
  config::Strategy s = strategy();
  s.goals = {{1, "goal one", {}, {}}, {2, "goal two", {}, {}}};
  Evaluation ev;
  const GradingScheme kama = scheme("kama");
  auto add = [&](int goal, const std::string& dept, std::size_t grade, bool goal_level = false) {
    KpiEvaluation e;
    e.kpi.goal_no = goal;
    e.kpi.department = dept;
    e.kpi.goal_level = goal_level;
    e.grade.index = grade;
    ev.kpis.push_back(e);
  };
  for (int i = 0; i < 5; ++i) add(1, "産業振興課", 0);
  for (int i = 0; i < 3; ++i) add(i == 0 ? 1 : 2, i == 0 ? "産業振興課" : "総合政策課", 1);
  add(2, "", 2, true);
  roll_up(s, kama, ev);
  EXPECT_EQ(ev.total.kpis, 8);
  ASSERT_EQ(ev.total.grades.size(), 3u);
  EXPECT_EQ(ev.total.grades[0].symbol, "○");
  EXPECT_EQ(ev.total.grades[0].count, 5);
  EXPECT_EQ(ev.total.grades[0].share_percent, 63);
  EXPECT_EQ(ev.total.grades[1].count, 3);
  EXPECT_EQ(ev.total.grades[1].share_percent, 38);
  EXPECT_EQ(ev.total.grades[2].count, 0);
  ASSERT_EQ(ev.goals.size(), 2u);
  EXPECT_EQ(ev.goals[0].kpis, 6);
  EXPECT_EQ(ev.goals[0].grades[0].share_percent, 83);  // 5 of 6 = 83.3
  EXPECT_EQ(ev.goals[1].kpis, 2);
  EXPECT_EQ(ev.goals[1].grades[1].share_percent, 100);
  ASSERT_EQ(ev.departments.size(), 2u);
  EXPECT_EQ(ev.departments[0].name, "産業振興課");
  EXPECT_EQ(ev.departments[0].kpis, 6);
  EXPECT_EQ(ev.departments[1].kpis, 2);
}

}  // namespace
}  // namespace sosei::evaluate::test
