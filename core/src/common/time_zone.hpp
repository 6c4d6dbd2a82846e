// IANA time zones from the OS tzdb (Debian's tzdata), through Howard Hinnant's date library.
#pragma once

#include <date/tz.h>

#include <string_view>

namespace sosei {

// The zone named `name` ("Asia/Tokyo"); throws std::invalid_argument with what to fix when unknown.
const date::time_zone* find_time_zone(std::string_view name);

}  // namespace sosei
