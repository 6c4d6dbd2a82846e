// What a person reads above and in a drill-down table: the names a plugin declares for its series,
// dimensions and coded values (common/display_names.hpp) in the report's language, and the caption
// built from them: 「観光入込客数（月別・観光地点別）」, "Visitors by month and spot".
#pragma once

#include <string>
#include <vector>

#include "common/display_names.hpp"
#include "common/period.hpp"
#include "text/lang.hpp"

namespace sosei::report {

// The name in `lang`, else in the other language, else `fallback` (the raw key).
std::string display_name(const DisplayName* name, text::Lang lang, const std::string& fallback);

// `series` by its period (the finest period kind of its observations) and by each dimension:
// ja 「観光入込客数（月別・観光地点別）」, en "Visitors by month and spot".
std::string drilldown_caption(const std::string& series, PeriodKind period,
                              const std::vector<std::string>& dimension_names, text::Lang lang);

// The unit after a caption: ja 「（単位：人）」, en " (unit: 人)"; "" without a unit.
std::string unit_note(const std::string& unit, text::Lang lang);

}  // namespace sosei::report
