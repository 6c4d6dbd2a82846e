// Zone lookup with a message that says what to fix.
#include "common/time_zone.hpp"

#include <stdexcept>
#include <string>

namespace sosei {

const date::time_zone* find_time_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    throw std::invalid_argument("unknown time zone '" + std::string(name) +
                                "': it is not in the time-zone database in /usr/share/zoneinfo (" + e.what() +
                                "); use an IANA name such as Asia/Tokyo, and check that the tzdata package is "
                                "installed");
  }
}

}  // namespace sosei
