// The few Japanese notations the strategy file needs, as pure functions: years ("R5", "令和7年度",
// "FY2025", "H30") and the number in a stated value ("5年間に40件" → 40, "△1305人" → -1305).
// The SDK's general parser (sosei/notation.hpp) covers observation values; this covers config only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei::config {

// "FY2025", "2025", "2025年度", "R7", "令和7年度", "令和元年", "令和七年度", "平成三十年度", "H30",
// "平成30年度", "S64" (full-width digits too) → the
// Gregorian year the (fiscal or calendar) year starts in. An era year past the era's end still maps
// (平成38年度 → 2026). Nothing else is accepted.
std::optional<int> parse_year(std::string_view text);

// The one number a stated value gives, or nothing for a status or a sentence ("未着手", "実施",
// "文部科学省教育ICT環境整備目標に到達"). Understands: thousands commas, decimals, full-width digits,
// △ ▲ − - as minus, 万 (×10,000) and 億 after the number, and a leading "N年間に" window that is not
// the value ("5年間に40件" → 40). The unit and words around the number are ignored
// ("標準化得点100以上に到達" → 100). Two numbers besides the window ("24万人(R5)") → nothing: ambiguous.
std::optional<double> parse_stated_number(std::string_view text);

// Full-width digits and signs ("１２，３４５", "－") to ASCII; everything else unchanged.
std::string to_ascii_digits(std::string_view text);

}  // namespace sosei::config
