// e-Stat time codes (時間軸事項コード, ten digits) → SDK periods: 2020000000 is the calendar year
// 2020, 2020100000 the fiscal year 2020 (年度), 2020001010 October 2020.
#pragma once

#include <sosei/sdk.h>

#include <optional>
#include <string>
#include <string_view>

namespace estat {

// nullopt for a code of another kind (quarters 2020000103, half years, spans): the plugin names it.
std::optional<sosei_period> period_of_time_code(std::string_view code);

// "2020年", "2020年度", "2020年10月", for messages.
std::string period_text(const sosei_period& p);

}  // namespace estat
