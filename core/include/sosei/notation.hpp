// Reads the notations of Japanese city KPI tables (▲1,833 / 19.9万人 / 未実施 / 令和7年度 / R7.4.1) into
// SDK values and periods, so that every plugin reads them the same way. Never throws.
#pragma once

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sosei/sdk.h"

// The tables below are UTF-8 literals; another execution charset would silently match nothing.
static_assert(std::string_view("円").size() == 3, "compile as UTF-8 (MSVC: /utf-8)");

namespace sosei {

// A value cell. Decisions:
//   - 万, 千 and 億 are always multipliers, so 13,650千円 is 13,650,000 with unit 円 (the city's
//     "thousand yen" becomes yen: one unit per currency whatever the table's scale).
//   - The unit must be one of kValueUnits, or one the caller declares (the KPI's own unit from the
//     strategy: 組, 校, 千円 …): free text after a number is more often a typo than a unit. A declared
//     unit is read as written first, so 13,650千円 for a KPI counted in 千円 is 13,650 (unit 千円).
//   - Empty cells and dashes (—, ―, －, -, ー) are SOSEI_VALUE_MISSING: the evaluation grades them
//     "cannot be measured", which is how the city reads them.
//   - ▲ △ ▼ − － before a number are minus signs (△ is also a grade symbol, but never before digits).
//   - Commas must group the integer part by three (1,234,567): a mis-grouped figure is a typo.
struct ParsedValue {
  int32_t kind = SOSEI_VALUE_MISSING;  // sosei_value_kind
  double number = 0;                   // when kind == SOSEI_VALUE_NUMBER; always finite
  std::string_view unit;               // canonical unit ("%" for ％), static storage; "" when none
};

struct ValueUnit {
  std::string_view spelling;
  std::string_view unit;
};
inline constexpr auto kValueUnits = std::to_array<ValueUnit>({
    {"件", "件"},
    {"人", "人"},
    {"名", "人"},  // 1,234名: people counted as 名 are 人
    {"%", "%"},
    {"％", "%"},
    {"区画", "区画"},
    {"組織", "組織"},
    {"事業", "事業"},
    {"円", "円"},
    {"点", "点"},
    {"世帯", "世帯"},
    {"回", "回"},
    {"校", "校"},
    {"箇所", "箇所"},
});

struct ValueMultiplier {
  std::string_view spelling;
  int exponent;
};
inline constexpr auto kValueMultipliers = std::to_array<ValueMultiplier>({
    {"万", 4},
    {"千", 3},
    {"億", 8},
});

struct ValueStatus {
  std::string_view spelling;
  int32_t kind;
};
inline constexpr auto kValueStatuses = std::to_array<ValueStatus>({
    {"", SOSEI_VALUE_MISSING},
    {"—", SOSEI_VALUE_MISSING},
    {"―", SOSEI_VALUE_MISSING},
    {"－", SOSEI_VALUE_MISSING},
    {"-", SOSEI_VALUE_MISSING},
    {"ー", SOSEI_VALUE_MISSING},
    {"−", SOSEI_VALUE_MISSING},
    {"‐", SOSEI_VALUE_MISSING},
    {"–", SOSEI_VALUE_MISSING},
    {"N/A", SOSEI_VALUE_MISSING},
    {"n/a", SOSEI_VALUE_MISSING},
    {"比較困難", SOSEI_VALUE_MISSING},
    {"(比較困難)", SOSEI_VALUE_MISSING},
    {"（比較困難）", SOSEI_VALUE_MISSING},
    // Withheld or not published (秘匿: too few to publish; … : not available), as official statistics mark them.
    {"x", SOSEI_VALUE_MISSING},
    {"X", SOSEI_VALUE_MISSING},
    {"ｘ", SOSEI_VALUE_MISSING},
    {"Ｘ", SOSEI_VALUE_MISSING},
    {"χ", SOSEI_VALUE_MISSING},
    {"*", SOSEI_VALUE_MISSING},
    {"＊", SOSEI_VALUE_MISSING},
    {"**", SOSEI_VALUE_MISSING},
    {"***", SOSEI_VALUE_MISSING},
    {"＊＊＊", SOSEI_VALUE_MISSING},
    {"…", SOSEI_VALUE_MISSING},
    {"...", SOSEI_VALUE_MISSING},
    {"・・・", SOSEI_VALUE_MISSING},
    {"秘匿", SOSEI_VALUE_MISSING},
    {"非公表", SOSEI_VALUE_MISSING},
    {"非公開", SOSEI_VALUE_MISSING},
    {"未実施", SOSEI_VALUE_NOT_CARRIED_OUT},
    {"未着手", SOSEI_VALUE_NOT_STARTED},
    {"実施中", SOSEI_VALUE_IN_PROGRESS},
    {"実施", SOSEI_VALUE_DONE},
    {"実施済", SOSEI_VALUE_DONE},
    {"済", SOSEI_VALUE_DONE},
    {"完了", SOSEI_VALUE_DONE},
});

inline constexpr auto kValueMinusSigns = std::to_array<std::string_view>({"-", "−", "－", "▲", "△", "▼"});
inline constexpr auto kValuePlusSigns = std::to_array<std::string_view>({"+", "＋"});

struct Era {
  std::string_view name;
  std::string_view letter;
  int offset;  // Gregorian year = offset + era year
};
// Era years past an era's end (平成38年度) are still offset + N: cities kept printing them.
inline constexpr auto kEras = std::to_array<Era>({
    {"令和", "R", 2018},
    {"平成", "H", 1988},
    {"昭和", "S", 1925},
    {"大正", "T", 1911},
});

inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2200;

// ---- text ----------------------------------------------------------------------------------

// The spaces trim() removes: ASCII space, tab, line ends and the ideographic space (U+3000).
inline constexpr auto kSpaces = std::to_array<std::string_view>({" ", "\t", "\r", "\n", "\u3000"});

// `s` without the spaces (kSpaces) at either end, as a view into `s`.
inline std::string_view trim(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (auto space : kSpaces) {
      if (s.starts_with(space)) s.remove_prefix(space.size()), again = true;
      if (s.ends_with(space)) s.remove_suffix(space.size()), again = true;
    }
  }
  return s;
}

