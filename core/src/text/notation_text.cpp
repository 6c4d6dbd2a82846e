// The SDK's notation reasons in Japanese (notation_text.hpp). Each reason of sosei/notation.hpp has
// its line here; tests/text/notation_text_test.cpp makes the SDK refuse every one of them and checks
// that none is left in English.
#include "text/notation_text.hpp"

#include <array>
#include <regex>
#include <utility>

namespace sosei::text {
namespace {

constexpr std::string_view kNumber = "\" is not a number: ";
constexpr std::string_view kPeriod = "\" is not a period: ";

// Reasons without figures of their own, word for word.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kFixed{{
    {"expected digits with an optional 万/千/億 multiplier and unit (1,234人, ▲5.1, 19.9万人), or a status (—, 未実施, "
     "未着手, 実施中, 実施)",
     "数字（万・千・億と単位を付けてよい: "
     "1,234人、▲5.1、19.9万人）か、状況（—、未実施、未着手、実施中、実施）を書いてください"},
    {"commas must separate groups of three digits before the decimal point (1,234,567.8)",
     "桁区切りのカンマは小数点より前の 3 桁ごとに付けてください（1,234,567.8）"},
    {"expected one decimal point with digits on both sides (1234.5)",
     "小数点は 1 つだけ、前後に数字を書いてください（1234.5）"},
    {"longer than 62 digits: expected a figure, not a code", "62 桁を超えています。コードではなく数値を書いてください"},
    {"unknown unit", "使える単位ではありません"},
    {"the figure is out of range", "数値が大きすぎます"},
    {"expected a year (2025, FY2025, 2025年度, 2025年, R7, 令和7年度), a month (2025-04, 2025年4月, R7.4) or a date "
     "(2025-04-01, 20250401, 令和7年4月1日, R7.4.1)",
     "年（2025、FY2025、2025年度、2025年、R7、令和7年度）、月（2025-04、2025年4月、R7.4）または日付（2025-04-"
     "01、20250401、"
     "令和7年4月1日、R7.4.1）を書いてください"},
    {"expected the era year (1 or 2 digits, kanji such as 七 or 三十, or 元) after the era name, as in 令和7年度, "
     "令和七年度 "
     "or R7",
     "元号の後に年（1～2 桁の数字、七・三十などの漢数字、または元）を書いてください（令和7年度、令和七年度、R7）"},
    {"era year 0 does not exist: the first year is 元 (1)", "元号の 0 年はありません。最初の年は元年（1）です"},
    {"expected nothing after 年度 (a fiscal year has no month)",
     "年度の後には何も書かないでください（年度に月はありません）"},
    {"expected 年度, 年, a month (-04, /4, .4) or nothing after the year",
     "年の後には 年度、年、月（-04、/4、.4）を書くか、何も書かないでください"},
    {"longer than 64 bytes: expected a year, month or date", "64 バイトを超えています。年・月・日付を書いてください"},
}};

// Reasons with figures or a name in them: a pattern and its Japanese with $1, $2 … in place.
struct Shaped {
  std::regex pattern;
  const char* japanese;
};
// Compiled once: a run may reject thousands of rows.
const std::array<Shaped, 9>& shaped() {
  static const std::array<Shaped, 9> kShaped{{
      {std::regex(
           R"re(^"(.*)" is not a known unit: expected a number with an optional 万/千/億 multiplier and one of the units (.*)$)re"),
       "「$1」は使える単位ではありません。使える単位: $2"},
      {std::regex(R"re(^expected a 4-digit year and nothing else after (\S+), as in \S+$)re"),
       "$1 の後には 4 桁の年だけを書いてください"},
      {std::regex(R"re(^expected a month such as 4月 or 四月 after 年$)re"),
       "年の後に 4月 や 四月 のように月を書いてください"},
      {std::regex(R"re(^expected a day such as 1日 or 一日 and nothing else after 月$)re"),
       "月の後には 1日 や 一日 のように日だけを書いてください"},
      {std::regex(R"re(^expected a 1- or 2-digit month after the year, as in 2025-04$)re"),
       "年の後に 1～2 桁の月を書いてください（2025-04）"},
      {std::regex(R"re(^expected the same separator between month and day, as in 2025-04-01$)re"),
       "月と日の間には、年と月の間と同じ区切りを使ってください（2025-04-01）"},
      {std::regex(R"re(^expected a 1- or 2-digit day and nothing else, as in 2025-04-01$)re"),
       "1～2 桁の日だけを書いてください（2025-04-01）"},
      {std::regex(R"re(^year (-?\d+) is outside 1900–2200$)re"), "$1 年は 1900～2200 年の範囲の外です"},
      {std::regex(R"re(^month (-?\d+) is not between 1 and 12$)re"), "$1 月はありません（1～12 月）"},
  }};
  return kShaped;
}

// The SDK's reasons are short; a longer one quotes what the plugin read (a cut-off row), which the
// patterns would scan for nothing (and libstdc++'s regex recurses per character): kept as it is.
constexpr std::size_t kLongestReason = 512;

std::string reason_in_japanese(std::string_view reason) {
  for (const auto& [english, japanese] : kFixed)
    if (reason == english) return std::string(japanese);
  if (reason.size() > kLongestReason) return std::string(reason);
  const std::string r(reason);
  static const std::regex kDay(R"re(^day (-?\d+) does not exist in (\d+)-(\d+), which has (\d+) days$)re");
  if (std::smatch m; std::regex_match(r, m, kDay))
    return m[2].str() + " 年 " + m[3].str() + " 月に " + m[1].str() + " 日はありません（" + m[4].str() + " 日まで）";
  for (const Shaped& s : shaped())
    if (std::regex_search(r, s.pattern)) return std::regex_replace(r, s.pattern, s.japanese);
  return r;
}

// The quote the SDK opened the value with, for the one that closes it at `close`. The value is
// quoted as it was read, so it may hold quotes itself (12"5, "a"): the opening quote is the last one
// that begins the message or follows the plugin's "column 値: " — else, the last quote before.
std::size_t opening_quote(std::string_view message, std::size_t close) {
  for (std::size_t q = close; q-- > 0;) {
    if (message[q] != '"') continue;
    if (q == 0 || message.substr(0, q).ends_with(": ")) return q;
  }
  return close == 0 ? std::string_view::npos : message.rfind('"', close - 1);
}

}  // namespace

std::string notation_text(std::string_view message, Lang lang) {
  if (lang == Lang::En) return std::string(message);
  std::size_t at = message.find(kNumber);
  bool number = true;
  if (const std::size_t period = message.find(kPeriod); period < at) {
    at = period;
    number = false;
  }
  if (at == std::string_view::npos) return std::string(message);
  const std::size_t open = opening_quote(message, at);
  if (open == std::string_view::npos || open == at) return std::string(message);
  const std::string_view prefix = message.substr(0, open);
  const std::string_view quoted = message.substr(open + 1, at - open - 1);
  const std::string_view reason = message.substr(at + (number ? kNumber : kPeriod).size());
  return std::string(prefix) + "「" + std::string(quoted) + "」は" + (number ? "数値" : "期間") + "として読めません（" +
         reason_in_japanese(reason) + "）";
}

}  // namespace sosei::text
