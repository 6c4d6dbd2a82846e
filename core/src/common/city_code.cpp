// Local government codes (city_code.hpp).
#include "common/city_code.hpp"

#include <algorithm>

namespace sosei {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

char city_code_check_digit(std::string_view first_five) {
  int sum = 0;
  for (std::size_t i = 0; i < 5; ++i) sum += (first_five[i] - '0') * static_cast<int>(6 - i);
  return static_cast<char>('0' + (11 - sum % 11) % 10);
}

CityCodeProblem city_code_problem(std::string_view text) {
  using Kind = CityCodeProblem::Kind;
  if (!all_digits(text) || (text.size() != 5 && text.size() != 6)) return {Kind::NotSixDigits, ""};
  const std::string completed = std::string(text.substr(0, 5)) + city_code_check_digit(text);
  if (text.size() == 5) return {Kind::FiveDigits, completed};
  if (text[5] != completed[5]) return {Kind::WrongCheckDigit, completed};
  return {};
}

std::optional<CityCode> CityCode::parse(std::string_view text) {
  if (city_code_problem(text).kind != CityCodeProblem::Kind::None) return std::nullopt;
  return CityCode(std::string(text));
}

}  // namespace sosei
