// The data-quality flags' codes as a person reads them. A flag keeps its rule as a code ("max_change")
// and its detail in one stable, English-shaped form ("previous 42, 10×"): both go into the audit
// trail, which never changes, and into JSON, whose values scripts compare. People read them here, in
// their language, in `sosei flags`, `sosei audit` and the import's findings.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// A rule's code for people: "max_change" → 前期比の変化幅 / change against the previous period.
// An unknown code (a newer sosei's rule) is returned as it is.
std::string rule_text(std::string_view code, Lang lang);

// A flag's stored detail for people, its numbers with thousands separators:
//   "previous 199000"            → 前回 199,000                 / previous 199,000
//   "previous 42, 1000×"         → 前回 42、1,000×               / previous 42, 1,000×
//   "median 12, MAD 3"           → 中央値 12、中央絶対偏差 3      / median 12, MAD 3
//   "at most households 5000"    → households（5,000）以下のはず / at most households (5,000)
//   "route 2 was there in 2023, not in 2024" → 前年（2023）にあった route 2 が 2024 にない
//                                                   / (as stored)
//   "3 of 12 months"             → 12か月中 3か月                / 3 of 12 months
// Any other text (a plugin's own, an older sosei's) is returned as it is: never lost, never guessed.
std::string flag_detail_text(std::string_view detail, Lang lang);

// An audit event's action code for people: "value.revise" → 値の改訂 / value revised. Unknown codes
// are returned as they are.
std::string audit_action_text(std::string_view code, Lang lang);

// An audit event's before/after text for people: the approval states and a flag's states in words,
// a raised flag's "rule level value" ("range warning 6000") with its rule and level in words, a
// token's "token 3 住宅課 (department)" as トークン 3 住宅課（担当課）; any other text (a value, a
// comment) as it is.
std::string audit_value_text(std::string_view action, std::string_view text, Lang lang);

// An audit event's reason for people: a comment's kind ("why") as its label (要因分析), a raised
// flag's detail in words (flag_detail_text); any other reason, which a person wrote, as it is.
std::string audit_reason_text(std::string_view action, std::string_view reason, Lang lang);

// Who acted, as stored ("token 3" for a token, an OS user's name, a source): a token in words
// (トークン 3); anything else as it is.
std::string actor_text(std::string_view name, Lang lang);

}  // namespace sosei::text
