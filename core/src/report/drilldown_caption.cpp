// Drill-down captions and display names in the report's language (drilldown_caption.hpp).
#include "report/drilldown_caption.hpp"

#include <cctype>

namespace sosei::report {
namespace {

const char* period_word(PeriodKind kind, text::Lang lang) {
  const bool ja = lang == text::Lang::Ja;
  switch (kind) {
    case PeriodKind::Date:
      return ja ? "日別" : "day";
    case PeriodKind::Month:
      return ja ? "月別" : "month";
    case PeriodKind::CalendarYear:
      return ja ? "年別" : "year";
    case PeriodKind::FiscalYear:
      break;
  }
  return ja ? "年度別" : "fiscal year";
}

// "Spot" → "spot" inside an English sentence; an acronym ("GTFS route") keeps its capitals.
std::string in_sentence(const std::string& name) {
  if (name.size() >= 2 && std::isupper(static_cast<unsigned char>(name[0])) &&
      std::islower(static_cast<unsigned char>(name[1])))
    return static_cast<char>(std::tolower(static_cast<unsigned char>(name[0]))) + name.substr(1);
  return name;
}

}  // namespace

std::string display_name(const DisplayName* name, text::Lang lang, const std::string& fallback) {
  if (!name) return fallback;
  const std::string& first = lang == text::Lang::En ? name->en : name->ja;
  const std::string& second = lang == text::Lang::En ? name->ja : name->en;
  return !first.empty() ? first : !second.empty() ? second : fallback;
}

std::string drilldown_caption(const std::string& series, PeriodKind period,
                              const std::vector<std::string>& dimension_names, text::Lang lang) {
  if (lang == text::Lang::Ja) {
    std::string parts = period_word(period, lang);
    for (const auto& d : dimension_names) parts += "・" + d + "別";
    return series + "（" + parts + "）";
  }
  std::vector<std::string> parts{period_word(period, lang)};
  for (const auto& d : dimension_names) parts.push_back(in_sentence(d));
  std::string by;
  for (std::size_t i = 0; i < parts.size(); ++i)
    by += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return series + " by " + by;
}

std::string unit_note(const std::string& unit, text::Lang lang) {
  if (unit.empty()) return "";
  return lang == text::Lang::Ja ? "（単位：" + unit + "）" : " (unit: " + unit + ")";
}

}  // namespace sosei::report
