// Fuzz target: the SDK's notation parsers (values with units, ▲/△, 万/千, statuses; periods and eras)
// over arbitrary text — every cell of every imported table goes through them.
// Invariants: they never throw (noexcept) or crash; a number is finite; a period is a real one (its
// kind known, the month 1–12 and the day within the month where they apply, nothing set where they
// do not); a failure always says why. Round trip: a parsed period written as ISO text parses to
// itself.
#include <cmath>
#include <string>
#include <string_view>

#include "fuzz_target.hpp"
#include "sosei/notation.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void check_period(const sosei_period& p) {
  switch (p.kind) {
    case SOSEI_PERIOD_FISCAL_YEAR:
    case SOSEI_PERIOD_CALENDAR_YEAR:
      check(p.month == 0 && p.day == 0);
      break;
    case SOSEI_PERIOD_MONTH:
      check(p.month >= 1 && p.month <= 12 && p.day == 0);
      break;
    case SOSEI_PERIOD_DATE:
      check(p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= sosei::days_in_month(p.year, p.month));
      break;
    default:
      check(false);
  }
}

std::string four_digits(int v) {
  std::string s = std::to_string(v);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}
std::string two_digits(int v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

// The ISO spelling of a month or a date (years have several spellings, not checked here).
void check_round_trip(const sosei_period& p) {
  if (p.kind != SOSEI_PERIOD_MONTH && p.kind != SOSEI_PERIOD_DATE) return;
  if (p.year < 1000 || p.year > 9999) return;
  std::string text = four_digits(p.year) + "-" + two_digits(p.month);
  if (p.kind == SOSEI_PERIOD_DATE) text += "-" + two_digits(p.day);
  const auto again = sosei::parse_period(text, SOSEI_PERIOD_FISCAL_YEAR);
  check(again && again->kind == p.kind && again->year == p.year && again->month == p.month && again->day == p.day);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (const auto v = sosei::parse_value(text, &error)) {
    check(v->kind != SOSEI_VALUE_NUMBER || std::isfinite(v->number));
  } else {
    check(!error.empty());
  }
  static constexpr std::string_view kUnits[] = {"組", "校", "千円"};
  if (const auto v = sosei::parse_value(text, kUnits)) check(v->kind != SOSEI_VALUE_NUMBER || std::isfinite(v->number));
  for (const int32_t bare : {SOSEI_PERIOD_FISCAL_YEAR, SOSEI_PERIOD_CALENDAR_YEAR}) {
    error.clear();
    if (const auto p = sosei::parse_period(text, bare, &error)) {
      check_period(*p);
      check_round_trip(*p);
    } else {
      check(!error.empty());
    }
  }
  sosei::parse_kanji_numeral(text);
  return 0;
}
