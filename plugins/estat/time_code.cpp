// Reading e-Stat time codes (see time_code.hpp).
#include "time_code.hpp"

#include <sosei/notation.hpp>

#include <algorithm>
#include <string>

namespace estat {
namespace {

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::optional<sosei_period> period_of_time_code(std::string_view code) {
  if (code.size() != 10 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const int year = number(code.substr(0, 4));
  if (year < sosei::kFirstYear || year > sosei::kLastYear) return std::nullopt;
  const std::string_view kind = code.substr(4, 2), from = code.substr(6, 2), to = code.substr(8, 2);
  if (kind == "00" && from == "00" && to == "00") return sosei_period{SOSEI_PERIOD_CALENDAR_YEAR, year, 0, 0};
  if (kind == "10" && from == "00" && to == "00") return sosei_period{SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
  // One month is a span from a month to the same month; 0103 (a quarter) is no month.
  if (kind == "00" && from == to && number(from) >= 1 && number(from) <= 12)
    return sosei_period{SOSEI_PERIOD_MONTH, year, number(from), 0};
  return std::nullopt;
}

std::string period_text(const sosei_period& p) {
  const std::string year = std::to_string(p.year);
  switch (p.kind) {
    case SOSEI_PERIOD_FISCAL_YEAR:
      return year + "年度";
    case SOSEI_PERIOD_MONTH:
      return year + "年" + std::to_string(p.month) + "月";
    default:
      return year + "年";
  }
}

}  // namespace estat
