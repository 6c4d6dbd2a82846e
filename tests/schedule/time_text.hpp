// Test helper: instants written as text ("2025-03-09 07:00" in UTC) and shown in a zone
// ("2025-03-09 03:00 EDT"), so schedule expectations read like a calendar.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "common/time_zone.hpp"

namespace sosei::schedule::testing {

// "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", read as UTC.
inline std::chrono::sys_seconds utc(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const int n = std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s);
  if (n < 5) throw std::invalid_argument("bad test time '" + text + "'");
  return date::sys_days{date::year{y} / mo / d} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

// "YYYY-MM-DD HH:MM" read as local time in `zone` (must exist and be unambiguous there).
inline std::chrono::sys_seconds local(const std::string& text, const date::time_zone* zone) {
  return zone->to_sys(date::local_seconds{utc(text).time_since_epoch()});
}

// "2025-03-09 03:00 EDT"; seconds are shown only when not zero.
inline std::string shown(std::chrono::sys_seconds t, const date::time_zone* zone) {
  const auto zoned = date::make_zoned(zone, t);
  const bool whole_minute = t.time_since_epoch().count() % 60 == 0;
  return date::format(whole_minute ? "%F %R %Z" : "%F %T %Z", zoned);
}

inline std::string shown_utc(std::chrono::sys_seconds t) { return shown(t, find_time_zone("UTC")); }

}  // namespace sosei::schedule::testing
