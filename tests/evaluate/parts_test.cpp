// Issue 13 §3: KPIs measured in parts (combine) and the scheme's rule for a period without a value
// of its own (missing_period).
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace sosei::evaluate::test {
namespace {

using K = config::TargetKind;
using R = config::CombineRule;

store::StoredObservation part(int year, const std::string& school, double v, int64_t run = 1) {
  store::StoredObservation o = fy(year, v);
  o.key.dimensions = {{"school", school}};
  o.run_id = run;
  return o;
}

config::Kpi in_parts(R rule, K kind = K::Reach, double target = 0) {
  config::Kpi k = kpi(kind, target, -3);
  k.unit = "ポイント";
  k.allow_negative = true;
  k.combine = config::Combine{"school", rule, {{"小学校", "小"}, {"中学校", "中"}}};
  return k;
}

// Points against the national average: 小 -2.0, 中 -5.0.
const std::vector<store::StoredObservation> kScores = {part(2025, "中学校", -5), part(2025, "小学校", -2)};

TEST(Parts, EachMustReachTheTargetAndTheWorstPartIsGraded) {
  const auto e = run(in_parts(R::Each), kScores, "kama", end_of_fy(2025));
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(*e.actual.value, Value::of(-5));  // the worst part
  EXPECT_EQ(e.achieved, false);
  ASSERT_EQ(e.parts.size(), 2u);
  EXPECT_EQ(e.parts[0].label, "小");  // in the KPI's label order, not the stored order
  EXPECT_EQ(e.parts[0].value, Value::of(-2));
  EXPECT_EQ(e.parts[1].part, "中学校");
  EXPECT_EQ(e.parts[1].label, "中");
  EXPECT_EQ(e.parts[1].value, Value::of(-5));
  EXPECT_NE(e.actual.formed.find("the worst part"), std::string::npos) << e.actual.formed;
  for (const auto& note : e.notes) EXPECT_EQ(note.find("dimensions left out"), std::string::npos) << note;
  // Both parts are observations the evaluation used (a revision of either makes it stale).
  ASSERT_EQ(e.used.size(), 2u);
  EXPECT_EQ(e.used[0].key.dimensions, (store::Dimensions{{"school", "小学校"}}));

  const auto reached =
      run(in_parts(R::Each), {part(2025, "小学校", 1), part(2025, "中学校", 0.5)}, "kama", end_of_fy(2025));
  EXPECT_EQ(reached.achieved, true);
  EXPECT_EQ(reached.grade.symbol, "○");
}

TEST(Parts, MinMaxMeanSum) {
  const auto value = [&](R rule) { return run(in_parts(rule, K::Level, 10), kScores, "kama", end_of_fy(2025)).actual; };
  EXPECT_EQ(*value(R::Min).value, Value::of(-5));
  EXPECT_EQ(*value(R::Max).value, Value::of(-2));
  EXPECT_EQ(*value(R::Mean).value, Value::of(-3.5));
  EXPECT_EQ(*value(R::Sum).value, Value::of(-7));
}

TEST(Parts, AFlowSumsEachPartOverTheYearsThenCombines) {
  // Cumulative by part: 小 3 + 4 = 7, 中 6 + 1 = 7 … min over the sums, not the sum of yearly minima.
  const auto e =
      run(in_parts(R::Min, K::Cumulative, 10),
          {part(2025, "小学校", 3), part(2025, "中学校", 6), part(2026, "小学校", 4), part(2026, "中学校", 1)}, "kama",
          end_of_fy(2026));
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(*e.actual.value, Value::of(7));
  ASSERT_EQ(e.parts.size(), 2u);
  EXPECT_EQ(e.parts[0].value, Value::of(7));
  EXPECT_EQ(e.parts[1].value, Value::of(7));
}

TEST(Parts, WithoutCombineDimensionedValuesStayLeftOut) {
  config::Kpi k = in_parts(R::Each);
  k.combine.reset();
  const auto e = run(k, kScores, "kama", end_of_fy(2025));
  EXPECT_FALSE(e.actual.value);
  EXPECT_TRUE(e.parts.empty());
}

TEST(Parts, EachWithAPartWithoutFigureIsThatStatus) {
  auto missing = part(2025, "中学校", 0);
  missing.data.value = Value::status(ValueKind::Missing);
  const auto e = run(in_parts(R::Each), {part(2025, "小学校", 1), missing}, "kama", end_of_fy(2025));
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(e.actual.value->kind, ValueKind::Missing);
  EXPECT_EQ(e.grade.symbol, "×");
}

// missing_period: carry_forward (default) vs no_value (abcdx.yaml).
TEST(MissingPeriod, CarryForwardIsTheDefault) {
  EXPECT_EQ(scheme("kama").missing_period, MissingPeriod::CarryForward);
  EXPECT_EQ(scheme("abcdx").missing_period, MissingPeriod::NoValue);
  // A level with FY2025 only, evaluated as of FY2026: the FY2025 value is carried forward.
  const auto e = run(kpi(K::Level, 10, 5), {fy(2025, 9)}, "abcd", end_of_fy(2026));
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(*e.actual.value, Value::of(9));
  EXPECT_EQ(e.grade.symbol, "B");
}

TEST(MissingPeriod, NoValueGradesTheYearWithoutItsOwnValueX) {
  const auto e = run(kpi(K::Level, 10, 5), {fy(2025, 9)}, "abcdx", end_of_fy(2026));
  EXPECT_FALSE(e.actual.value);
  EXPECT_EQ(e.grade.symbol, "X");
  EXPECT_EQ(e.grade.label, "当該年度の実績値なし");
  EXPECT_EQ(e.grade.basis, "no value");
  EXPECT_NE(e.actual.formed.find("FY2026"), std::string::npos) << e.actual.formed;
  // The year's own value is graded against the final target as usual.
  const auto own = run(kpi(K::Level, 10, 5), {fy(2025, 9)}, "abcdx", end_of_fy(2025));
  EXPECT_EQ(own.grade.symbol, "B");
  // A flow whose latest due year has no value is "no value" too.
  const auto flow = run(kpi(K::Cumulative, 40, 5), {fy(2025, 8)}, "abcdx", end_of_fy(2026));
  EXPECT_EQ(flow.grade.symbol, "X");
}

}  // namespace
}  // namespace sosei::evaluate::test
