// Numbers as the city writes them (text/numbers.hpp).
#include <gtest/gtest.h>

#include <limits>

#include "text/numbers.hpp"

namespace sosei::text {
namespace {

TEST(Numbers, GroupsAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(format_number(130108, 0, Lang::Ja), "130,108");
  EXPECT_EQ(format_number(98.28562664063583, 1, Lang::Ja), "98.3");
  EXPECT_EQ(format_number(34.96, 1, Lang::En), "35.0");
  EXPECT_EQ(format_number(0.125, 2, Lang::En), "0.13");
  EXPECT_EQ(format_number(1234567.891, 2, Lang::En), "1,234,567.89");
  EXPECT_EQ(format_number(999.5, 0, Lang::En), "1,000");
}

TEST(Numbers, NegativesWithATriangleInJapanese) {
  EXPECT_EQ(format_number(-1305, 0, Lang::Ja), "△1,305");
  EXPECT_EQ(format_number(-1305, 0, Lang::En), "-1,305");
  EXPECT_EQ(format_number(-2.04, 1, Lang::Ja), "△2.0");
  // Rounds to zero: no sign, no "△0".
  EXPECT_EQ(format_number(-0.04, 1, Lang::Ja), "0.0");
  EXPECT_EQ(format_percent(-0.0123, Lang::Ja), "△1.2%");
}

// Large figures keep their last decimal: the rounding nudge never adds a unit of its own.
TEST(Numbers, LargeFiguresAreNotNudgedUpward) {
  EXPECT_EQ(format_number_trimmed(10000000, 2, Lang::Ja), "10,000,000");
  EXPECT_EQ(format_number_trimmed(199000, 6, Lang::Ja), "199,000");
  EXPECT_EQ(format_number(123456789.125, 2, Lang::En), "123,456,789.13");
  EXPECT_EQ(format_number(1.005, 2, Lang::En), "1.01");
}

TEST(Numbers, NotFiniteIsADash) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity(), 0, Lang::Ja), "—");
  EXPECT_EQ(format_percent(-std::numeric_limits<double>::infinity(), Lang::Ja), "—");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN(), 1, Lang::En), "—");
}

TEST(Numbers, PercentsAreCutNotRounded) {
  EXPECT_EQ(format_percent(0.79999, Lang::Ja), "79.9%");
  EXPECT_EQ(format_percent(0.2, Lang::Ja), "20.0%");
  EXPECT_EQ(format_percent(1.0, Lang::En), "100.0%");
  EXPECT_EQ(format_percent(331.2, Lang::Ja), "33,120.0%");  // grouped like every number of the table
  EXPECT_EQ(format_percent(-12.3456, Lang::En), "-1,234.5%");
}

TEST(DisplayRules, DefaultsByUnit) {
  EXPECT_EQ(default_decimals("人"), 0);
  EXPECT_EQ(default_decimals("件"), 0);
  EXPECT_EQ(default_decimals("組"), 0);
  EXPECT_EQ(default_decimals("%"), 1);
  EXPECT_EQ(default_decimals("点"), 1);
  EXPECT_EQ(default_decimals(""), 2);
}

TEST(DisplayRules, ScaledUnits) {
  const auto rule = display_rule("人", std::nullopt, "万人");
  ASSERT_TRUE(rule);
  EXPECT_EQ(format_number(240000, *rule, Lang::Ja), "24");
  EXPECT_EQ(shown_unit(*rule, "人"), "万人");
  const auto precise = display_rule("人", 1, "万人");
  EXPECT_EQ(format_number(199000, *precise, Lang::Ja), "19.9");
  EXPECT_FALSE(display_rule("件", std::nullopt, "万人"));  // not a scale of 件
  EXPECT_EQ(display_rule("%", 2, "")->decimals, 2);
  EXPECT_EQ(shown_unit(*display_rule("人", std::nullopt, ""), "人"), "人");
}

TEST(Numbers, TrimmedForFiguresWithoutARule) {
  EXPECT_EQ(format_number_trimmed(240000, 2, Lang::Ja), "240,000");
  EXPECT_EQ(format_number_trimmed(12.5, 2, Lang::Ja), "12.5");
  EXPECT_EQ(format_number_trimmed(98.0550774526678, 2, Lang::En), "98.06");
}

TEST(Durations, WrittenForPeopleInEachLanguage) {
  EXPECT_EQ(duration_text(0, Lang::Ja), "0秒");
  EXPECT_EQ(duration_text(5, Lang::Ja), "5秒");
  EXPECT_EQ(duration_text(60, Lang::Ja), "1分");
  EXPECT_EQ(duration_text(90, Lang::Ja), "1分30秒");
  EXPECT_EQ(duration_text(3600 + 120, Lang::Ja), "1時間2分");
  EXPECT_EQ(duration_text(86400 + 1, Lang::Ja), "1日1秒");
  EXPECT_EQ(duration_text(0, Lang::En), "0 s");
  EXPECT_EQ(duration_text(90, Lang::En), "1 min 30 s");
  EXPECT_EQ(duration_text(7200, Lang::En), "2 h");
}

}  // namespace
}  // namespace sosei::text
