// Issue 17 §3: a national long table (年, 月, 地域コード, 地域名, 観光入込客数) feeds one city's yearly
// KPI through `where` and `aggregate`; fixtures are generated (long_table_fixtures.hpp).
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <map>
#include <string>

#include "long_table_fixtures.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace {

using Settings = std::map<std::string, std::string>;
using csv_long_table::fiscal_sum;
using csv_long_table::national_table;
using csv_long_table::visitors;

constexpr std::size_t kIizuka = 1;  // index of 40227 飯塚市 in regions()

class CsvLongTable : public ::testing::Test {
 protected:
  int32_t run(const Settings& settings, bool skip_bad_rows = false) {
    host_ = sosei::testing::FakeHost();
    for (const auto& [name, value] : settings) host_.setting(name, value);
    for (const auto& [name, text] : files_) host_.file(name, text);
    host_.skip_bad_rows(skip_bad_rows);
    return host_.run(sosei_plugin_entry());
  }

  // One city's yearly visitors out of the national table.
  Settings yearly(const std::string& table) {
    files_["kanko.csv"] = table;
    return {{"file", "kanko.csv"},  {"kpi", "tourism_visitors"},      {"period_column", "年"},
            {"month_column", "月"}, {"value_column", "観光入込客数"}, {"where", "地域コード=40227"},
            {"aggregate", "sum"}};
  }

  sosei::testing::FakeHost host_;
  std::map<std::string, std::string> files_;
};

TEST_F(CsvLongTable, WhereAndSumGiveOneFiscalYearForTheCity) {
  ASSERT_EQ(run(yearly(national_table(2023, 4, 2025, 3))), SOSEI_OK) << host_.error();
  const auto& o = host_.observations();
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].series, "tourism_visitors");
  EXPECT_EQ(o[0].period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(o[0].period.year, 2023);
  EXPECT_EQ(o[0].number, fiscal_sum(kIizuka, 2023));
  EXPECT_EQ(o[1].period.year, 2024);
  EXPECT_EQ(o[1].number, fiscal_sum(kIizuka, 2024));
  EXPECT_TRUE(o[1].note.empty()) << o[1].note;
  EXPECT_TRUE(o[1].dimensions.empty());
  // The row of March 2025 for 飯塚市: header, then 3 regions × 23 earlier months, then its 2nd region.
  EXPECT_EQ(o[1].file, "kanko.csv");
  EXPECT_EQ(o[1].line, 2u + 23 * 3 + kIizuka);
}

TEST_F(CsvLongTable, ANameColumnAndFullWidthCodesFilterTheSame) {
  auto s = yearly(national_table(2023, 4, 2024, 3));
  s["where"] = "地域名=飯塚市";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  EXPECT_EQ(host_.observations()[0].number, fiscal_sum(kIizuka, 2023));
  s["where"] = "地域コード=４０２２７";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, fiscal_sum(kIizuka, 2023));
  // A code written zero-padded on one side only (a spreadsheet's 00000 format shows 040227).
  s["where"] = "地域コード=040227";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, fiscal_sum(kIizuka, 2023));
}

TEST_F(CsvLongTable, EveryConditionMustMatch) {
  auto s = yearly(national_table(2023, 4, 2024, 3));
  s["where"] = "地域コード=40227, 地域名=田川市";
  EXPECT_EQ(run(s), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("地域コード=40227, 地域名=田川市"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("1つもありません"), std::string::npos) << host_.error();
  s["where"] = "地域コード=40228, 地域名=田川市";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, fiscal_sum(2, 2023));
}

