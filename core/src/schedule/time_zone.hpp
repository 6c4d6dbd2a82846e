// Time zones by IANA name from the OS time-zone database (/usr/share/zoneinfo, Debian's tzdata),
// read by Howard Hinnant's date library built with USE_OS_TZDB: nothing is downloaded.
#pragma once

#include <date/tz.h>

#include <string_view>

namespace sosei::schedule {

// The zone named `name` ("Asia/Tokyo"). Throws std::invalid_argument naming the zone and the fix.
// Limitation of date 3.0.1 with the OS database: daylight-saving rules past the last transition
// stored in the zone file (2037) are not extended; zones without DST (Asia/Tokyo) are unaffected.
const date::time_zone* find_time_zone(std::string_view name);

}  // namespace sosei::schedule
