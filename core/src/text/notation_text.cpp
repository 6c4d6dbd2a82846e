// The SDK's notation reasons in Japanese (notation_text.hpp). Each reason of sosei/notation.hpp has
// its line here; tests/text/notation_text_test.cpp makes the SDK refuse every one of them and checks
// that none is left in English.
#include "text/notation_text.hpp"

#include <array>
#include <optional>
#include <regex>
#include <utility>

namespace sosei::text {
namespace {

constexpr std::string_view kNumber = "\" is not a number: ";
constexpr std::string_view kPeriod = "\" is not a period: ";

// Reasons without figures of their own, word for word.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kFixed{{
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
    {"an Excel error value: correct the formula in the workbook, then export the table again",
     "Excel の計算エラーの値です。ブックの式を直してから、表をもう一度書き出してください"},
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
    {"expected one year in brackets naming the same year, as in 2019(令和元)年度",
     "括弧の中には、外と同じ年を別の書き方で 1 つだけ書いてください（2019(令和元)年度）"},
    {"the year in brackets is not the same year as the one outside them", "括弧の中の年が外の年と違います"},
}};

// Reasons with figures or a name in them: a pattern and its Japanese with $1, $2 … in place. The
// patterns match the start of what follows the refusal and leave the rest to the caller: a plugin may
// write more after the reason (disaster_coverage closes its own "（", another adds " (row 4)").
struct Shaped {
  std::regex pattern;
  const char* japanese;
};
// Compiled once: a run may reject thousands of rows.
const std::array<Shaped, 10>& shaped() {
  static const std::array<Shaped, 10> kShaped{{
      // The units are words joined by single spaces; a plugin's own words after them begin with
      // punctuation (" (row 4)", "）", "; b.csv: …"), which no unit has. （ and ） are spelled out of
      // the brackets: std::regex reads bytes, and a bracket would refuse each of their bytes (％'s too).
      {std::regex(
           R"re("(.*?)" is not a known unit: expected a number with an optional 万/千/億 multiplier and one of the units ((?:(?!（|）)[^\s;:,.()"])+(?: (?:(?!（|）)[^\s;:,.()"])+)*))re"),
       "「$1」は使える単位ではありません。使える単位: $2"},
      // The SDK writes the prefix again before 2025 (FY → FY2025).
      {std::regex(R"re(expected a 4-digit year and nothing else after ([^\s,]+), as in (?:\1)2025)re"),
       "$1 の後には 4 桁の年だけを書いてください"},
      {std::regex(R"re(expected a month such as 4月 or 四月 after 年)re"),
       "年の後に 4月 や 四月 のように月を書いてください"},
      {std::regex(R"re(expected a day such as 1日 or 一日 and nothing else after 月)re"),
       "月の後には 1日 や 一日 のように日だけを書いてください"},
      {std::regex(R"re(expected a 1- or 2-digit month after the year, as in 2025-04)re"),
       "年の後に 1～2 桁の月を書いてください（2025-04）"},
      {std::regex(R"re(expected the same separator between month and day, as in 2025-04-01)re"),
       "月と日の間には、年と月の間と同じ区切りを使ってください（2025-04-01）"},
      {std::regex(R"re(expected a 1- or 2-digit day and nothing else \(or a time such as 0:00\), as in 2025-04-01)re"),
       "1～2 桁の日を書き、その後には何も書かないか 0:00 のような時刻だけを書いてください（2025-04-01）"},
      {std::regex(R"re(year (-?\d+) is outside 1900–2200)re"), "$1 年は 1900～2200 年の範囲の外です"},
      {std::regex(R"re(month (-?\d+) is not between 1 and 12)re"), "$1 月はありません（1～12 月）"},
      {std::regex(R"re(day (-?\d+) does not exist in (\d+)-(\d+), which has (\d+) days)re"),
       "$2 年 $3 月に $1 日はありません（$4 日まで）"},
  }};
  return kShaped;
}

// The SDK's reasons are short; what follows them may be long (a plugin quoting a cut-off row), and
// libstdc++'s regex recurses per character: the patterns see this much of it and no more.
constexpr std::size_t kLongestReason = 512;

// A reason the SDK wrote and its Japanese, and how much of the text it took.
struct Reason {
  std::string japanese;
  std::size_t size;
};

// ASCII only: the bytes of a UTF-8 character are neither letters nor punctuation here.
bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A reason ends where a word ends: "unknown unit" is not the start of "unknown units".
bool ends_a_word(std::string_view text, std::size_t end) { return end >= text.size() || !ascii_alnum(text[end]); }

// The SDK's reason at the start of `text` (what follows "is not a number: "), or nullopt when it is
// none this file knows.
std::optional<Reason> reason_in_japanese(std::string_view text) {
  for (const auto& [english, japanese] : kFixed)
    if (text.starts_with(english) && ends_a_word(text, english.size()))
      return Reason{std::string(japanese), english.size()};
  const std::string head(text.substr(0, kLongestReason));
  for (const Shaped& s : shaped())
    if (std::smatch m; std::regex_search(head, m, s.pattern, std::regex_constants::match_continuous) &&
                       ends_a_word(text, static_cast<std::size_t>(m.length(0))))
      return Reason{m.format(s.japanese), static_cast<std::size_t>(m.length(0))};
  return std::nullopt;
}

// Whether the quote at `q` begins a word: the message's start, a space or ASCII punctuation before
// it (": ", "(", "=", ","). A quote after a letter, a digit, another quote or a non-ASCII byte is
// inside the value (12"5, ""a" b", １２"５).
bool begins_a_token(std::string_view message, std::size_t q) {
  if (q == 0) return true;
  const char c = message[q - 1];
  if (c == ' ' || c == '\t') return true;
  return c > ' ' && c < 0x7f && c != '"' && !ascii_alnum(c);
}

// The quote the SDK opened the value with, for the one that closes it at `close`, searched from
// `from`. The value is quoted as it was read, so it may hold quotes itself (12"5, "a" b), and the
// plugin's prefix may quote a name of its own (rides.csv: "人数" row 4 "abc"): the opening quote is the
// nearest one that begins a word — else the nearest quote.
std::size_t opening_quote(std::string_view message, std::size_t from, std::size_t close) {
  std::size_t nearest = std::string_view::npos;
  for (std::size_t q = close; q-- > from;) {
    if (message[q] != '"') continue;
    if (begins_a_token(message, q)) return q;
    if (nearest == std::string_view::npos) nearest = q;
  }
  return nearest;
}

}  // namespace