TEST_F(CsvLongTable, AWhereColumnTheTableLacksIsNamed) {
  auto s = yearly(national_table(2023, 4, 2024, 3));
  s["where"] = "市町村コード=40227";
  EXPECT_EQ(run(s), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("市町村コード"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("地域コード"), std::string::npos) << "the columns present: " << host_.error();
}

TEST_F(CsvLongTable, CalendarYearsWhenThePeriodTypeSaysSo) {
  auto s = yearly(national_table(2023, 4, 2025, 3));
  s["period_type"] = "calendar_year";
  ASSERT_EQ(run(s, /*skip_bad_rows=*/true), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  EXPECT_EQ(host_.observations()[0].period.kind, SOSEI_PERIOD_CALENDAR_YEAR);
  EXPECT_EQ(host_.observations()[0].period.year, 2024);
  long long sum = 0;
  for (int m = 1; m <= 12; ++m) sum += visitors(kIizuka, 2024, m);
  EXPECT_EQ(host_.observations()[0].number, sum);
  ASSERT_EQ(host_.rejections().size(), 2u) << "2023 lacks January–March, 2025 lacks April–December";
  EXPECT_NE(host_.rejections()[0].reason.find("2023年1月、2023年2月、2023年3月"), std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_NE(host_.rejections()[1].reason.find("3か月分しか"), std::string::npos) << host_.rejections()[1].reason;
}

TEST_F(CsvLongTable, AnIncompleteYearIsNotSummedUnlessAllowed) {
  auto s = yearly(national_table(2024, 4, 2025, 1));  // FY2024 up to January
  EXPECT_EQ(run(s), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  const auto& r = host_.rejections()[0];
  EXPECT_EQ(r.file, "kanko.csv");
  EXPECT_NE(r.reason.find("tourism_visitors 2024年度"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("10か月分しか値がありません（ない月: 2025年2月、2025年3月）"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("allow_partial: true"), std::string::npos) << r.reason;
  EXPECT_TRUE(host_.observations().empty());

  s["allow_partial"] = "true";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  long long sum = 0;
  for (int m = 4; m <= 12; ++m) sum += visitors(kIizuka, 2024, m);
  sum += visitors(kIizuka, 2025, 1);
  EXPECT_EQ(host_.observations()[0].number, sum);
  EXPECT_NE(host_.observations()[0].note.find("2025年2月、2025年3月"), std::string::npos)
      << host_.observations()[0].note;
}

TEST_F(CsvLongTable, ABlankOrDashMonthCountsAsMissing) {
  std::string table = national_table(2024, 4, 2025, 3);
  const std::string june = "2024,6,40227,飯塚市," + std::to_string(visitors(kIizuka, 2024, 6));
  table.replace(table.find(june), june.size(), "2024,6,40227,飯塚市,-");
  EXPECT_EQ(run(yearly(table)), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.rejections().at(0).reason.find("2024年6月（空欄）"), std::string::npos)
      << host_.rejections().at(0).reason;
}

TEST_F(CsvLongTable, LastMeanAndMax) {
  auto s = yearly(national_table(2024, 4, 2025, 3));
  s["aggregate"] = "last";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, visitors(kIizuka, 2025, 3)) << "March closes the fiscal year";
  s["aggregate"] = "max";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, visitors(kIizuka, 2025, 3)) << "the counts grow by year";
  s["aggregate"] = "mean";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_DOUBLE_EQ(host_.observations().at(0).number, fiscal_sum(kIizuka, 2024) / 12.0);

  // A year in progress: last is the latest month so far, noted, never refused.
  s = yearly(national_table(2024, 4, 2024, 9));
  s["aggregate"] = "last";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).number, visitors(kIizuka, 2024, 9));
  EXPECT_NE(host_.observations().at(0).note.find("6か月分"), std::string::npos) << host_.observations().at(0).note;
}

TEST_F(CsvLongTable, OneValuePerDimensionWithoutWhere) {
  auto s = yearly(national_table(2024, 4, 2025, 3));
  s.erase("where");
  s["dimension_columns"] = "district=地域名";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 3u);
  std::map<std::string, double> by_region;
  for (const auto& o : host_.observations()) by_region[o.dimension("district")] = o.number;
  EXPECT_EQ(by_region["千代田区"], fiscal_sum(0, 2024));
  EXPECT_EQ(by_region["飯塚市"], fiscal_sum(1, 2024));
  EXPECT_EQ(by_region["田川市"], fiscal_sum(2, 2024));
}

TEST_F(CsvLongTable, AMonthGivenTwiceIsABadRowNamingTheFirst) {
  std::string table = national_table(2024, 4, 2025, 3);
  table += "2024,5,40227,飯塚市,1\n";
  EXPECT_EQ(run(yearly(table)), SOSEI_ERR_REJECTED);
  const auto& r = host_.rejections().at(0);
  EXPECT_EQ(r.line, 2u + 36u);
  EXPECT_NE(r.reason.find("2024年5月の行が2度目です（最初は 6 行目）"), std::string::npos) << r.reason;
}

TEST_F(CsvLongTable, WithoutAggregateRepeatedKeysStayAnError) {
  auto s = yearly(national_table(2024, 4, 2024, 6));
  s.erase("aggregate");
  s.erase("month_column");  // every month of 2024 would be the same period: 2024
  EXPECT_EQ(run(s), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("a second value for the same key"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("kanko.csv:6"), std::string::npos) << host_.error();

  s["month_column"] = "月";  // monthly values, one per month: no aggregation needed
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 3u);
  EXPECT_EQ(host_.observations()[2].period.kind, SOSEI_PERIOD_MONTH);
  EXPECT_EQ(host_.observations()[2].period.month, 6);
}

TEST_F(CsvLongTable, OtherRegionsRowsAreNotRead) {
  std::string table = national_table(2024, 4, 2025, 3);
  table += "2025,3,99999,どこか,not a number\n";
  ASSERT_EQ(run(yearly(table)), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.rejections().empty());
}

// Published monthly tables often head the year column 年度: its 2024 with 1月 is January 2025, and
// summing by fiscal year gives the same totals as the calendar-year table of the same months.
TEST_F(CsvLongTable, AYearColumnHeadedNendoHoldsFiscalYears) {
  std::string fiscal = "年度,月,地域コード,地域名,観光入込客数\n";
  std::string calendar = "年,月,地域コード,地域名,観光入込客数\n";
  for (int m = 4; m <= 15; ++m) {
    const int month = (m - 1) % 12 + 1;
    const std::string count = std::to_string(1000 + m);
    fiscal += std::string(m % 2 ? "R6" : "2024") + "," + std::to_string(month) + ",40227,飯塚市," + count + "\n";
    calendar += std::to_string(month < 4 ? 2025 : 2024) + "," + std::to_string(month) + ",40227,飯塚市," + count + "\n";
  }
  auto s = yearly(fiscal);
  s["period_column"] = "年度";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  const auto from_fiscal = host_.observations()[0];
  ASSERT_EQ(run(yearly(calendar)), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  EXPECT_EQ(from_fiscal.period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(from_fiscal.period.year, 2024);
  EXPECT_EQ(from_fiscal.number, host_.observations()[0].number);
  EXPECT_EQ(from_fiscal.number, 12 * 1000 + (4 + 15) * 12 / 2);

  // The table's 合計 row under the months, its year cell empty: skipped, not refused.
  s = yearly(fiscal + ",合計,40227,飯塚市,12114\n");
  s["period_column"] = "年度";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.rejections().empty());
  EXPECT_EQ(host_.observations().at(0).number, from_fiscal.number);
}

TEST_F(CsvLongTable, BadMonthsAndPeriodsAreBadRows) {
  std::string table = national_table(2024, 4, 2025, 3) + "2025,13,40227,飯塚市,5\n2025-05,4,40227,飯塚市,5\n";
  ASSERT_EQ(run(yearly(table), true), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.rejections().size(), 2u);
  EXPECT_NE(host_.rejections()[0].reason.find("月「13」は 1〜12 の月ではありません"), std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_NE(host_.rejections()[1].reason.find("年でも年度でもありません"), std::string::npos)
      << host_.rejections()[1].reason;

  // aggregate needs months: a yearly period column alone is refused, row by row.
  auto s = yearly(national_table(2024, 4, 2024, 4));
  s.erase("month_column");
  EXPECT_EQ(run(s), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.rejections().at(0).reason.find("month_column"), std::string::npos) << host_.rejections().at(0).reason;
}

TEST_F(CsvLongTable, ConfigurationMistakes) {
  auto s = yearly(national_table(2024, 4, 2025, 3));
  s["aggregate"] = "median";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("sum, last, mean, max"), std::string::npos) << host_.error();
  s["aggregate"] = "sum";
  s["aggregate_by"] = "month";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("aggregate_by"), std::string::npos) << host_.error();
  s.erase("aggregate_by");
  s["aggregate"] = "max";
  s["allow_partial"] = "true";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("allow_partial"), std::string::npos) << host_.error();
  s.erase("allow_partial");
  s["where"] = "40227";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("列名=値"), std::string::npos) << host_.error();
}

}  // namespace
