// The hub's page of shared indicators (/indicators of `sosei hub serve`, docs/hub.md): per indicator,
// every city in scope with its value (a ratio with its numerator and denominator), each prefecture's
// total and the scope's, and the cities without a value named with why. Plain HTML, like the hub's
// page; the same as /api/hub/indicators.
#pragma once

#include <string>
#include <vector>

#include "app/hub_indicators.hpp"
#include "config/hub.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

std::string hub_indicators_html(const config::Hub& hub, const std::vector<app::IndicatorView>& views, text::Lang lang);

}  // namespace sosei::serve
