// Year, period, date and timestamp texts (periods.hpp).
#include "text/periods.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "common/time_zone.hpp"

namespace sosei::text {
namespace {

struct Era {
  const char* name;
  const char* letter;
  int first_fiscal_year;
};

// Fiscal years take the era their April starts in; FY2019 (令和元年度) starts in 平成31年4月 but the
// city counts it as 令和元年度, as every Japanese administration does.
constexpr Era kEras[] = {{"令和", "R", 2019}, {"平成", "H", 1989}, {"昭和", "S", 1926}};

const Era* era_of(int fiscal_year) {
  for (const auto& e : kEras)
    if (fiscal_year >= e.first_fiscal_year) return &e;
  return nullptr;
}

std::string era_year(const Era& e, int year) {
  const int n = year - e.first_fiscal_year + 1;
  return std::string(e.name) + (n == 1 ? "元" : std::to_string(n));
}

// The era of a calendar date: 令和 from 2019-05-01, 平成 from 1989-01-08.
std::string era_date_year(int y, int m, int d) {
  if (y > 2019 || (y == 2019 && m >= 5)) return era_year(kEras[0], y);
  if (y > 1989 || (y == 1989 && (m > 1 || d >= 8))) return era_year(kEras[1], y);
  return std::to_string(y);
}

}  // namespace

std::string year_label(int fiscal_year, YearStyle style) {
  const Era* e = style == YearStyle::Era ? era_of(fiscal_year) : nullptr;
  if (!e) return std::to_string(fiscal_year);
  return e->letter + std::to_string(fiscal_year - e->first_fiscal_year + 1);
}

std::string fiscal_year_text(int fiscal_year, YearStyle style, Lang lang) {
  if (lang == Lang::En) return "FY" + std::to_string(fiscal_year);
  const Era* e = style == YearStyle::Era ? era_of(fiscal_year) : nullptr;
  return (e ? era_year(*e, fiscal_year) : std::to_string(fiscal_year)) + "年度";
}

std::string period_text(const Period& p, YearStyle style, Lang lang) {
  if (lang == Lang::En) {
    if (p.kind == PeriodKind::CalendarYear) return p.str() + " (calendar year)";
    return p.str();
  }
  const bool era = style == YearStyle::Era;
  switch (p.kind) {
    case PeriodKind::FiscalYear:
      return fiscal_year_text(p.year, style, lang);
    case PeriodKind::CalendarYear:
      return std::to_string(p.year) + "年（暦年）";
    case PeriodKind::Month:
      return (era ? era_date_year(p.year, p.month, 1) : std::to_string(p.year)) + "年" + std::to_string(p.month) + "月";
    case PeriodKind::Date:
      return (era ? era_date_year(p.year, p.month, p.day) : std::to_string(p.year)) + "年" + std::to_string(p.month) +
             "月" + std::to_string(p.day) + "日";
  }
  return p.str();
}

std::string date_text(const Date& d, Lang lang) {
  if (lang == Lang::En) return d.str();
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string timestamp_text(int64_t unix_ms, std::string_view time_zone) {
  using namespace std::chrono;
  const sys_seconds t{duration_cast<seconds>(milliseconds(unix_ms))};
  const ::date::time_zone* zone = nullptr;
  try {
    zone = find_time_zone(time_zone);
  } catch (const std::exception&) {
    zone = nullptr;  // shown in UTC; the offset says so
  }
  seconds offset{0};
  local_seconds local{t.time_since_epoch()};
  if (zone) {
    const auto info = zone->get_info(t);
    offset = info.offset;
    local = local_seconds{t.time_since_epoch() + offset};
  }
  const auto day = floor<days>(local);
  const year_month_day ymd{::date::sys_days{day.time_since_epoch()}};
  const hh_mm_ss hms{local - day};
  const long off_min = static_cast<long>(duration_cast<minutes>(offset).count());
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld %c%02ld:%02ld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()), off_min < 0 ? '-' : '+', std::abs(off_min) / 60,
                std::abs(off_min) % 60);
  return buf;
}

std::string timestamp_text(std::string_view iso_utc, std::string_view time_zone) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  const std::string text(iso_utc);
  if (text.empty()) return text;
  const int n = std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &y, &mo, &d, &h, &mi, &s, &ms);
  if (n < 6) return text;
  using namespace std::chrono;
  const sys_days day{year{y} / month{static_cast<unsigned>(mo)} / ::std::chrono::day{static_cast<unsigned>(d)}};
  const auto t = day + hours{h} + minutes{mi} + seconds{s};
  return timestamp_text(duration_cast<milliseconds>(t.time_since_epoch()).count(), time_zone);
}

}  // namespace sosei::text