namespace notation_detail {

// The ASCII character s starts with, full-width forms (U+FF01–U+FF5E) folded to ASCII; the number
// of bytes it takes, 0 when s starts with anything else.
inline std::size_t fold_ascii(std::string_view s, char& out) {
  if (s.empty()) return 0;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (byte(0) < 0x80) {
    out = s[0];
    return 1;
  }
  if (s.size() < 3 || byte(0) != 0xEF || (byte(1) & 0xC0) != 0x80 || (byte(2) & 0xC0) != 0x80) return 0;
  unsigned code = 0xF000u | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  if (code < 0xFF01 || code > 0xFF5E) return 0;
  out = static_cast<char>(code - 0xFF01 + 0x21);
  return 3;
}

}  // namespace notation_detail

// `s` with full-width ASCII (Ａ-Ｚ, ０-９, ＿, ，… U+FF01–U+FF5E) folded to ASCII; everything else,
// the ideographic space and half-width katakana included, is kept as it is.
inline std::string fold_full_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    char c = 0;
    std::size_t n = notation_detail::fold_ascii(s, c);
    if (n == 0) {
      c = s.front();
      n = 1;
    }
    out.push_back(c);
    s.remove_prefix(n);
  }
  return out;
}

// ---- dates ---------------------------------------------------------------------------------

inline bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// 28..31; `month` is 1..12.
inline int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

