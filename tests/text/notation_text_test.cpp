// The SDK's notation refusals in Japanese (text/notation_text.hpp): the SDK itself refuses each kind of
// text it cannot read, and none of its reasons may reach a Japanese reader in English.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "sosei/notation.hpp"
#include "text/notation_text.hpp"

namespace sosei::text {
namespace {

std::string number_refusal(std::string_view text) {
  std::string error;
  EXPECT_FALSE(sosei::parse_value(text, &error)) << text;
  return error;
}

std::string unit_refusal(std::string_view text) {
  std::string error;
  const std::vector<std::string_view> units{"人"};
  EXPECT_FALSE(sosei::parse_value(text, units, &error)) << text;
  return error;
}

std::string period_refusal(std::string_view text) {
  std::string error;
  EXPECT_FALSE(sosei::parse_period(text, SOSEI_PERIOD_FISCAL_YEAR, &error)) << text;
  return error;
}

void expect_japanese(const std::string& english) {
  SCOPED_TRACE(english);
  ASSERT_FALSE(english.empty());
  const std::string ja = notation_text("data.csv:7: " + english, Lang::Ja);
  EXPECT_EQ(ja.rfind("data.csv:7: 「", 0), 0u) << ja;
  EXPECT_NE(ja.find("として読めません（"), std::string::npos) << ja;
  for (const char* word : {"expected", " is not", "does not", "outside", "longer", "between", "unit", "figure"})
    EXPECT_EQ(ja.find(word), std::string::npos) << word << " in " << ja;
  EXPECT_EQ(notation_text(english, Lang::En), english);
}

TEST(NotationText, EveryNumberRefusalOfTheSdkReadsInJapanese) {
  for (const char* text :
       {"abc", "1,23", "1.2.3", "#N/A", "#DIV/0!", "12345678901234567890123456789012345678901234567890123456789012345"})
    expect_japanese(number_refusal(text));
  expect_japanese(unit_refusal("5ドル"));
  EXPECT_EQ(notation_text(number_refusal("abc"), Lang::Ja),
            "「abc」は数値として読めません（数字（万・千・億と単位を付けてよい: "
            "1,234人、▲5.1、19.9万人）か、状況（—、未実施、未着手、"
            "実施中、実施）を書いてください）");
}

TEST(NotationText, EveryPeriodRefusalOfTheSdkReadsInJapanese) {
  for (const char* text :
       {"bogus", "令和x年度", "令和0年度", "FY25", "2025年度4月", "2025x", "2025年x", "2025年4月x", "2025-x",
        "2025-04/01", "2025-04-0x", "1800年度", "2025-13", "2025-02-30", "2019(令和元年度", "2019(平成30)年度",
        "2025-04-01 25:00", "2025-04-01 and a great deal more text after the date, past sixty-four bytes"})
    expect_japanese(period_refusal(text));
  EXPECT_EQ(notation_text(period_refusal("2025-02-30"), Lang::Ja),
            "「2025-02-30」は期間として読めません（2025 年 2 月に 30 日はありません（28 日まで））");
}

// A plugin may quote a whole cut-off row as the value: the head is worded, the long reason is left
// to the bound on stored texts (never scanned by the patterns).
TEST(NotationText, AValueOfAHundredKilobytesIsWordedWithoutScanningIt) {
  const std::string value = "1" + std::string(100000, 'x');
  const std::string ja = notation_text(unit_refusal(value), Lang::Ja);
  EXPECT_EQ(ja.rfind("「1xxx", 0), 0u);
  EXPECT_NE(ja.find("」は数値として読めません（"), std::string::npos);
}

// A value with quotes in it (an inch mark, a quoted word) is quoted whole, after the plugin's prefix.
TEST(NotationText, AValueWithQuotesInItIsQuotedWhole) {
  EXPECT_EQ(
      notation_text("column 値: " + number_refusal("12\"5"), Lang::Ja).rfind("column 値: 「12\"5」は数値として", 0),
      0u);
  EXPECT_EQ(notation_text(number_refusal("\"a\" b"), Lang::Ja).rfind("「\"a\" b」は数値として読めません（", 0), 0u);
  expect_japanese(number_refusal("x\"y"));
}

// A plugin's prefix may quote a name of its own before the value: the value's quote is the one that
// begins a word nearest the refusal, not the first quote of the message.
TEST(NotationText, APluginPrefixThatQuotesANameIsNotTakenForTheValue) {
  EXPECT_EQ(notation_text("rides.csv: \"人数\" row 4 " + number_refusal("abc"), Lang::Ja)
                .rfind("rides.csv: \"人数\" row 4 「abc」は数値として読めません（数字", 0),
            0u);
  EXPECT_EQ(notation_text("\"人数\" row 4 " + number_refusal("abc"), Lang::Ja)
                .rfind("\"人数\" row 4 「abc」は数値として読めません（数字", 0),
            0u);
}

// Every refusal of the SDK, each kind once: the notation forms the tests below word.
std::vector<std::string> every_refusal() {
  std::vector<std::string> out;
  for (const char* text :
       {"abc", "1,23", "1.2.3", "#N/A", "#DIV/0!", "12345678901234567890123456789012345678901234567890123456789012345",
        "12\"5", "\"a\" b", "x\"y"})
    out.push_back(number_refusal(text));
  out.push_back(unit_refusal("5ドル"));
  for (const char* text :
       {"bogus", "令和x年度", "令和0年度", "FY25", "2025年度4月", "2025x", "2025年x", "2025年4月x", "2025-x",
        "2025-04/01", "2025-04-0x", "1800年度", "2025-13", "2025-02-30", "R7x", "2019(令和元年度", "2019(平成30)年度",
        "2025-04-01 25:00", "2025-04-01 and a great deal more text after the date, past sixty-four bytes"})
    out.push_back(period_refusal(text));
  return out;
}

// A plugin may write more after the SDK's reason (disaster_coverage closes its own parenthesis, a
// plugin may add the row): the reason is worded and what follows it kept.
TEST(NotationText, AReasonFollowedByMoreTextIsWordedAndTheRestKept) {
  EXPECT_EQ(notation_text("設定 'fiscal_years' の「R7x」は年度として読めません。2025、FY2025、R7、令和7年度 "
                          "のように書いてください（" +
                              period_refusal("R7x") + "）",
                          Lang::Ja),
            "設定 'fiscal_years' の「R7x」は年度として読めません。2025、FY2025、R7、令和7年度 "
            "のように書いてください（「R7x」は期間として読めません（年の後には "
            "年度、年、月（-04、/4、.4）を書くか、何も書かないでください））");
  EXPECT_EQ(notation_text(period_refusal("2025-13") + " (row 4)", Lang::Ja),
            "「2025-13」は期間として読めません（13 月はありません（1～12 月）） (row 4)");
  EXPECT_EQ(notation_text(period_refusal("FY25") + " (row 4)", Lang::Ja),
            "「FY25」は期間として読めません（FY の後には 4 桁の年だけを書いてください） (row 4)");
  EXPECT_EQ(
      notation_text(unit_refusal("5ドル") + " (row 4)", Lang::Ja),
      "「5ドル」は数値として読めません（「ドル」は使える単位ではありません。使える単位: 件 人 名 % ％ 区画 組織 事業 "
      "円 点 世帯 回 校 箇所） (row 4)");
  for (const std::string& refusal : every_refusal())
    for (const char* tail : {" (row 4)", "）"}) {
      SCOPED_TRACE(refusal + tail);
      const std::string ja = notation_text(refusal + tail, Lang::Ja);
      EXPECT_TRUE(ja.ends_with(std::string("）") + tail)) << ja;
      for (const char* word : {"expected", " is not", "does not", "outside", "longer", "between", "unit", "figure"})
        EXPECT_EQ(ja.find(word), std::string::npos) << word << " in " << ja;
    }
}

// The host words a reason in the worker and again in the parent: twice is once, and a message that
// holds two refusals has both worded in one pass.
TEST(NotationText, WordingTwiceIsWordingOnce) {
  std::vector<std::string> messages;
  for (const std::string& refusal : every_refusal())
    for (const std::string& message :
         {refusal, "data.csv:7: " + refusal, "column 値: " + refusal + " (row 4)", "a: " + refusal + "; b: " + refusal})
      messages.push_back(message);
  for (const std::string& message : messages) {
    SCOPED_TRACE(message);
    const std::string once = notation_text(message, Lang::Ja);
    EXPECT_EQ(notation_text(once, Lang::Ja), once);
  }
  EXPECT_EQ(notation_text("a: " + number_refusal("abc") + "; b: " + period_refusal("2025-13"), Lang::Ja),
            "a: 「abc」は数値として読めません（数字（万・千・億と単位を付けてよい: 1,234人、▲5.1、19.9万人）か、状況（—"
            "、未実施、未着手、実施中、実施）を書いてください）; b: 「2025-13」は期間として読めません（13 "
            "月はありません（1～12 月））");
}

TEST(NotationText, OtherMessagesAreLeftAsTheyAre) {
  for (const char* message : {"", "column 値 is missing", "\"x\" is not a number", "the file ends mid-row"})
    EXPECT_EQ(notation_text(message, Lang::Ja), message);
}

}  // namespace
}  // namespace sosei::text
