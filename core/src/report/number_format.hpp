// Numbers as reports print them: thousands separators, at most two decimals, and percents cut (not
// rounded) to one decimal as in the evaluation, so a shown 80.0 % is never below 80 %.
#pragma once

#include <optional>
#include <string>

#include "text/lang.hpp"

namespace sosei::report {

// 130108 → "130,108", 34.96 → "34.96", 99.50615… → "99.51" (display only; data keeps every digit);
// a negative number as the tables print it: △1,089 in Japanese, -1,089 in English.
std::string grouped(double v, text::Lang lang);

// The fraction a percent text shows: 0.79999 → 0.799 (what "79.9%" means), so a spreadsheet cell
// formatted as 0.0% displays the same text as the other formats.
double shown_fraction(double fraction);

// Whether a number has no fractional part (spreadsheets format it without decimals).
bool is_whole(double v);

}  // namespace sosei::report