namespace notation_detail {

inline bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

inline bool eat_space(std::string_view& s) {
  for (auto space : kSpaces)
    if (eat(s, space)) return true;
  return false;
}

// Digits and point of a figure; two more bytes of SmallText hold the multiplier's "e4".
inline constexpr std::size_t kMaxFigureChars = 62;

// Fixed storage so that the per-cell path never touches the heap.
struct SmallText {
  char data[64];
  std::size_t size = 0;
  bool push(char c) {
    if (size == sizeof data) return false;
    data[size++] = c;
    return true;
  }
  std::string_view view() const { return {data, size}; }
};

// Failure messages allocate; a failed allocation must not turn "bad cell" into a crash.
inline void set_error(std::string* error, std::string_view text, std::string_view noun,
                      std::string_view reason) noexcept {
  if (!error) return;
  try {
    error->assign("\"").append(text).append("\" is not ").append(noun).append(": ").append(reason);
  } catch (...) {
    error->clear();
  }
}

// Excel's error values (#N/A of a failed lookup, #DIV/0! …): a broken formula, not a missing figure.
inline constexpr auto kExcelErrors = std::to_array<std::string_view>(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"});
inline constexpr std::string_view kExcelErrorReason =
    "an Excel error value: correct the formula in the workbook, then export the table again";

inline std::optional<int32_t> find_status(std::string_view s) {
  for (const auto& status : kValueStatuses)
    if (status.spelling == s) return status.kind;
  return std::nullopt;
}

inline bool is_excel_error(std::string_view s) {
  for (auto e : kExcelErrors)
    if (e == s) return true;
  return false;
}

// -1, +1, or 0 when s does not start with a sign.
inline int eat_sign(std::string_view& s) {
  for (auto minus : kValueMinusSigns)
    if (eat(s, minus)) return -1;
  for (auto plus : kValuePlusSigns)
    if (eat(s, plus)) return 1;
  return 0;
}

enum class NumberScan { Ok, NoDigits, BadGrouping, BadPoint, TooLong };

// Copies digits and the decimal point to `out` as ASCII, checking comma groups; leaves the rest in s.
inline NumberScan scan_number(std::string_view& s, SmallText& out) {
  std::size_t group = 0;  // digits since the last comma (or the start)
  bool grouped = false, point = false;
  std::size_t fraction = 0;
  for (char c = 0; std::size_t n = fold_ascii(s, c);) {
    bool digit = c >= '0' && c <= '9';
    if ((digit || c == '.') && out.size == kMaxFigureChars) return NumberScan::TooLong;
    if (digit) {
      out.push(c);
      ++(point ? fraction : group);
    } else if (c == ',') {
      if (point) return NumberScan::BadGrouping;
      if (group == 0 || group > 3 || (grouped && group != 3)) return NumberScan::BadGrouping;
      grouped = true;
      group = 0;
    } else if (c == '.') {
      if (point) return NumberScan::BadPoint;
      if (group == 0) return out.size == 0 ? NumberScan::NoDigits : NumberScan::BadGrouping;
      if (grouped && group != 3) return NumberScan::BadGrouping;
      out.push('.');
      point = true;
    } else {
      break;
    }
    s.remove_prefix(n);
  }
  if (out.size == 0) return NumberScan::NoDigits;
  if (grouped && !point && group != 3) return NumberScan::BadGrouping;
  if (point && fraction == 0) return NumberScan::BadPoint;
  return NumberScan::Ok;
}

inline std::string_view describe(NumberScan scan) {
  switch (scan) {
    case NumberScan::NoDigits:
      return "expected digits with an optional 万/千/億 multiplier and unit (1,234人, ▲5.1, 19.9万人), "
             "or a status (—, 未実施, 未着手, 実施中, 実施)";
    case NumberScan::BadGrouping:
      return "commas must separate groups of three digits before the decimal point (1,234,567.8)";
    case NumberScan::BadPoint:
      return "expected one decimal point with digits on both sides (1234.5)";
    case NumberScan::TooLong:
      return "longer than 62 digits: expected a figure, not a code";
    case NumberScan::Ok:
      break;
  }
  return "";
}

inline int eat_multiplier(std::string_view& s) {
  for (const auto& multiplier : kValueMultipliers)
    if (eat(s, multiplier.spelling)) return multiplier.exponent;
  return 0;
}

inline std::optional<std::string_view> find_unit(std::string_view s, std::span<const std::string_view> declared = {}) {
  if (s.empty()) return std::string_view{};
  for (const auto& unit : kValueUnits)
    if (unit.spelling == s) return unit.unit;
  for (auto unit : declared)
    if (!unit.empty() && unit == s) return unit;
  return std::nullopt;
}

inline std::string unit_list(std::span<const std::string_view> declared = {}) {
  std::string list;
  for (const auto& unit : kValueUnits) list.append(list.empty() ? "" : " ").append(unit.spelling);
  for (auto unit : declared)
    if (!unit.empty() && !find_unit(unit)) list.append(" ").append(unit);
  return list;
}

// Digits times 10^exponent, converted as one decimal literal so that 19.9万 is exactly 199000.
inline std::optional<double> to_double(SmallText& digits, int exponent) {
  if (exponent > 0 && !(digits.push('e') && digits.push(static_cast<char>('0' + exponent)))) return std::nullopt;
  double number = 0;
  auto [end, ec] = std::from_chars(digits.data, digits.data + digits.size, number);
  if (ec != std::errc{} || end != digits.data + digits.size || !std::isfinite(number)) return std::nullopt;
  return number;
}

inline std::optional<ParsedValue> parse_number(std::string_view text, std::string_view s, std::string* error,
                                               std::span<const std::string_view> declared = {}) {
  constexpr std::string_view kNoun = "a number";
  int sign = eat_sign(s);
  while (eat_space(s)) {
  }
  SmallText digits;
  if (auto scan = scan_number(s, digits); scan != NumberScan::Ok) {
    set_error(error, text, kNoun, describe(scan));
    return std::nullopt;
  }
  while (eat_space(s)) {
  }
  // A declared unit as written ("千円" of a KPI in 千円) wins over a multiplier and a known unit.
  int exponent = 0;
  std::optional<std::string_view> unit;
  for (auto own : declared)
    if (!own.empty() && own == s) unit = own;
  if (!unit) {
    exponent = eat_multiplier(s);
    unit = find_unit(s, declared);
  }
  if (!unit) {
    try {
      set_error(error, text, kNoun,
                "\"" + std::string(s) + "\" is not a known unit: expected a number with an optional " +
                    "万/千/億 multiplier and one of the units " + unit_list(declared));
    } catch (...) {
      set_error(error, text, kNoun, "unknown unit");
    }
    return std::nullopt;
  }
  auto number = to_double(digits, exponent);
  if (!number) {
    set_error(error, text, kNoun, "the figure is out of range");
    return std::nullopt;
  }
  // ▲0 is plain 0: a negative zero would print as "-0" in reports.
  double value = sign < 0 && *number != 0 ? -*number : *number;
  return ParsedValue{SOSEI_VALUE_NUMBER, value, *unit};
}

// ---- periods -------------------------------------------------------------------------------

// Reads 1..max_digits ASCII digits; nullopt (s unchanged) when there are none or too many.
inline std::optional<int> take_number(std::string_view& s, std::size_t max_digits) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > max_digits) return std::nullopt;
  int value = 0;
  std::from_chars(s.data(), s.data() + n, value);
  s.remove_prefix(n);
  return value;
}

