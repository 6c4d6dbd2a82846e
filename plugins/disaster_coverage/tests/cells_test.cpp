// The pure parts: district codes, code lists, dates, the active-on rule and the coverage sum.
#include <gtest/gtest.h>

#include "cells.hpp"
#include "coverage.hpp"

using namespace disaster_coverage;

TEST(DistrictKey, FoldsFullWidthAndLeadingZeros) {
  EXPECT_EQ(district_key("001"), "1");
  EXPECT_EQ(district_key(" 1 "), "1");
  EXPECT_EQ(district_key("０１"), "1");
  EXPECT_EQ(district_key("000"), "0");
  EXPECT_EQ(district_key("A01"), "A01");  // not all digits: kept
  EXPECT_EQ(district_key("Ａ０１"), "A01");
  EXPECT_EQ(district_key("\u3000"), "");
  EXPECT_NE(district_key("10"), district_key("1"));
}

TEST(SplitCodes, EverySeparatorTheRostersUse) {
  const std::vector<std::string_view> want{"1", "2", "3", "4", "5", "6", "7"};
  EXPECT_EQ(split_codes("1、2,3・4 5\u30006，7"), want);
  EXPECT_EQ(split_codes("  1 ,, 2 "), (std::vector<std::string_view>{"1", "2"}));
  EXPECT_TRUE(split_codes("").empty());
  EXPECT_TRUE(split_codes(" 、 ").empty());
}

TEST(ParseDate, CityNotationsAndExcelSerials) {
  std::string error;
  EXPECT_EQ(parse_date("2025-04-01", &error), (Date{2025, 4, 1}));
  EXPECT_EQ(parse_date("2025/4/1", &error), (Date{2025, 4, 1}));
  EXPECT_EQ(parse_date("20250401", &error), (Date{2025, 4, 1}));
  EXPECT_EQ(parse_date("令和元年5月1日", &error), (Date{2019, 5, 1}));
  EXPECT_EQ(parse_date("H31.4.1", &error), (Date{2019, 4, 1}));
  EXPECT_EQ(parse_date("R6.5.1", &error), (Date{2024, 5, 1}));
  // Excel serials: 45748 = 2025-04-01, 43466 = 2019-01-01, 45351 = 2024-02-29.
  EXPECT_EQ(parse_date("45748", &error), (Date{2025, 4, 1}));
  EXPECT_EQ(parse_date("43466", &error), (Date{2019, 1, 1}));
  EXPECT_EQ(parse_date("45351", &error), (Date{2024, 2, 29}));

  EXPECT_FALSE(parse_date("2019-05", &error));
  EXPECT_NE(error.find("「2019-05」には日がありません。日まで書いてください"), std::string::npos) << error;
  EXPECT_FALSE(parse_date("2023-02-29", &error));
  EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
  EXPECT_FALSE(parse_date("いつか", &error));
  EXPECT_FALSE(error.empty());
}

TEST(ReferenceDate, MonthDayInAFiscalYear) {
  EXPECT_EQ(parse_month_day("04-01"), (Date{0, 4, 1}));
  EXPECT_EQ(parse_month_day("4/1"), (Date{0, 4, 1}));
  EXPECT_EQ(parse_month_day("4月1日"), (Date{0, 4, 1}));
  EXPECT_EQ(parse_month_day("02-29"), (Date{0, 2, 29}));
  EXPECT_FALSE(parse_month_day("13-01"));
  EXPECT_FALSE(parse_month_day("April"));
  EXPECT_EQ(in_fiscal_year(Date{0, 4, 1}, 2025), (Date{2025, 4, 1}));
  EXPECT_EQ(in_fiscal_year(Date{0, 3, 31}, 2025), (Date{2026, 3, 31}));
  EXPECT_EQ(in_fiscal_year(Date{0, 2, 29}, 2024), (Date{2025, 2, 28}));
  EXPECT_EQ(fiscal_year_of(Date{2026, 3, 31}), 2025);
  EXPECT_EQ(fiscal_year_of(Date{2026, 4, 1}), 2026);
}

TEST(Organization, ActiveFromItsEstablishmentUntilTheDayBeforeItsDissolution) {
  Organization o;
  o.established = {2019, 4, 1};
  o.dissolved = Date{2025, 3, 31};
  EXPECT_FALSE(o.active_on({2019, 3, 31}));
  EXPECT_TRUE(o.active_on({2019, 4, 1}));  // established on the reference date: counted
  EXPECT_TRUE(o.active_on({2025, 3, 30}));
  EXPECT_FALSE(o.active_on({2025, 3, 31}));  // dissolved on the reference date: not counted
  o.dissolved.reset();
  EXPECT_TRUE(o.active_on({2099, 1, 1}));
}

TEST(Coverage, ADistrictCoveredTwiceCountsOnce) {
  // 3 districts: 100, 300, 600 households. A covers 1 and 2, B covers 2 and 3 but starts later.
  std::vector<District> districts{{"1", "1", "a", 100, 2}, {"2", "2", "b", 300, 3}, {"3", "3", "c", 600, 4}};
  Organization a{"A", {"1", "2"}, {2020, 1, 1}, std::nullopt, 2};
  Organization b{"B", {"2", "3"}, {2024, 4, 2}, std::nullopt, 3};
  auto before = compute_coverage(districts, {a, b}, {2024, 4, 1});
  EXPECT_EQ(before.covered_households, 400u);
  EXPECT_EQ(before.total_households, 1000u);
  EXPECT_DOUBLE_EQ(before.percent(), 40.0);
  EXPECT_EQ(before.covered, (std::vector<bool>{true, true, false}));
  auto after = compute_coverage(districts, {a, b}, {2025, 4, 1});
  EXPECT_EQ(after.covered_households, 1000u);  // not 1300: district 2 once
  EXPECT_DOUBLE_EQ(after.percent(), 100.0);
  EXPECT_DOUBLE_EQ(compute_coverage({}, {a}, {2025, 4, 1}).percent(), 0.0);
}
