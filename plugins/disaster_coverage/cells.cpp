// Cell readers for the households register and the organization roster.
#include "cells.hpp"

#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <cstdio>

namespace disaster_coverage {
namespace {

// 、 ， , ・ ･ ; ； and the spaces.
constexpr std::array<std::string_view, 11> kCodeSeparators{
    "\xE3\x80\x81", "\xEF\xBC\x8C", ",", "\xE3\x83\xBB", "\xEF\xBD\xA5", ";", "\xEF\xBC\x9B", " ",
    "\t",           "\xE3\x80\x80", "\n"};

std::size_t separator_at(std::string_view s) {
  for (auto sep : kCodeSeparators)
    if (s.starts_with(sep)) return sep.size();
  return 0;
}

bool all_ascii_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Days since 1970-01-01 → civil date (proleptic Gregorian), after H. Hinnant's civil_from_days.
Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(d)};
}

}  // namespace

std::string Date::str() const {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                static_cast<int>(day));
  return text;
}

std::string district_key(std::string_view code) {
  std::string key = sosei::fold_full_width(trim(code));
  if (all_ascii_digits(key)) {
    const std::size_t first = key.find_first_not_of('0');
    key = first == std::string::npos ? "0" : key.substr(first);
  }
  return key;
}

std::vector<std::string_view> split_codes(std::string_view cell) {
  std::vector<std::string_view> codes;
  std::size_t start = 0, i = 0;
  while (i < cell.size()) {
    if (std::size_t n = separator_at(cell.substr(i))) {
      if (i > start) codes.push_back(cell.substr(start, i - start));
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  if (i > start) codes.push_back(cell.substr(start, i - start));
  return codes;
}

std::optional<Date> parse_date(std::string_view text, std::string* error) {
  const std::string_view s = trim(text);
  // An XLSX date cell is a serial day number (1900 date system); five digits cover 1927–2173.
  if (s.size() == 5 && all_ascii_digits(s)) {
    const int64_t serial = std::stoll(std::string(s));
    return civil_from_days(serial - 25569);  // serial 25569 = 1970-01-01
  }
  std::string why;
  auto period = sosei::parse_period(s, SOSEI_PERIOD_FISCAL_YEAR, &why);
  if (period && period->kind == SOSEI_PERIOD_DATE) return Date{period->year, period->month, period->day};
  if (error) {
    if (!period)
      *error = why;
    else
      *error = "「" + std::string(s) +
               "」には日がありません。日まで書いてください（例: 2019-05-01、"
               "令和元年5月1日、R1.5.1）";
  }
  return std::nullopt;
}

std::optional<Date> parse_month_day(std::string_view text) {
  // Prefixed with a leap year, every month-day (02-29 too) goes through parse_period's checks.
  std::string normalized = "2000-";
  const std::string_view s = trim(text);
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i).starts_with("\xE6\x9C\x88")) {  // 月
      normalized += '-';
      i += 3;
    } else if (s.substr(i).starts_with("\xE6\x97\xA5")) {  // 日
      i += 3;
    } else {
      normalized += s[i] == '/' ? '-' : s[i];
      ++i;
    }
  }
  auto period = sosei::parse_period(normalized, SOSEI_PERIOD_FISCAL_YEAR);
  if (!period || period->kind != SOSEI_PERIOD_DATE) return std::nullopt;
  return Date{0, period->month, period->day};
}

Date in_fiscal_year(const Date& month_day, int32_t fy) {
  Date d{month_day.month >= 4 ? fy : fy + 1, month_day.month, month_day.day};
  // 02-29 in a year without it: the last day of that February.
  if (d.month == 2 && d.day == 29 && !sosei::is_leap_year(d.year)) d.day = 28;
  return d;
}

std::size_t require_column(const sosei::ColumnFinder& header, std::initializer_list<std::string_view> aliases,
                           const std::string& file, uint64_t line, std::string_view what_for) {
  if (auto index = header.find(aliases)) return *index;
  std::string accepted, present;
  for (auto alias : aliases) accepted.append(accepted.empty() ? "「" : "、「").append(alias).append("」");
  bool markup = false;
  for (std::size_t i = 0; i < header.size(); ++i) {
    present.append(present.empty() ? "「" : "、「").append(header.name(i)).append("」");
    markup = markup || header.name(i).starts_with("<");
  }
  // A login or error page served with status 200 is the usual way a URL goes wrong.
  const std::string hint = markup ? "。表ではなく HTML のページのようです。URL が正しいか、サイトがログインを"
                                    "求めるようになっていないか確かめてください"
                                  : "";
  throw sosei::PluginError(SOSEI_ERR_INPUT, file + ":" + std::to_string(line) + ": " + std::string(what_for) +
                                                "の列がありません。見出しを" + accepted + "のいずれかにしてください（" +
                                                (present.empty() ? "見出しの行が空です" : "いまの見出し: " + present) +
                                                "）" + hint);
}

std::optional<std::size_t> find_column(const sosei::ColumnFinder& header, const std::string& chosen,
                                       std::initializer_list<std::string_view> aliases, const std::string& file,
                                       uint64_t line, std::string_view setting) {
  if (chosen.empty()) return header.find(aliases);
  if (auto index = header.find({chosen})) return index;
  std::string present;
  for (std::size_t i = 0; i < header.size(); ++i)
    present.append(present.empty() ? "「" : "、「").append(header.name(i)).append("」");
  throw sosei::PluginError(SOSEI_ERR_INPUT,
                           file + ":" + std::to_string(line) + ": 設定 '" + std::string(setting) + "' の列「" + chosen +
                               "」が見出しにありません。設定を見出しの列名に合わせてください（" +
                               (present.empty() ? "見出しの行が空です" : "いまの見出し: " + present) + "）");
}

std::size_t require_column(const sosei::ColumnFinder& header, const std::string& chosen,
                           std::initializer_list<std::string_view> aliases, const std::string& file, uint64_t line,
                           std::string_view what_for, std::string_view setting) {
  if (auto index = find_column(header, chosen, aliases, file, line, setting)) return *index;
  return require_column(header, aliases, file, line, what_for);
}

}  // namespace disaster_coverage