inline std::size_t count_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

// Kanji numerals 1..99 (七, 十, 十二, 三十, 三十一), as era years are often written (令和七年度,
// 平成三十年度); nullopt (s unchanged) when s does not start with one.
inline std::optional<int> take_kanji_number(std::string_view& s) {
  constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digit = [&](std::string_view t) -> int {
    for (int d = 1; d <= 9; ++d)
      if (t.starts_with(kDigits[static_cast<std::size_t>(d)])) return d;
    return 0;
  };
  std::string_view rest = s;
  int value = 0;
  int first = digit(rest);
  if (first) rest.remove_prefix(kDigits[static_cast<std::size_t>(first)].size());
  if (eat(rest, "十")) {
    value = (first ? first : 1) * 10;
    if (int ones = digit(rest)) {
      value += ones;
      rest.remove_prefix(kDigits[static_cast<std::size_t>(ones)].size());
    }
  } else {
    value = first;
  }
  if (value == 0) return std::nullopt;
  s = rest;
  return value;
}

// Case-insensitive: fy2025 and r7 are as common as FY2025 and R7. `upper` is upper-case ASCII.
inline bool eat_letters(std::string_view& s, std::string_view upper) {
  if (s.size() < upper.size()) return false;
  for (std::size_t i = 0; i < upper.size(); ++i)
    if (s[i] != upper[i] && s[i] != upper[i] - 'A' + 'a') return false;
  s.remove_prefix(upper.size());
  return true;
}

