// The store's timestamps: ISO 8601 UTC with milliseconds, e.g. 2026-11-28T11:02:03.123Z.
#pragma once

#include <string>

namespace sosei::store {

std::string utc_now_iso8601();

}  // namespace sosei::store
