// Era and western years, periods, dates and timestamps (text/periods.hpp).
#include <gtest/gtest.h>

#include "text/periods.hpp"

namespace sosei::text {
namespace {

TEST(Years, EraLabelsAndTexts) {
  EXPECT_EQ(year_label(2025, YearStyle::Era), "R7");
  EXPECT_EQ(year_label(2019, YearStyle::Era), "R1");
  EXPECT_EQ(year_label(2018, YearStyle::Era), "H30");
  EXPECT_EQ(year_label(2025, YearStyle::Western), "2025");
  EXPECT_EQ(fiscal_year_text(2025, YearStyle::Era, Lang::Ja), "令和7年度");
  EXPECT_EQ(fiscal_year_text(2019, YearStyle::Era, Lang::Ja), "令和元年度");
  EXPECT_EQ(fiscal_year_text(1989, YearStyle::Era, Lang::Ja), "平成元年度");
  // Western years in Japanese are never bare.
  EXPECT_EQ(fiscal_year_text(2025, YearStyle::Western, Lang::Ja), "2025年度");
  EXPECT_EQ(fiscal_year_text(2025, YearStyle::Era, Lang::En), "FY2025");
}

TEST(Years, PeriodsInSentences) {
  EXPECT_EQ(period_text(Period::fiscal_year(2025), YearStyle::Era, Lang::Ja), "令和7年度");
  EXPECT_EQ(period_text(Period::calendar_year(2024), YearStyle::Era, Lang::Ja), "2024年（暦年）");
  EXPECT_EQ(period_text(Period::month_of(2025, 4), YearStyle::Era, Lang::Ja), "令和7年4月");
  EXPECT_EQ(period_text(Period::month_of(2019, 4), YearStyle::Era, Lang::Ja), "平成31年4月");
  EXPECT_EQ(period_text(Period::month_of(2019, 5), YearStyle::Era, Lang::Ja), "令和元年5月");
  EXPECT_EQ(period_text(Period::date_of(2025, 4, 1), YearStyle::Western, Lang::Ja), "2025年4月1日");
  EXPECT_EQ(period_text(Period::calendar_year(2024), YearStyle::Era, Lang::En), "2024 (calendar year)");
  EXPECT_EQ(period_text(Period::month_of(2025, 4), YearStyle::Era, Lang::En), "2025-04");
  EXPECT_EQ(date_text(Date{2026, 3, 31}, Lang::Ja), "2026年3月31日");
  EXPECT_EQ(date_text(Date{2026, 3, 31}, Lang::En), "2026-03-31");
}

TEST(Timestamps, InTheConfiguredZoneWithItsOffset) {
  EXPECT_EQ(timestamp_text("2026-12-03T12:25:18.940Z", "Asia/Tokyo"), "2026-12-03 21:25:18 +09:00");
  EXPECT_EQ(timestamp_text("2026-12-03T20:00:00Z", "Asia/Tokyo"), "2026-12-04 05:00:00 +09:00");
  EXPECT_EQ(timestamp_text("2026-07-01T00:00:00Z", "Europe/Berlin"), "2026-07-01 02:00:00 +02:00");
  EXPECT_EQ(timestamp_text("2026-07-01T00:00:00Z", "UTC"), "2026-07-01 00:00:00 +00:00");
  EXPECT_EQ(timestamp_text("not a time", "Asia/Tokyo"), "not a time");
  EXPECT_EQ(timestamp_text(std::string_view{}, "Asia/Tokyo"), "");
}

}  // namespace
}  // namespace sosei::text