// One parse of one period text: carries the text and the error slot so that failures are one line.
class PeriodParser {
 public:
  PeriodParser(std::string_view text, int32_t bare_year_kind, std::string* error)
      : text_(text), bare_kind_(bare_year_kind), error_(error) {}

  std::optional<sosei_period> parse(std::string_view s) {
    if (bare_kind_ != SOSEI_PERIOD_FISCAL_YEAR && bare_kind_ != SOSEI_PERIOD_CALENDAR_YEAR)
      return fail("bare_year_kind must be SOSEI_PERIOD_FISCAL_YEAR or SOSEI_PERIOD_CALENDAR_YEAR");
    if (s.empty()) return fail(kExpected);
    if (s.find('(') != std::string_view::npos || s.find(')') != std::string_view::npos) return parse_bracketed(s);
    for (const auto& era : kEras)
      if (eat(s, era.name) || eat_letters(s, era.letter)) return parse_era(s, era);
    if (eat_letters(s, "FY")) return parse_prefixed_year(s, SOSEI_PERIOD_FISCAL_YEAR, "FY");
    if (eat_letters(s, "CY")) return parse_prefixed_year(s, SOSEI_PERIOD_CALENDAR_YEAR, "CY");
    std::size_t digits = count_digits(s);
    if (digits == 8 && s.size() == 8) return parse_compact_date(s);
    if (digits != 4) return fail(kExpected);
    int year = *take_number(s, 4);
    return parse_after_year(s, year);
  }

 private:
  static constexpr std::string_view kExpected =
      "expected a year (2025, FY2025, 2025年度, 2025年, R7, 令和7年度), a month (2025-04, 2025年4月, R7.4) "
      "or a date (2025-04-01, 20250401, 令和7年4月1日, R7.4.1)";

  std::optional<sosei_period> fail(std::string_view reason) {
    set_error(error_, text_, "a period", reason);
    return std::nullopt;
  }

