// Which language and year notation a person reads. Japanese with era years (R7, 令和7年度) is the
// default everywhere; English and western years (2025) are chosen with --lang en / --years western or
// the configuration's `locale`. JSON output does not depend on them.
#pragma once

#include <string>

#include <optional>
#include <string_view>

namespace sosei::text {

enum class Lang { Ja, En };
enum class YearStyle { Era, Western };  // R7 or 2025

// "ja" / "en" (also "japanese", "english"; case-insensitive); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view code);
// "era" / "western"; nullopt for anything else.
std::optional<YearStyle> parse_year_style(std::string_view code);

const char* lang_code(Lang lang);  // "ja" / "en"

}  // namespace sosei::text

namespace sosei::text {

// What a reader reads in: the language, the year notation and the time zone moments are shown in
// (the city's `timezone:`; Japan's unless the configuration says otherwise).
struct Locale {
  Lang lang = Lang::Ja;
  YearStyle years = YearStyle::Era;
  std::string time_zone = "Asia/Tokyo";
};

}  // namespace sosei::text
