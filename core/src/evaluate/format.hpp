// Number and percent texts shared by the "how it was formed" notes, the CLI table and reports.
#pragma once

#include <string>

#include "common/period.hpp"

namespace sosei::evaluate {

// Shortest text that reads back as the same double, without exponent for KPI-sized figures: 199000, 34.96.
std::string number_text(double v);

// A fraction as a percent with one decimal, truncated toward zero so that "80.0%" is never shown for
// a ratio that is below 80 % (band edges are exact). ±inf → "∞%".
std::string percent_text(double fraction);

// FY2025, "2024 (calendar year)", 2025-04-01: which period a value belongs to, for people.
std::string period_label(const Period& p);

std::string value_text(const Value& v);  // a number, or the status name

}  // namespace sosei::evaluate
