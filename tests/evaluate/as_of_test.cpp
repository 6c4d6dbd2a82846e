// "As of" a date: only values whose period ended plus the KPI's publication lag by then count, and
// the output says which period each value belongs to.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace sosei::evaluate::test {
namespace {

using K = config::TargetKind;

TEST(AsOf, ParsesDatesFiscalYearsAndEras) {
  const std::pair<const char*, Date> cases[] = {
      {"2026-01-31", {2026, 1, 31}}, {"FY2025", {2026, 3, 31}}, {"R7", {2026, 3, 31}},
      {"令和7年度", {2026, 3, 31}},  {"2025", {2025, 12, 31}},  {"2025-12", {2025, 12, 31}},
      {"2024-02", {2024, 2, 29}},
  };
  for (const auto& [text, date] : cases) {
    auto d = parse_as_of(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(*d, date) << text << " → " << d->str();
  }
  std::string error;
  EXPECT_FALSE(parse_as_of("yesterday", &error));
  EXPECT_NE(error.find("yesterday"), std::string::npos);
  EXPECT_FALSE(parse_as_of("2026-02-30"));
}

TEST(AsOf, PublicationDates) {
  EXPECT_EQ(published_on(Period::fiscal_year(2025), 0), (Date{2026, 3, 31}));
  EXPECT_EQ(published_on(Period::calendar_year(2024), 12), (Date{2025, 12, 31}));
  EXPECT_EQ(published_on(Period::month_of(2025, 1), 1), (Date{2025, 2, 28}));  // stays at the month end
  EXPECT_EQ(published_on(Period::date_of(2025, 1, 30), 1), (Date{2025, 2, 28}));
  EXPECT_EQ(published_on(Period::date_of(2025, 4, 1), 2), (Date{2025, 6, 1}));
}

// Tourism: calendar-year counts published about a year late. Calendar 2024 is public on 2025-12-31.
TEST(AsOf, LagDecidesWhetherAValueCounts) {
  config::Kpi k = kpi(K::Level, 260000, 240000);
  k.period_type = config::PeriodType::CalendarYear;
  k.publication_lag_months = 12;
  const std::vector<store::StoredObservation> obs = {number(Period::calendar_year(2023), 240000),
                                                     number(Period::calendar_year(2024), 199000),
                                                     number(Period::calendar_year(2025), 230000)};
  const auto before = run(k, obs, "kama", {2025, 12, 30});
  EXPECT_FALSE(before.actual.value);
  EXPECT_EQ(before.grade.symbol, "×");
  ASSERT_FALSE(before.notes.empty());
  EXPECT_NE(before.notes.front().find("2024 (calendar year) (published 2025-12-31)"), std::string::npos);

  const auto on_the_day = run(k, obs, "kama", {2025, 12, 31});
  ASSERT_TRUE(on_the_day.actual.value);
  EXPECT_EQ(on_the_day.actual.value->number, 199000);
  EXPECT_EQ(on_the_day.actual.formed, "latest: 2024 (calendar year) = 199000");
  ASSERT_EQ(on_the_day.years.size(), 1u);  // the 2023 baseline is not an actual
  EXPECT_EQ(on_the_day.years[0].period, Period::calendar_year(2024));
  EXPECT_EQ(on_the_day.grade.symbol, "△");  // 76.5 %

  const auto later = run(k, obs, "kama", {2026, 12, 31});
  ASSERT_TRUE(later.actual.value);
  EXPECT_EQ(later.actual.value->number, 230000);
}

TEST(AsOf, FiscalYearCountsOnlyOnceEnded) {
  const config::Kpi k = kpi(K::Cumulative, 40, 5);
  const std::vector<store::StoredObservation> obs = {fy(2025, 8), fy(2026, 30)};
  EXPECT_FALSE(run(k, obs, "kama", {2026, 3, 30}).actual.value);
  EXPECT_EQ(run(k, obs, "kama", {2026, 3, 31}).actual.value->number, 8);
  EXPECT_EQ(run(k, obs, "kama", {2027, 3, 31}).actual.value->number, 38);
  EXPECT_EQ(run(k, obs, "kama", {2027, 3, 31}).grade.symbol, "○");
}

TEST(AsOf, SeveralValuesInOneYearTakeTheLatestPeriod) {
  const config::Kpi k = kpi(K::Rate, 100, 31.25);
  const auto e = run(k, {number(Period::date_of(2025, 4, 1), 34.96), number(Period::month_of(2026, 2), 40)});
  ASSERT_TRUE(e.actual.value);
  EXPECT_EQ(e.actual.value->number, 40);
  EXPECT_EQ(e.actual.formed, "latest: 2026-02 = 40");
}

}  // namespace
}  // namespace sosei::evaluate::test
