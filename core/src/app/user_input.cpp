// Reading what a person typed about stored values: periods.
#include "app/user_input.hpp"

#include "import/observation_validator.hpp"
#include "sosei/notation.hpp"

namespace sosei::app {

Period read_value_period(const config::Strategy& strategy, const config::Kpi* kpi, const std::string& text) {
  std::optional<Period> period = Period::parse(text);
  if (!period) {
    const int32_t bare = kpi && kpi->period_type == config::PeriodType::CalendarYear ? SOSEI_PERIOD_CALENDAR_YEAR
                                                                                     : SOSEI_PERIOD_FISCAL_YEAR;
    std::string error;
    const auto parsed = sosei::parse_period(text, bare, &error);
    if (!parsed) throw InputError(error);
    period = Period::from(*parsed);
  }
  if (!import::in_strategy_range(strategy, *period))
    throw InputError("期間 " + text + (text == period->str() ? "" : "（" + period->str() + "）") + "は戦略の範囲 FY" +
                     std::to_string(strategy.history_from) + "–FY" + std::to_string(strategy.last_value_year()) +
                     " の外です。この範囲の外の値は取り込まれないので、範囲内の期間を指定してください。");
  return *period;
}

}  // namespace sosei::app
