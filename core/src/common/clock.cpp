// The system clock and the ISO 8601 form of an instant.
#include "common/clock.hpp"

#include <date/date.h>

namespace sosei {

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

std::string iso8601_utc(Millis t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

}  // namespace sosei
