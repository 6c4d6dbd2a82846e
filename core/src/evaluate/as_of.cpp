// As-of parsing: canonical periods first, then the city's notations (eras, 年度).
#include "evaluate/as_of.hpp"

#include "sosei/notation.hpp"

namespace sosei::evaluate {

std::optional<Date> parse_as_of(std::string_view text, std::string* error) {
  if (auto p = Period::parse(text)) return end_of(*p);
  // A bare era year (R7) means the fiscal year: the city's tables count in fiscal years.
  std::string why;
  auto p = parse_period(text, SOSEI_PERIOD_FISCAL_YEAR, &why);
  if (!p) {
    if (error) *error = why;  // the notation's reason; the caller words the refusal
    return std::nullopt;
  }
  return end_of(Period::from(*p));
}

}  // namespace sosei::evaluate
