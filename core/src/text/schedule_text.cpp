// Cron expressions in words (schedule_text.hpp). Only the shapes a city's sources use are worded:
// one minute and one hour, then every day, some weekdays, one day (1–28) of every month or of one
// month. The rest (steps, lists of hours, a day rule with both day fields) stays the expression, which
// the reader can look up; a wrong paraphrase would be worse than none.
#include "text/schedule_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace sosei::text {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kWeekdaysJa = {"日", "月", "火", "水", "木", "金", "土"};
constexpr std::array<std::string_view, 7> kWeekdaysEn = {"Sundays",   "Mondays", "Tuesdays", "Wednesdays",
                                                         "Thursdays", "Fridays", "Saturdays"};
constexpr std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A plain number or a three-letter name (any case) within [min, max]; nothing for `*`, steps, ranges
// and lists.
template <std::size_t N>
std::optional<int> single(std::string_view field, int min, int max, const std::array<std::string_view, N>* names) {
  if (field.empty() || field.size() > 3) return std::nullopt;
  if (std::all_of(field.begin(), field.end(), [](unsigned char c) { return std::isdigit(c); })) {
    int n = 0;
    for (char c : field) n = n * 10 + (c - '0');
    if (n < min || n > max) return std::nullopt;
    return n;
  }
  if (!names) return std::nullopt;
  std::string lower;
  for (char c : field) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < names->size(); ++i)
    if ((*names)[i] == lower) return min + static_cast<int>(i);
  return std::nullopt;
}

std::optional<int> number(std::string_view field, int min, int max) { return single<1>(field, min, max, nullptr); }

// The days of a weekday field: one day, a comma list of days, or a range such as mon-fri; Sunday is
// 0 (7 is Sunday too).
std::optional<std::vector<int>> weekdays(std::string_view field) {
  std::vector<int> days;
  std::size_t start = 0;
  while (start <= field.size()) {
    const std::size_t comma = std::min(field.find(',', start), field.size());
    const std::string_view item = field.substr(start, comma - start);
    const std::size_t dash = item.find('-');
    if (dash == std::string_view::npos) {
      const auto d = single(item, 0, 7, &kWeekdayNames);
      if (!d) return std::nullopt;
      days.push_back(*d % 7);
    } else {
      const auto from = single(item.substr(0, dash), 0, 7, &kWeekdayNames);
      const auto to = single(item.substr(dash + 1), 0, 7, &kWeekdayNames);
      if (!from || !to || *from > *to) return std::nullopt;
      for (int d = *from; d <= *to; ++d) days.push_back(d % 7);
    }
    start = comma + 1;
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::string weekdays_text(const std::vector<int>& days, Lang lang) {
  const bool ja = lang == Lang::Ja;
  // Not 平日: read as without the national holidays, which cron does not skip.
  if (days == std::vector<int>{1, 2, 3, 4, 5}) return ja ? "毎週月〜金曜" : "Mondays to Fridays";
  if (days.size() == 7) return ja ? "毎日" : "daily";
  std::string out;
  // Monday first, as a Japanese (and an ISO) week is read.
  std::vector<int> ordered(days);
  std::stable_partition(ordered.begin(), ordered.end(), [](int d) { return d != 0; });
  for (int d : ordered) {
    if (!out.empty()) out += ja ? "・" : ", ";
    out += ja ? kWeekdaysJa[d] : kWeekdaysEn[d];
  }
  return ja ? "毎週" + out + "曜" : out;
}

std::vector<std::string_view> split_fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) fields.push_back(text.substr(start, i - start));
  }
  return fields;
}

std::string_view macro_expression(std::string_view macro) {
  if (macro == "@daily" || macro == "@midnight") return "0 0 * * *";
  if (macro == "@weekly") return "0 0 * * 0";
  if (macro == "@monthly") return "0 0 1 * *";
  if (macro == "@yearly" || macro == "@annually") return "0 0 1 1 *";
  return {};  // @hourly and anything else: as written
}

// "every 21600s" (an interval schedule, as the status report writes it) in the largest unit that
// divides it: 6時間ごと / every 6 h.
std::optional<std::string> interval_text(std::string_view text, Lang lang) {
  constexpr std::string_view kPrefix = "every ";
  if (!text.starts_with(kPrefix) || !text.ends_with('s')) return std::nullopt;
  const auto digits = text.substr(kPrefix.size(), text.size() - kPrefix.size() - 1);
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  long seconds = 0;
  for (char c : digits) seconds = seconds * 10 + (c - '0');
  if (seconds == 0) return std::nullopt;
  struct Unit {
    long seconds;
    const char* ja;
    const char* en;
  };
  constexpr Unit kUnits[] = {{86400, "日", "day"}, {3600, "時間", "h"}, {60, "分", "min"}, {1, "秒", "s"}};
  for (const auto& u : kUnits)
    if (seconds % u.seconds == 0) {
      const long n = seconds / u.seconds;
      if (lang == Lang::Ja) return fmt::format("{}{}ごと", n, u.ja);
      return fmt::format("every {} {}{}", n, u.en, u.seconds == 86400 && n > 1 ? "s" : "");
    }
  return std::nullopt;
}

}  // namespace

std::string schedule_text(std::string_view cron, Lang lang) {
  std::string written(cron);  // not const: returned by move
  if (auto interval = interval_text(cron, lang)) return *interval;
  std::string_view expression = cron;
  if (!cron.empty() && cron.front() == '@') {
    expression = macro_expression(cron);
    if (expression.empty()) return written;
  }
  const auto fields = split_fields(expression);
  if (fields.size() != 5) return written;
  const auto minute = number(fields[0], 0, 59);
  const auto hour = number(fields[1], 0, 23);
  if (!minute || !hour) return written;
  const bool ja = lang == Lang::Ja;
  const std::string time = ja ? fmt::format("{}:{:02}", *hour, *minute) : fmt::format("{:02}:{:02}", *hour, *minute);
  const bool any_day = fields[2] == "*";
  const bool any_month = fields[3] == "*";
  const bool any_weekday = fields[4] == "*";
  if (any_day && any_month && any_weekday) return ja ? "毎日 " + time : "daily " + time;
  if (any_day && any_month) {
    const auto days = weekdays(fields[4]);
    if (!days) return written;
    return weekdays_text(*days, lang) + " " + time;
  }
  if (!any_weekday) return written;  // both day fields, or a weekday in some months: as written
  // Days 29–31 are skipped in the months without them (cron does not move them to the month's end):
  // 毎月31日 would promise twelve runs where there are seven.
  const auto day = number(fields[2], 1, 28);
  if (!day) return written;
  if (any_month) return ja ? fmt::format("毎月{}日 {}", *day, time) : fmt::format("monthly, day {}, {}", *day, time);
  const auto month = single(fields[3], 1, 12, &kMonthNames);
  if (!month) return written;
  return ja ? fmt::format("毎年{}月{}日 {}", *month, *day, time)
            : fmt::format("yearly, {} {}, {}", *day, kMonthsEn[*month - 1], time);
}

}  // namespace sosei::text
