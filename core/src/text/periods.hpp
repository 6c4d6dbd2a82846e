// Years, periods, dates and timestamps as a person reads them. Japanese: era years by default
// (R7 in a column, 令和7年度 in a sentence), `--years western` gives 2025年度 (never a bare 2025);
// English: FY2025. Timestamps are shown in the configured time zone with its offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/period.hpp"
#include "text/lang.hpp"

namespace sosei::text {

// A fiscal year in a column heading: R7 / 2025 (era / western). Fiscal years from FY2019 are 令和
// (FY2019 = R1 = 令和元年度), FY1989–2018 平成.
std::string year_label(int fiscal_year, YearStyle style);

// A fiscal year in a sentence: 令和7年度 / 2025年度 (ja), FY2025 (en).
std::string fiscal_year_text(int fiscal_year, YearStyle style, Lang lang);

// Any period in a sentence: 令和7年度, 2024年（暦年）, 令和7年4月, 令和7年4月1日 (ja, era);
// 2025年度, 2024年（暦年）, 2025年4月, 2025年4月1日 (ja, western); FY2025, 2024 (calendar year),
// 2025-04, 2025-04-01 (en).
std::string period_text(const Period& period, YearStyle style, Lang lang);

// A day: 2026年3月31日 (ja) / 2026-03-31 (en); dates stay western so they can be compared.
std::string date_text(const Date& date, Lang lang);

// A moment (Unix milliseconds) in `time_zone` with its offset: "2026-12-03 21:25:18 +09:00".
// An unknown zone falls back to UTC ("+00:00"), which the text then says.
std::string timestamp_text(int64_t unix_ms, std::string_view time_zone);
// The same for a stored ISO-8601 UTC text ("2026-12-03T12:25:18.940Z"); returned unchanged when
// it cannot be read, empty stays empty.
std::string timestamp_text(std::string_view iso_utc, std::string_view time_zone);

}  // namespace sosei::text
