// The 全国地方公共団体コード (local government code) that names a city in a shared store: five digits
// (two of the prefecture, three of the municipality) and a check digit. The check digit catches the
// typing errors that would otherwise file a city's data under its neighbour.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei {

class CityCode {
 public:
  // Six digits with the right check digit; anything else is nullopt (see city_code_problem for why).
  static std::optional<CityCode> parse(std::string_view text);

  const std::string& digits() const { return digits_; }                // "402273"
  std::string_view prefecture() const { return {digits_.data(), 2}; }  // "40"
  bool operator==(const CityCode&) const = default;

 private:
  explicit CityCode(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// The check digit of the first five digits: their sum weighted 6, 5, 4, 3, 2, taken modulo 11 and
// subtracted from 11; its last digit.
char city_code_check_digit(std::string_view first_five);

// Why `text` is not a city code, in the reader's terms: what kind of mistake and, when only the check
// digit is off or missing, the code it probably means. Empty when it is one.
struct CityCodeProblem {
  enum class Kind { None, NotSixDigits, FiveDigits, WrongCheckDigit } kind = Kind::None;
  std::string suggestion;  // the six digits with the right check digit, when one can be formed
};
CityCodeProblem city_code_problem(std::string_view text);

}  // namespace sosei
