// What people read of an evaluation (evaluate/explain.hpp): how the actual was formed and the notes
// in Japanese and English, numbers by the KPI's display rule, a target of 0 without "-∞%", and a
// count never forecast below zero.
#include <gtest/gtest.h>

#include "evaluate/explain.hpp"
#include "fixture.hpp"

namespace sosei::evaluate {
namespace {

using config::TargetKind;
using test::fy;
using test::kpi;
using test::run;

const text::Locale kJa{text::Lang::Ja, text::YearStyle::Era};
const text::Locale kJaWestern{text::Lang::Ja, text::YearStyle::Western};
const text::Locale kEn{text::Lang::En, text::YearStyle::Era};

TEST(Explain, HowASumWasFormedInBothLanguages) {
  const auto e = run(kpi(TargetKind::Cumulative, 40), {fy(2025, 8), fy(2026, 5)});
  ASSERT_TRUE(e.actual.formed_shown);
  EXPECT_EQ(e.actual.formed_shown(kJa), "令和7年度（8） + 令和8年度（5） の合計 = 13");
  EXPECT_EQ(e.actual.formed_shown(kJaWestern), "2025年度（8） + 2026年度（5） の合計 = 13");
  EXPECT_EQ(e.actual.formed_shown(kEn), "sum of FY2025 (8) + FY2026 (5) = 13");
  EXPECT_EQ(e.actual.formed, "sum of FY2025 (8) + FY2026 (5) = 13");  // JSON keeps the English
}

TEST(Explain, NumbersByTheKpisRuleNotRawDoubles) {
  config::Kpi k = kpi(TargetKind::Level, 100);
  k.unit = "点";
  k.shown = *text::display_rule("点", std::nullopt, "");
  const auto e = run(k, {fy(2025, 98.28562664063583)});
  EXPECT_EQ(e.actual.formed_shown(kJa), "最新値: 令和7年度 = 98.3");
  EXPECT_EQ(shown_value(*e.actual.value, k, text::Lang::En), "98.3");
  // The JSON wording keeps every digit.
  EXPECT_NE(e.actual.formed.find("98.28562664063583"), std::string::npos);
}

TEST(Explain, NegativesWithATriangle) {
  config::Kpi k = kpi(TargetKind::Level, 10);
  k.min.reset();
  EXPECT_EQ(shown_number(-1305, k, text::Lang::Ja), "△1,305");
  EXPECT_EQ(shown_number(-1305, k, text::Lang::En), "-1,305");
}

TEST(Explain, NotesInJapanese) {
  const auto e = run(kpi(TargetKind::Level, 10), {});
  ASSERT_FALSE(e.notes_shown.empty());
  EXPECT_EQ(e.notes_shown[0](kJa), "評価期間の値がないため測定不能");
  EXPECT_EQ(e.notes[0], "no value for the evaluation period: cannot be measured");
  EXPECT_EQ(e.actual.formed_shown(kJa), "令和6年度～令和11年度の値なし");
}

TEST(Explain, ATargetOfZeroHasNoRatioAndSaysWhy) {
  config::Kpi k = kpi(TargetKind::Level, 0, 12);
  k.direction = config::Direction::LowerIsBetter;
  const auto e = run(k, {fy(2025, 3)});
  EXPECT_FALSE(ratio_defined(e));
  EXPECT_EQ(shown_ratio(e, text::Lang::Ja), "—（目標値0: 比率を定義できない）");
  EXPECT_EQ(shown_ratio(e, text::Lang::En).find("∞"), std::string::npos);
}

TEST(Explain, ACountIsNeverForecastBelowZero) {
  config::Kpi k = kpi(TargetKind::Level, 10);
  k.min = 0;
  // Falling fast: the straight line reaches below zero by FY2029.
  const auto e = run(k, {fy(2025, 30), fy(2026, 10)});
  ASSERT_TRUE(e.forecast.value);
  EXPECT_LT(*e.forecast.value, 0);
  EXPECT_FALSE(shown_forecast_value(e));
  EXPECT_EQ(shown_forecast(e, text::Lang::Ja), "—（見通しが0未満: 意味なし）");
}

TEST(Explain, PaceAndRatioTexts) {
  const auto e = run(kpi(TargetKind::Cumulative, 40), {fy(2025, 8)}, "kama", test::end_of_fy(2025));
  EXPECT_EQ(shown_ratio(e, text::Lang::Ja), "20.0%");
  EXPECT_EQ(shown_pace(e, text::Lang::Ja), "期待値 8: 100.0%");
  EXPECT_EQ(shown_pace(e, text::Lang::En), "expected 8: 100.0%");
}

}  // namespace
}  // namespace sosei::evaluate
