// "As of" dates: which observations were published by a date. The date arithmetic itself is in
// common/date.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/date.hpp"

namespace sosei::evaluate {

// "2026-01-31", "FY2025", "2025", "R7", "令和7年度", "2025-12" → the last day of that period (a bare
// era year is a fiscal year, as in the city's tables). nullopt when unreadable; `error` gets the
// notation's reason (English, naming the text), for the caller to word the refusal.
std::optional<Date> parse_as_of(std::string_view text, std::string* error = nullptr);

}  // namespace sosei::evaluate
