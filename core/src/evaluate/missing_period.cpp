// A scheme's rule for a period without a value of its own (missing_period): carry the latest earlier
// value forward (the default, today's rule for levels), or grade the period "no value" as cities that
// keep a yearly A/B/C/D/X sheet do (X: 当該年度の実績値なし).
#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"

namespace sosei::evaluate {

std::optional<int> evaluation_year(const config::Strategy& strategy, const config::Kpi& kpi, const Date& as_of) {
  const Window w = window_of(strategy, kpi);
  for (int y = w.to; y >= w.from; --y) {
    const Period p =
        kpi.period_type == config::PeriodType::CalendarYear ? Period::calendar_year(y) : Period::fiscal_year(y);
    if (published_on(p, kpi.publication_lag_months) <= as_of) return y;
  }
  return std::nullopt;
}

void apply_missing_period(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years,
                          const Date& as_of, const GradingScheme& scheme, Actual& actual) {
  if (scheme.missing_period != MissingPeriod::NoValue || !actual.value) return;
  const auto year = evaluation_year(strategy, kpi, as_of);
  if (!year) return;
  for (const auto& y : years)
    if (y.year == *year) return;
  const Period p =
      kpi.period_type == config::PeriodType::CalendarYear ? Period::calendar_year(*year) : Period::fiscal_year(*year);
  actual = Actual{};
  actual.formed = "no value for " + period_label(p) + " (scheme " + scheme.name +
                  ": a period without its own value is not carried forward)";
}

}  // namespace sosei::evaluate
