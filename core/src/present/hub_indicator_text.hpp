// What people read of the hub's shared indicators, shared by `sosei hub indicators` and the hub's
// /indicators page: why a city has no value, how an indicator adds up, and its numbers.
#pragma once

#include <optional>
#include <string>

#include "app/hub_indicators.hpp"
#include "config/hub.hpp"
#include "text/lang.hpp"

namespace sosei::present {

// Why a city has no value (no value, not reported, no configuration at the hub, …), or where a value
// before a merger came from; "" for the city's own value.
std::string indicator_state_text(const app::IndicatorCityValue& city, const text::Locale& locale);
// "合計", "分子と分母をそれぞれ合計した比 ×100", "集計しない水準".
std::string aggregate_text(const config::SharedIndicator& indicator, text::Lang lang);
// The indicator's name in the reader's language (its Japanese name when it has no English one).
std::string indicator_name(const config::SharedIndicator& indicator, text::Lang lang);
// Up to three decimals, trailing zeros dropped (a rate of 7.667 %, a count of 1,305); "" for none.
std::string indicator_number(const std::optional<double>& value, text::Lang lang);

}  // namespace sosei::present
