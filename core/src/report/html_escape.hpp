// Escaping every text from data before it enters the HTML report (element text and attribute
// values alike), so a KPI name or note can never become markup or script.
#pragma once

#include <string>
#include <string_view>

namespace sosei::report {

// & < > " ' → entities. Safe in element content and in quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace sosei::report
