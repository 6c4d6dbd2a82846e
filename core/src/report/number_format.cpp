// Thousands separators and the percent shown in every format (number_format.hpp).
#include "report/number_format.hpp"

#include <cmath>
#include <string>

#include "evaluate/format.hpp"
#include "evaluate/scheme.hpp"
#include "text/numbers.hpp"

namespace sosei::report {

std::string grouped(double v, text::Lang lang) {
  if (!std::isfinite(v)) return evaluate::number_text(v);
  // The same text as the tables' cells, so the chart's −1,089 is not the table's △1,089.
  return text::format_number_trimmed(v, 2, lang);
}

double shown_fraction(double fraction) {
  if (!std::isfinite(fraction)) return fraction;
  // Parse the text back: the one place that decides the truncation stays evaluate::percent_text.
  // Whole tenths of a percent over 1000, so 72.4 % is the double nearest 0.724 (72.4 / 100 is not).
  const std::string text = evaluate::percent_text(fraction);
  return std::round(std::stod(text.substr(0, text.size() - 1)) * 10) / 1000;
}

bool is_whole(double v) { return std::isfinite(v) && std::floor(v) == v; }

}  // namespace sosei::report
