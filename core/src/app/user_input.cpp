// Reading what a person typed about stored values: periods.
#include "app/user_input.hpp"

#include <algorithm>

#include "import/observation_validator.hpp"
#include "sosei/notation.hpp"
#include "text/periods.hpp"

namespace sosei::app {

text::Phrase english_reason(std::string reason) {
  return [reason = std::move(reason)](const text::Locale& l) {
    return l.lang == text::Lang::En && !reason.empty() ? " (" + reason + ")" : std::string();
  };
}

std::optional<Period> read_period(const std::string& text) {
  if (auto period = Period::parse(text)) return period;
  if (const auto parsed = sosei::parse_period(text, SOSEI_PERIOD_FISCAL_YEAR, nullptr)) return Period::from(*parsed);
  return std::nullopt;
}

Period read_value_period(const config::Strategy& strategy, const config::Kpi* kpi, const std::string& text) {
  // A bare year (2025) is the KPI's own kind of year, as everywhere a person types one (comment read
  // it as 令和7年度 and submit as the calendar year 2025 for the same fiscal-year KPI); the stored keys
  // (FY2025, 2025-04) are read as they are.
  const bool bare_year =
      text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::optional<Period> period = bare_year ? std::nullopt : Period::parse(text);
  if (!period) {
    const int32_t bare = kpi && kpi->period_type == config::PeriodType::CalendarYear ? SOSEI_PERIOD_CALENDAR_YEAR
                                                                                     : SOSEI_PERIOD_FISCAL_YEAR;
    std::string error;
    const auto parsed = sosei::parse_period(text, bare, &error);
    if (!parsed) throw InputError(text::phrase(&text::Catalogue::input_period_unreadable, text, english_reason(error)));
    period = Period::from(*parsed);
  }
  if (!import::in_strategy_range(strategy, *period)) {
    const Period p = *period;
    const auto year = [](int fy) {
      return [fy](const text::Locale& l) { return text::fiscal_year_text(fy, l.years, l.lang); };
    };
    // R99 is 令和99年度 in Japanese: the typed text, then the period in the reader's notation.
    const text::Phrase shown = [p, text](const text::Locale& l) {
      const std::string written = text::period_text(p, l.years, l.lang);
      if (written == text) return std::string();
      return l.lang == text::Lang::Ja ? "（" + written + "）" : " (" + written + ")";
    };
    throw InputError(text::phrase(&text::Catalogue::input_period_outside, text, shown, year(strategy.history_from),
                                  year(strategy.last_value_year())));
  }
  return *period;
}

}  // namespace sosei::app
