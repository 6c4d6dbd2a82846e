// CronExpression::parse: cron text → one bit set per field, with errors that name the field, the
// offending text and what the field allows.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "schedule/cron_expression.hpp"

namespace sosei::schedule {
namespace {

struct Field {
  int number;        // 1-5, as in messages
  const char* name;  // "day of month"
  int min;
  int max;
  const char* const* names;  // three-letter names for min, min+1, …; nullptr when the field has none
  int name_count;
  const char* allowed;  // "0-59", "1-12 or jan-dec"
};

constexpr const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* kWeekdayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

constexpr std::array<Field, 5> kFields{{
    {1, "minute", 0, 59, nullptr, 0, "0-59"},
    {2, "hour", 0, 23, nullptr, 0, "0-23"},
    {3, "day of month", 1, 31, nullptr, 0, "1-31"},
    {4, "month", 1, 12, kMonthNames, 12, "1-12 or jan-dec"},
    {5, "day of week", 0, 7, kWeekdayNames, 7, "0-7 or sun-sat, 0 and 7 being Sunday"},
}};

struct Macro {
  const char* name;
  const char* expansion;
};
constexpr Macro kMacros[] = {
    {"@hourly", "0 * * * *"},  {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@weekly", "0 0 * * 0"},
    {"@monthly", "0 0 1 * *"}, {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"},
};

[[noreturn]] void fail(const Field& f, const std::string& message) {
  throw CronError(f.number, "field " + std::to_string(f.number) + " (" + f.name + "): " + message);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number or (month, day of week) a three-letter name, within the field's bounds.
int value_of(const Field& f, std::string_view token) {
  if (token.empty()) fail(f, "a value is missing; expected " + std::string(f.allowed));
  if (all_digits(token)) {
    // More than three digits is out of range for every field; checking the length first avoids overflow.
    const int v = token.size() > 3 ? f.max + 1 : std::stoi(std::string(token));
    if (v < f.min || v > f.max) fail(f, std::string(token) + " is outside " + f.allowed);
    return v;
  }
  const std::string name = lower(token);
  for (int i = 0; i < f.name_count; ++i)
    if (name == f.names[i]) return f.min + i;
  fail(f, "'" + std::string(token) + "' is not " + (f.names ? "a number or a name" : "a number") + "; expected " +
              f.allowed);
}

// One list item: `*`, `N`, `N-M`, each optionally `/STEP`.
void parse_item(const Field& f, std::string_view item, std::bitset<64>& bits) {
  if (item.empty()) fail(f, "empty item in a list; write items separated by single commas");
  const auto slash = split(item, '/');
  if (slash.size() > 2) fail(f, "'" + std::string(item) + "' has more than one '/'");
  const std::string_view base = slash[0];

  int first = 0, last = 0;
  if (base == "*") {
    first = f.min;
    last = f.max;
  } else {
    const auto dash = split(base, '-');
    if (dash.size() > 2) fail(f, "'" + std::string(base) + "' is not a range; write N-M");
    if (dash.size() == 2 && (dash[0] == "*" || dash[1] == "*"))
      fail(f, "'" + std::string(base) + "': '*' cannot be part of a range");
    first = value_of(f, dash[0]);
    last = dash.size() == 2 ? value_of(f, dash[1]) : first;
    if (first > last) {
      // Suggest the two ranges in the spelling used: `fri-mon` → `fri-sat,sun-mon`, `22-2` → `22-23,0-2`.
      const bool named = f.names && !all_digits(dash[0]);
      const std::string top = named ? f.names[f.name_count - 1] : std::to_string(f.max);
      const std::string bottom = named ? f.names[0] : std::to_string(f.min);
      fail(f, "range " + std::string(base) + " goes backwards (cron ranges do not wrap around); write " +
                  std::string(dash[0]) + "-" + top + "," + bottom + "-" + std::string(dash[1]));
    }
    if (slash.size() == 2 && dash.size() == 1) last = f.max;  // `5/10` = `5-59/10`
  }

  int step = 1;
  if (slash.size() == 2) {
    const std::string_view s = slash[1];
    const int widest = f.max - f.min;
    if (!all_digits(s)) fail(f, "step '" + std::string(s) + "' is not a number; expected 1-" + std::to_string(widest));
    step = s.size() > 3 ? widest + 1 : std::stoi(std::string(s));
    if (step < 1 || step > widest) fail(f, "step " + std::string(s) + " is outside 1-" + std::to_string(widest));
  }
  for (int v = first; v <= last; v += step) bits.set(static_cast<size_t>(v));
}

// A whole field (a comma list); bit i = value i.
std::bitset<64> parse_field(const Field& f, std::string_view text) {
  std::bitset<64> bits;
  for (std::string_view item : split(text, ',')) parse_item(f, item, bits);
  return bits;
}

template <size_t N>
std::bitset<N> narrow(const std::bitset<64>& bits) {
  std::bitset<N> out;
  for (size_t i = 0; i < N; ++i) out[i] = bits[i];
  return out;
}

std::vector<std::string_view> split_whitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

CronExpression CronExpression::parse(std::string_view text) {
  std::vector<std::string_view> fields = split_whitespace(text);
  if (fields.empty())
    throw CronError(0,
                    "empty cron expression; expected 5 fields (minute hour day-of-month month day-of-week) "
                    "or a macro such as @daily");

  std::string expanded;
  if (fields.size() == 1 && fields[0].front() == '@') {
    const std::string name = lower(fields[0]);
    const Macro* macro = nullptr;
    for (const Macro& m : kMacros)
      if (name == m.name) macro = &m;
    if (!macro)
      throw CronError(0, "unknown macro '" + std::string(fields[0]) +
                             "'; expected one of @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually");
    expanded = macro->expansion;
    fields = split_whitespace(expanded);
  }
  if (fields.size() != 5)
    // Six or seven fields are Quartz or Spring cron, which start with seconds (and may end with a year).
    throw CronError(
        0, "expected 5 fields (minute hour day-of-month month day-of-week), found " + std::to_string(fields.size()) +
               (fields.size() > 5 ? "; seconds and years are not part of a schedule: drop those fields" : ""));

  CronExpression e;
  e.text_ = std::string(text.substr(text.find_first_not_of(" \t\r\n")));
  e.text_.erase(e.text_.find_last_not_of(" \t\r\n") + 1);
  e.minutes_ = narrow<60>(parse_field(kFields[0], fields[0]));
  e.hours_ = narrow<24>(parse_field(kFields[1], fields[1]));
  e.days_ = narrow<32>(parse_field(kFields[2], fields[2]));
  e.months_ = narrow<13>(parse_field(kFields[3], fields[3]));
  std::bitset<64> weekdays = parse_field(kFields[4], fields[4]);
  if (weekdays[7]) weekdays.set(0);  // 7 is Sunday too
  e.weekdays_ = narrow<7>(weekdays);
  e.days_restricted_ = fields[2].front() != '*';
  e.weekdays_restricted_ = fields[4].front() != '*';

  // With the OR rule a restricted day of week matches some day of every month. Otherwise both day
  // fields must match; every (month, day) pair that exists falls on every weekday over the years, so
  // the expression can match iff some listed day exists in some listed month (February: 29).
  if (!(e.days_restricted_ && e.weekdays_restricted_)) {
    constexpr int kLongest[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool possible = false;
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= kLongest[m]; ++d) possible = possible || (e.months_[m] && e.days_[d]);
    if (!possible)
      throw CronError(0, "never matches: no month in field 4 ('" + std::string(fields[3]) +
                             "') has a day in field 3 ('" + std::string(fields[2]) + "')");
  }
  return e;
}

}  // namespace sosei::schedule