  // One year in two notations, as published tables label their rows: 2019(令和元)年度, 令和元(2019)年度,
  // 2019年度（令和元年度）, R1(2019). The text without the brackets is the period; the bracketed part,
  // read with what follows the brackets or alone, must name the same year (and month and day when it
  // has them) of the same kind, so 2019(平成30)年度 and 2019年(令和元年度) are refused rather than
  // read as either. Spaces around the brackets are allowed (2019年度 (令和元年度)).
  std::optional<sosei_period> parse_bracketed(std::string_view s) {
    constexpr std::string_view kHow = "expected one year in brackets naming the same year, as in 2019(令和元)年度";
    const std::size_t open = s.find('('), close = s.find(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2 ||
        s.find_first_of("()", open + 1) != close || s.find_first_of("()", close + 1) != std::string_view::npos)
      return fail(kHow);
    const auto unspaced = [](std::string_view part) {
      while (part.starts_with(' ')) part.remove_prefix(1);
      while (part.ends_with(' ')) part.remove_suffix(1);
      return part;
    };
    const std::string_view before = unspaced(s.substr(0, open)),
                           inside = unspaced(s.substr(open + 1, close - open - 1)),
                           after = unspaced(s.substr(close + 1));
    if (inside.empty()) return fail(kHow);
    SmallText outer, inner;  // each shorter than s, which fits 64 bytes
    for (char c : before) outer.push(c);
    for (char c : after) outer.push(c);
    auto period = PeriodParser(text_, bare_kind_, error_).parse(outer.view());
    if (!period) return std::nullopt;
    for (char c : inside) inner.push(c);
    for (char c : after) inner.push(c);
    std::string_view read = inner.view();
    auto other = PeriodParser(text_, bare_kind_, nullptr).parse(read);
    if (!other) other = PeriodParser(text_, bare_kind_, nullptr).parse(read = inside);
    if (!other) return fail(kHow);
    // A bare year (令和元, 2019) takes the kind of the one outside; one that says 年 or 年度 must agree.
    const int32_t other_bare =
        bare_kind_ == SOSEI_PERIOD_FISCAL_YEAR ? SOSEI_PERIOD_CALENDAR_YEAR : SOSEI_PERIOD_FISCAL_YEAR;
    const auto again = PeriodParser(text_, other_bare, nullptr).parse(read);
    const bool bare = again && again->kind != other->kind;
    const bool same = other->year == period->year && (bare || other->kind == period->kind) &&
                      (other->month == 0 || other->month == period->month) &&
                      (other->day == 0 || other->day == period->day);
    if (!same) return fail("the year in brackets is not the same year as the one outside them");
    return period;
  }

  // A time of day after a date, as spreadsheets export dates (2019/4/1 0:00, 2019-04-01T00:00:00):
  // the period is the day, whatever the time. True when `s` was exactly such a time.
  static bool is_time_of_day(std::string_view s) {
    if (s.empty() || (s[0] != ' ' && s[0] != 'T')) return false;
    s.remove_prefix(1);
    const auto hour = take_number(s, 2);
    if (!hour || *hour > 23 || s.empty()) return false;
    for (int part = 0; part < 2 && !s.empty(); ++part) {  // :MM, then :SS
      if (s[0] != ':') return false;
      s.remove_prefix(1);
      if (count_digits(s) != 2) return false;
      if (*take_number(s, 2) > 59) return false;
    }
    if (!s.empty() && s[0] == '.') {  // fractions of a second (00:00:00.000)
      s.remove_prefix(1);
      if (count_digits(s) == 0) return false;
      s.remove_prefix(count_digits(s));
    }
    return s.empty();
  }

  std::optional<sosei_period> parse_era(std::string_view s, const Era& era) {
    int era_year = 0;
    if (eat(s, "元")) {
      era_year = 1;
    } else if (auto n = take_number(s, 2)) {
      era_year = *n;
    } else if (auto kanji = take_kanji_number(s)) {
      era_year = *kanji;
    } else {
      return fail(
          "expected the era year (1 or 2 digits, kanji such as 七 or 三十, or 元) after the era name, "
          "as in 令和7年度, 令和七年度 or R7");
    }
    if (era_year == 0) return fail("era year 0 does not exist: the first year is 元 (1)");
    return parse_after_year(s, era.offset + era_year);
  }

  std::optional<sosei_period> parse_prefixed_year(std::string_view s, int32_t kind, std::string_view prefix) {
    // Exactly 4 digits: FY25 could be 2025 or a typo, and the city never writes it.
    if (count_digits(s) != 4 || s.size() != 4)
      return fail("expected a 4-digit year and nothing else after " + std::string(prefix) + ", as in " +
                  std::string(prefix) + "2025");
    return finish(sosei_period{kind, *take_number(s, 4), 0, 0});
  }

