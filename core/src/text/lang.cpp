// Reading the language and year-style codes of the command line, the configuration and ?lang=.
#include "text/lang.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace sosei::text {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view code) {
  const std::string c = lower(code);
  if (c == "ja" || c == "japanese" || c == "ja_jp" || c == "ja-jp") return Lang::Ja;
  if (c == "en" || c == "english" || c == "en_us" || c == "en-us" || c == "en_gb" || c == "en-gb") return Lang::En;
  return std::nullopt;
}

std::optional<YearStyle> parse_year_style(std::string_view code) {
  const std::string c = lower(code);
  if (c == "era" || c == "wareki" || c == "和暦") return YearStyle::Era;
  if (c == "western" || c == "seireki" || c == "西暦") return YearStyle::Western;
  return std::nullopt;
}

const char* lang_code(Lang lang) { return lang == Lang::En ? "en" : "ja"; }

}  // namespace sosei::text