// Every refusal in the message, from the first: a plugin may join several (a: …; b: …), and the host
// words a message twice (worker, then parent), which must change nothing the second time. A reason
// this file does not know runs to the end of the message, refusals in it worded too, and the
// sentence around it is closed there.
std::string notation_text(std::string_view message, Lang lang) {
  if (lang == Lang::En) return std::string(message);
  std::string out;
  std::size_t copied = 0;
  std::size_t unclosed = 0;
  for (std::size_t from = 0;;) {
    std::size_t at = message.find(kNumber, from);
    bool number = true;
    if (const std::size_t period = message.find(kPeriod, from); period < at) {
      at = period;
      number = false;
    }
    if (at == std::string_view::npos) break;
    const std::size_t reason = at + (number ? kNumber : kPeriod).size();
    from = reason;
    const std::size_t open = opening_quote(message, copied, at);
    if (open == std::string_view::npos) continue;
    out.append(message.substr(copied, open - copied))
        .append("「")
        .append(message.substr(open + 1, at - open - 1))
        .append("」は")
        .append(number ? "数値" : "期間")
        .append("として読めません（");
    if (const auto known = reason_in_japanese(message.substr(reason))) {
      out.append(known->japanese).append("）");
      from = reason + known->size;
    } else {
      ++unclosed;
    }
    copied = from;
  }
  out.append(message.substr(copied));
  for (; unclosed > 0; --unclosed) out.append("）");
  return out;
}

}  // namespace sosei::text