  std::optional<sosei_period> parse_compact_date(std::string_view s) {
    auto two_digits = [&](std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
    int year = two_digits(0) * 100 + two_digits(2);  // the caller checked: 8 digits
    int month = two_digits(4);
    int day = two_digits(6);
    return finish(sosei_period{SOSEI_PERIOD_DATE, year, month, day});
  }

  std::optional<sosei_period> parse_after_year(std::string_view s, int year) {
    if (s.empty()) return finish(sosei_period{bare_kind_, year, 0, 0});
    if (eat(s, "年度")) {
      if (!s.empty()) return fail("expected nothing after 年度 (a fiscal year has no month)");
      return finish(sosei_period{SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0});
    }
    if (eat(s, "年")) return parse_kanji_month(s, year);
    if (s[0] == '-' || s[0] == '/' || s[0] == '.') return parse_separated_month(s, year);
    return fail("expected 年度, 年, a month (-04, /4, .4) or nothing after the year");
  }

  std::optional<sosei_period> parse_kanji_month(std::string_view s, int year) {
    if (s.empty()) return finish(sosei_period{SOSEI_PERIOD_CALENDAR_YEAR, year, 0, 0});
    // Months and days in kanji as well (令和七年四月一日, 十二月三十一日), as era dates are often written.
    auto month = take_number(s, 2);
    if (!month) month = take_kanji_number(s);
    if (!month || !eat(s, "月")) return fail("expected a month such as 4月 or 四月 after 年");
    if (s.empty()) return finish(sosei_period{SOSEI_PERIOD_MONTH, year, *month, 0});
    auto day = take_number(s, 2);
    if (!day) day = take_kanji_number(s);
    if (!day || !eat(s, "日") || !s.empty())
      return fail("expected a day such as 1日 or 一日 and nothing else after 月");
    return finish(sosei_period{SOSEI_PERIOD_DATE, year, *month, *day});
  }

  std::optional<sosei_period> parse_separated_month(std::string_view s, int year) {
    char separator = s[0];
    s.remove_prefix(1);
    auto month = take_number(s, 2);
    if (!month) return fail("expected a 1- or 2-digit month after the year, as in 2025-04");
    if (s.empty()) return finish(sosei_period{SOSEI_PERIOD_MONTH, year, *month, 0});
    if (s[0] != separator) return fail("expected the same separator between month and day, as in 2025-04-01");
    s.remove_prefix(1);
    auto day = take_number(s, 2);
    if (!day || !(s.empty() || is_time_of_day(s)))
      return fail("expected a 1- or 2-digit day and nothing else (or a time such as 0:00), as in 2025-04-01");
    return finish(sosei_period{SOSEI_PERIOD_DATE, year, *month, *day});
  }

  std::optional<sosei_period> finish(sosei_period period) {
    if (period.year < kFirstYear || period.year > kLastYear)
      return fail("year " + std::to_string(period.year) + " is outside 1900–2200");
    if (period.kind == SOSEI_PERIOD_MONTH || period.kind == SOSEI_PERIOD_DATE) {
      if (period.month < 1 || period.month > 12)
        return fail("month " + std::to_string(period.month) + " is not between 1 and 12");
    }
    if (period.kind == SOSEI_PERIOD_DATE) {
      int last = days_in_month(period.year, period.month);
      if (period.day < 1 || period.day > last)
        return fail("day " + std::to_string(period.day) + " does not exist in " + std::to_string(period.year) + "-" +
                    std::to_string(period.month) + ", which has " + std::to_string(last) + " days");
    }
    return period;
  }

  std::string_view text_;
  int32_t bare_kind_;
  std::string* error_;
};

}  // namespace notation_detail

