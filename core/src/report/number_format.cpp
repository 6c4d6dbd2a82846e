// Thousands separators and the percent shown in every format (number_format.hpp).
#include "report/number_format.hpp"

#include <cmath>
#include <string>

#include "evaluate/format.hpp"
#include "evaluate/scheme.hpp"

namespace sosei::report {

std::string grouped(double v) {
  if (!std::isfinite(v)) return evaluate::number_text(v);
  std::string s = evaluate::number_text(evaluate::round_half_up(v, 2));
  const std::size_t sign = (s[0] == '-') ? 1 : 0;
  std::size_t end = s.find('.');
  if (end == std::string::npos) end = s.size();
  for (std::size_t i = end; i > sign + 3; i -= 3) s.insert(i - 3, ",");
  return s;
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