// The value of a KPI cell, or nullopt with *error (when given) saying what was found and expected.
// `units`: the units the strategy declares for the KPI (Context::kpi_unit), so that 5組, 3校 and
// 12箇所 read as numbers. A declared unit is matched as written before the multipliers (13,650千円 of
// a KPI in 千円 is 13,650); ParsedValue::unit then views into `units`. Allocation-free unless it
// fails; noexcept.
inline std::optional<ParsedValue> parse_value(std::string_view text, std::span<const std::string_view> units,
                                              std::string* error = nullptr) noexcept {
  std::string_view s = trim(text);
  if (auto status = notation_detail::find_status(s)) return ParsedValue{*status, 0, {}};
  if (notation_detail::is_excel_error(s)) {
    notation_detail::set_error(error, text, "a number", notation_detail::kExcelErrorReason);
    return std::nullopt;
  }
  try {
    return notation_detail::parse_number(text, s, error, units);
  } catch (...) {  // only a failed allocation of the message can get here
    return std::nullopt;
  }
}

// The same without declared units: only the units every KPI shares (kValueUnits) are read.
inline std::optional<ParsedValue> parse_value(std::string_view text, std::string* error = nullptr) noexcept {
  return parse_value(text, std::span<const std::string_view>{}, error);
}

// Whether a value's unit (ParsedValue::unit) is the unit the strategy declares for its KPI: the same
// text, or two spellings of one unit in kValueUnits (% and ％). A value in another unit than its KPI's
// (3件 for a KPI in 人, 13,650,000円 for one in 千円, 85.3% for a bare ratio) is not a number of that
// KPI whatever its digits, so a plugin should refuse it rather than store the digits.
inline bool same_unit(std::string_view value_unit, std::string_view declared) noexcept {
  if (value_unit == declared) return true;
  const auto canonical = [](std::string_view u) {
    for (const auto& known : kValueUnits)
      if (known.spelling == u) return known.unit;
    return u;
  };
  return canonical(value_unit) == canonical(declared);
}

// Whether a value read by parse_value may be stored for a KPI the strategy declares in `declared`: a
// number in the declared unit (same_unit), or without a unit unless the declared unit begins with a
// multiplier that `text` used (5.5万 for a KPI in 万人 reads 55,000 where 5.5 was meant). Statuses
// always fit. Plugins refuse a value that does not, naming both units.
inline bool fits_unit(std::string_view text, const ParsedValue& value, std::string_view declared) noexcept {
  if (value.kind != SOSEI_VALUE_NUMBER) return true;
  if (!value.unit.empty()) return same_unit(value.unit, declared);
  for (const auto& m : kValueMultipliers)
    if (declared.starts_with(m.spelling) && text.find(m.spelling) != std::string_view::npos) return false;
  return true;
}

// A number written in kanji numerals, 1 to 99: 七, 十, 十二, 三十, 三十一 (era years: 令和七年度). The
// whole of `text` must be the numeral; nullopt otherwise.
inline std::optional<int> parse_kanji_numeral(std::string_view text) noexcept {
  auto n = notation_detail::take_kanji_number(text);
  if (!n || !text.empty()) return std::nullopt;
  return n;
}

// A period; a bare year (2025, R7, H30) takes `bare_year_kind` (SOSEI_PERIOD_FISCAL_YEAR or
// SOSEI_PERIOD_CALENDAR_YEAR), because only the table's context says which one it is.
inline std::optional<sosei_period> parse_period(std::string_view text, int32_t bare_year_kind,
                                                std::string* error = nullptr) noexcept {
  notation_detail::SmallText folded;
  std::string_view s = trim(text);
  while (!s.empty()) {
    char c = 0;
    std::size_t n = notation_detail::fold_ascii(s, c);
    if (n == 0) {  // kanji (年, 令和…) are kept as UTF-8
      n = 1;
      c = s[0];
    }
    if (!folded.push(c)) {
      notation_detail::set_error(error, text, "a period", "longer than 64 bytes: expected a year, month or date");
      return std::nullopt;
    }
    s.remove_prefix(n);
  }
  try {
    return notation_detail::PeriodParser(text, bare_year_kind, error).parse(folded.view());
  } catch (...) {  // only a failed allocation of the message can get here
    return std::nullopt;
  }
}

}  // namespace sosei
