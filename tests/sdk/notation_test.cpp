// Tables of the notations city KPI tables use, each with the value or the period it must read as.
#include "sosei/notation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "allocation_counter.hpp"

namespace sosei {
namespace {

// ---- values --------------------------------------------------------------------------------

struct GoodValue {
  std::string text;
  int32_t kind;
  double number;
  std::string unit;
};

void PrintTo(const GoodValue& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class GoodValueTest : public testing::TestWithParam<GoodValue> {};

TEST_P(GoodValueTest, Parses) {
  const auto& c = GetParam();
  std::string error;
  auto value = parse_value(c.text, &error);
  ASSERT_TRUE(value) << error;
  EXPECT_EQ(value->kind, c.kind);
  EXPECT_EQ(value->number, c.number);
  EXPECT_FALSE(std::signbit(value->number) && value->number == 0) << "negative zero";
  EXPECT_EQ(value->unit, c.unit);
  EXPECT_TRUE(std::isfinite(value->number));
}

constexpr int32_t N = SOSEI_VALUE_NUMBER;

INSTANTIATE_TEST_SUITE_P(Numbers, GoodValueTest,
                         testing::ValuesIn(std::vector<GoodValue>{
                             {"1,234", N, 1234, ""},
                             {"１，２３４", N, 1234, ""},
                             {"1234.5", N, 1234.5, ""},
                             {"１２３４．５", N, 1234.5, ""},
                             {"-3", N, -3, ""},
                             {"+3", N, 3, ""},
                             {"＋3", N, 3, ""},
                             {"0", N, 0, ""},
                             {"007", N, 7, ""},
                             {"0.5", N, 0.5, ""},
                             {"1234567", N, 1234567, ""},
                             {"1,234,567.25", N, 1234567.25, ""},
                             {"12,345", N, 12345, ""},
                             {"123,456", N, 123456, ""},
                             {"  12  ", N, 12, ""},
                             {"\t12\r\n", N, 12, ""},
                             {"\u3000１２\u3000", N, 12, ""},
                             {"▲1,833", N, -1833, ""},
                             {"△5.1", N, -5.1, ""},
                             {"△414人", N, -414, "人"},
                             {"▼2", N, -2, ""},
                             {"−4", N, -4, ""},
                             {"－4", N, -4, ""},
                             {"▲ 1,833", N, -1833, ""},
                             {"▲0", N, 0, ""},
                             {"-0.0", N, 0, ""},
                             {"19.9万", N, 199000, ""},
                             {"13,650千", N, 13650000, ""},
                             {"1.2億", N, 120000000, ""},
                             {"0.1万", N, 1000, ""},
                             {"▲2.5万", N, -25000, ""},
                             {"19.9万人", N, 199000, "人"},
                             {"１９．９万人", N, 199000, "人"},
                             {"13,650千円", N, 13650000, "円"},
                             {"26万人", N, 260000, "人"},
                             {"150,000人", N, 150000, "人"},
                             {"5件", N, 5, "件"},
                             {"5 件", N, 5, "件"},
                             {"5\u3000件", N, 5, "件"},
                             {"100.00%", N, 100, "%"},
                             {"100.00％", N, 100, "%"},
                             {"50区画", N, 50, "区画"},
                             {"3組織", N, 3, "組織"},
                             {"21事業", N, 21, "事業"},
                             {"1,000円", N, 1000, "円"},
                             {"80点", N, 80, "点"},
                             {"12世帯", N, 12, "世帯"},
                             {"4回", N, 4, "回"},
                             {"2校", N, 2, "校"},
                             {"7箇所", N, 7, "箇所"},
                         }));

INSTANTIATE_TEST_SUITE_P(Statuses, GoodValueTest,
                         testing::ValuesIn(std::vector<GoodValue>{
                             {"", SOSEI_VALUE_MISSING, 0, ""},
                             {"   ", SOSEI_VALUE_MISSING, 0, ""},
                             {"\u3000", SOSEI_VALUE_MISSING, 0, ""},
                             {"—", SOSEI_VALUE_MISSING, 0, ""},
                             {" — ", SOSEI_VALUE_MISSING, 0, ""},
                             {"―", SOSEI_VALUE_MISSING, 0, ""},
                             {"－", SOSEI_VALUE_MISSING, 0, ""},
                             {"-", SOSEI_VALUE_MISSING, 0, ""},
                             {"ー", SOSEI_VALUE_MISSING, 0, ""},
                             {"−", SOSEI_VALUE_MISSING, 0, ""},
                             {"N/A", SOSEI_VALUE_MISSING, 0, ""},
                             {"(比較困難)", SOSEI_VALUE_MISSING, 0, ""},
                             {"（比較困難）", SOSEI_VALUE_MISSING, 0, ""},
                             {"比較困難", SOSEI_VALUE_MISSING, 0, ""},
                             {"x", SOSEI_VALUE_MISSING, 0, ""},
                             {"Ｘ", SOSEI_VALUE_MISSING, 0, ""},
                             {"χ", SOSEI_VALUE_MISSING, 0, ""},
                             {" 秘匿 ", SOSEI_VALUE_MISSING, 0, ""},
                             {"…", SOSEI_VALUE_MISSING, 0, ""},
                             {"***", SOSEI_VALUE_MISSING, 0, ""},
                             {"＊", SOSEI_VALUE_MISSING, 0, ""},
                             {"非公表", SOSEI_VALUE_MISSING, 0, ""},
                             {"未実施", SOSEI_VALUE_NOT_CARRIED_OUT, 0, ""},
                             {"未着手", SOSEI_VALUE_NOT_STARTED, 0, ""},
                             {"実施中", SOSEI_VALUE_IN_PROGRESS, 0, ""},
                             {"実施", SOSEI_VALUE_DONE, 0, ""},
                             {"実施済", SOSEI_VALUE_DONE, 0, ""},
                             {"済", SOSEI_VALUE_DONE, 0, ""},
                             {"完了", SOSEI_VALUE_DONE, 0, ""},
                             {" 完了 ", SOSEI_VALUE_DONE, 0, ""},
                         }));

struct BadValue {
  std::string text;
  std::string reason;  // a part of the message
};

void PrintTo(const BadValue& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class BadValueTest : public testing::TestWithParam<BadValue> {};

TEST_P(BadValueTest, IsRejectedWithAMessage) {
  const auto& c = GetParam();
  std::string error;
  auto value = parse_value(c.text, &error);
  EXPECT_FALSE(value) << "read as " << (value ? value->number : 0);
  EXPECT_NE(error.find("\"" + c.text + "\" is not a number: "), std::string::npos) << error;
  EXPECT_NE(error.find(c.reason), std::string::npos) << error;
  EXPECT_FALSE(parse_value(c.text)) << "without an error slot";
}

const std::string kDigits = "expected digits";
const std::string kGroups = "groups of three";
const std::string kPoint = "one decimal point";
const std::string kUnit = "is not a known unit";

INSTANTIATE_TEST_SUITE_P(Numbers, BadValueTest,
                         testing::ValuesIn(std::vector<BadValue>{
                             {"1,23,4", kGroups},
                             {"1,2345", kGroups},
                             {"1234,567", kGroups},
                             {"1,23", kGroups},
                             {"1,23.5", kGroups},
                             {"1,234.5,6", kGroups},
                             {",123", kGroups},
                             {"123,", kGroups},
                             {"1,,234", kGroups},
                             {"abc", kDigits},
                             {"1.2.3", kPoint},
                             {"1.", kPoint},
                             {".5", kDigits},
                             {"12件件", "\"件件\" is not a known unit"},
                             {"19.9万x", "\"x\" is not a known unit"},
                             {"5万万", "\"万\" is not a known unit"},
                             {"12 34", "\"34\" is not a known unit"},
                             {"1e5", "\"e5\" is not a known unit"},
                             {"0x10", "\"x10\" is not a known unit"},
                             {"1-2", "\"-2\" is not a known unit"},
                             {"5kg", "\"kg\" is not a known unit"},
                             {"千円", kDigits},
                             {"nan", kDigits},
                             {"NaN", kDigits},
                             {"inf", kDigits},
                             {"-inf", kDigits},
                             {"Infinity", kDigits},
                             {"件", kDigits},
                             {"万", kDigits},
                             {"▲", kDigits},
                             {"+", kDigits},
                             {"--3", kDigits},
                             {"▲-3", kDigits},
                             {std::string(63, '9'), "longer than 62 digits"},
                         }));

TEST(ParseValue, UnknownUnitMessageListsTheKnownUnits) {
  std::string error;
  EXPECT_FALSE(parse_value("12件件", &error));
  for (const auto& unit : kValueUnits) EXPECT_NE(error.find(unit.spelling), std::string::npos) << unit.spelling;
}

TEST(ParseValue, EveryListedUnitIsAccepted) {
  for (const auto& unit : kValueUnits) {
    auto value = parse_value("1" + std::string(unit.spelling));
    ASSERT_TRUE(value) << unit.spelling;
    EXPECT_EQ(value->unit, unit.unit);
  }
}

TEST(ParseValue, DeclaredUnitsAreAccepted) {
  const std::string_view units[] = {"組", "校"};
  std::string error;
  EXPECT_FALSE(parse_value("5組", &error)) << "not a unit without the KPI's declaration";
  auto value = parse_value("5組", units, &error);
  ASSERT_TRUE(value) << error;
  EXPECT_EQ(value->number, 5);
  EXPECT_EQ(value->unit, "組");
  value = parse_value("１２校", units, &error);
  ASSERT_TRUE(value) << error;
  EXPECT_EQ(value->number, 12);
  value = parse_value("1.2万組", units, &error);  // a multiplier before a declared unit
  ASSERT_TRUE(value) << error;
  EXPECT_EQ(value->number, 12000);
  value = parse_value("3人", units, &error);  // the known units stay known
  ASSERT_TRUE(value) << error;
  EXPECT_EQ(value->unit, "人");
  EXPECT_FALSE(parse_value("5組み", units, &error));
  EXPECT_NE(error.find("組"), std::string::npos) << "the message lists the declared units: " << error;
}

// A failed VLOOKUP (#N/A) or a division by an empty cell is a broken sheet, not a figure nobody has:
// refused with what to do, where N/A written by a person stays missing.
TEST(ParseValue, ExcelErrorValuesAreRefusedNotTakenAsMissing) {
  const std::string_view units[] = {"人"};
  for (const char* text : {"#N/A", " #DIV/0! ", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"}) {
    std::string error;
    EXPECT_FALSE(parse_value(text, &error)) << text;
    EXPECT_NE(error.find("an Excel error value"), std::string::npos) << error;
    EXPECT_FALSE(parse_value(text, units, &error)) << text;
  }
  auto na = parse_value("N/A");
  ASSERT_TRUE(na);
  EXPECT_EQ(na->kind, SOSEI_VALUE_MISSING);
}

// 名 counts people: 1,234名 is 1,234 人, the same unit as a KPI declared in 人.
TEST(ParseValue, PeopleCountedAsMeiAreInNin) {
  const auto value = parse_value("1,234名");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->number, 1234);
  EXPECT_EQ(value->unit, "人");
  EXPECT_TRUE(same_unit(value->unit, "人"));
  EXPECT_TRUE(same_unit("%", "％"));
  EXPECT_TRUE(same_unit("千円", "千円"));
  EXPECT_FALSE(same_unit("円", "千円"));
  EXPECT_FALSE(same_unit("%", ""));
}

TEST(ParseValue, DeclaredUnitIsReadAsWrittenBeforeTheMultipliers) {
  const std::string_view thousand_yen[] = {"千円"};
  auto value = parse_value("13,650千円", thousand_yen);
  ASSERT_TRUE(value);
  EXPECT_EQ(value->number, 13650);
  EXPECT_EQ(value->unit, "千円");
  value = parse_value("13,650千円");  // without the declaration 千 is a multiplier, as before
  ASSERT_TRUE(value);
  EXPECT_EQ(value->number, 13650000);
  EXPECT_EQ(value->unit, "円");
}

TEST(ParseKanjiNumeral, ReadsOneToNinetyNine) {
  const std::pair<const char*, int> cases[] = {{"一", 1},    {"七", 7},    {"十", 10},     {"十二", 12},
                                               {"二十", 20}, {"三十", 30}, {"三十一", 31}, {"九十九", 99}};
  for (const auto& [text, n] : cases) EXPECT_EQ(parse_kanji_numeral(text), std::optional<int>(n)) << text;
  for (const char* text : {"", "〇", "七年", "百", "7", "十十"})
    EXPECT_EQ(parse_kanji_numeral(text), std::nullopt) << text;
}

TEST(ParseValue, EveryListedStatusIsAccepted) {
  for (const auto& status : kValueStatuses) {
    auto value = parse_value(status.spelling);
    ASSERT_TRUE(value) << status.spelling;
    EXPECT_EQ(value->kind, status.kind) << status.spelling;
  }
}

TEST(ParseValue, LongestAcceptedFigureIsFinite) {
  auto value = parse_value(std::string(62, '9') + "億");
  ASSERT_TRUE(value);
  EXPECT_TRUE(std::isfinite(value->number));
  EXPECT_GT(value->number, 9e69);
}

TEST(ParseValue, SucceedsWithoutAllocating) {
  const char* cells[] = {"▲1,833", "19.9万人", "１，２３４", "—", "未実施", "100.00%"};
  std::string error;
  auto before = test::allocation_count();
  for (const char* cell : cells) EXPECT_TRUE(parse_value(cell, &error));
  EXPECT_EQ(test::allocation_count(), before);
}

// ---- periods -------------------------------------------------------------------------------

struct GoodPeriod {
  std::string text;
  int32_t bare_kind;
  sosei_period expected;
};

void PrintTo(const GoodPeriod& c, std::ostream* os) { *os << '"' << c.text << "\" bare " << c.bare_kind; }

class GoodPeriodTest : public testing::TestWithParam<GoodPeriod> {};

TEST_P(GoodPeriodTest, Parses) {
  const auto& c = GetParam();
  std::string error;
  auto period = parse_period(c.text, c.bare_kind, &error);
  ASSERT_TRUE(period) << error;
  EXPECT_EQ(period->kind, c.expected.kind);
  EXPECT_EQ(period->year, c.expected.year);
  EXPECT_EQ(period->month, c.expected.month);
  EXPECT_EQ(period->day, c.expected.day);
}

constexpr int32_t FY = SOSEI_PERIOD_FISCAL_YEAR;
constexpr int32_t CY = SOSEI_PERIOD_CALENDAR_YEAR;
constexpr int32_t MO = SOSEI_PERIOD_MONTH;
constexpr int32_t DA = SOSEI_PERIOD_DATE;

INSTANTIATE_TEST_SUITE_P(Years, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"2025", FY, {FY, 2025, 0, 0}},
                             {"2025", CY, {CY, 2025, 0, 0}},
                             {"２０２５", CY, {CY, 2025, 0, 0}},
                             {" 2025\u3000", FY, {FY, 2025, 0, 0}},
                             {"1900", CY, {CY, 1900, 0, 0}},
                             {"2200", CY, {CY, 2200, 0, 0}},
                             {"FY2025", CY, {FY, 2025, 0, 0}},
                             {"fy2025", CY, {FY, 2025, 0, 0}},
                             {"Fy2025", CY, {FY, 2025, 0, 0}},
                             {"ＦＹ２０２５", CY, {FY, 2025, 0, 0}},
                             {"2025年度", CY, {FY, 2025, 0, 0}},
                             {"２０２５年度", CY, {FY, 2025, 0, 0}},
                             {"2025年", FY, {CY, 2025, 0, 0}},
                             {"CY2025", FY, {CY, 2025, 0, 0}},
                             {"cy2025", FY, {CY, 2025, 0, 0}},
                         }));

INSTANTIATE_TEST_SUITE_P(Eras, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"R7", FY, {FY, 2025, 0, 0}},         {"R7", CY, {CY, 2025, 0, 0}},
                             {"R07", FY, {FY, 2025, 0, 0}},        {"r7", FY, {FY, 2025, 0, 0}},
                             {"Ｒ７", FY, {FY, 2025, 0, 0}},       {"R1", FY, {FY, 2019, 0, 0}},
                             {"R元", CY, {CY, 2019, 0, 0}},        {"R5年度", CY, {FY, 2023, 0, 0}},
                             {"Ｒ５年度", CY, {FY, 2023, 0, 0}},   {"R11", FY, {FY, 2029, 0, 0}},
                             {"令和7年度", CY, {FY, 2025, 0, 0}},  {"令和７年度", CY, {FY, 2025, 0, 0}},
                             {"令和07年度", CY, {FY, 2025, 0, 0}}, {"令和7年", FY, {CY, 2025, 0, 0}},
                             {"令和7", CY, {CY, 2025, 0, 0}},      {"令和元年", FY, {CY, 2019, 0, 0}},
                             {"令和元年度", CY, {FY, 2019, 0, 0}}, {"H30", FY, {FY, 2018, 0, 0}},
                             {"h30", CY, {CY, 2018, 0, 0}},        {"平成30年度", CY, {FY, 2018, 0, 0}},
                             {"平成31年", FY, {CY, 2019, 0, 0}},   {"平成38年度", CY, {FY, 2026, 0, 0}},
                             {"H38", FY, {FY, 2026, 0, 0}},        {"平成元年", FY, {CY, 1989, 0, 0}},
                             {"S64", CY, {CY, 1989, 0, 0}},        {"S64", FY, {FY, 1989, 0, 0}},
                             {"昭和64年", FY, {CY, 1989, 0, 0}},   {"昭和元年", FY, {CY, 1926, 0, 0}},
                             {"大正15年", FY, {CY, 1926, 0, 0}},
                         }));

// Era years in kanji numerals, as printed in council documents (issue 13).
INSTANTIATE_TEST_SUITE_P(KanjiEraYears, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"令和七年度", CY, {FY, 2025, 0, 0}},
                             {"令和元年度", CY, {FY, 2019, 0, 0}},
                             {"平成三十年度", CY, {FY, 2018, 0, 0}},
                             {"令和十二年度", CY, {FY, 2030, 0, 0}},
                             {"令和十年度", CY, {FY, 2028, 0, 0}},
                             {"平成三十一年", FY, {CY, 2019, 0, 0}},
                             {"令和七", CY, {CY, 2025, 0, 0}},
                             {"令和七年4月", FY, {MO, 2025, 4, 0}},
                             {"令和七年四月", FY, {MO, 2025, 4, 0}},
                             {"令和七年十二月三十一日", FY, {DA, 2025, 12, 31}},
                             {"令和元年五月一日", FY, {DA, 2019, 5, 1}},
                             {"令和７年度", CY, {FY, 2025, 0, 0}},
                             {"ｒ７年度", CY, {FY, 2025, 0, 0}},
                         }));

INSTANTIATE_TEST_SUITE_P(Months, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"2025-04", FY, {MO, 2025, 4, 0}},
                             {"2025/4", FY, {MO, 2025, 4, 0}},
                             {"2025.12", FY, {MO, 2025, 12, 0}},
                             {"2025年4月", FY, {MO, 2025, 4, 0}},
                             {"２０２５年４月", FY, {MO, 2025, 4, 0}},
                             {"R7.4", FY, {MO, 2025, 4, 0}},
                             {"令和7年4月", FY, {MO, 2025, 4, 0}},
                             {"令和8年3月", FY, {MO, 2026, 3, 0}},
                             {"2025-01", CY, {MO, 2025, 1, 0}},
                         }));

INSTANTIATE_TEST_SUITE_P(Dates, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"2025-04-01", FY, {DA, 2025, 4, 1}},
                             {"2025/4/1", FY, {DA, 2025, 4, 1}},
                             {"2025.4.1", FY, {DA, 2025, 4, 1}},
                             {"２０２５－０４－０１", FY, {DA, 2025, 4, 1}},
                             {"20250401", FY, {DA, 2025, 4, 1}},
                             {"20251231", FY, {DA, 2025, 12, 31}},
                             {"令和7年4月1日", FY, {DA, 2025, 4, 1}},
                             {"令和７年４月１日", FY, {DA, 2025, 4, 1}},
                             {"2025年4月1日", FY, {DA, 2025, 4, 1}},
                             {"R7.4.1", FY, {DA, 2025, 4, 1}},
                             {"R元.5.1", FY, {DA, 2019, 5, 1}},
                             {"H31.4.30", FY, {DA, 2019, 4, 30}},
                             {"2024-02-29", FY, {DA, 2024, 2, 29}},
                             {"2000-02-29", FY, {DA, 2000, 2, 29}},
                             {"20240229", FY, {DA, 2024, 2, 29}},
                             {"令和6年2月29日", FY, {DA, 2024, 2, 29}},
                             {"2025-01-31", FY, {DA, 2025, 1, 31}},
                             {"2025-04-30", FY, {DA, 2025, 4, 30}},
                             // As spreadsheets export a date: the time of day is dropped.
                             {"2019/4/1 0:00", FY, {DA, 2019, 4, 1}},
                             {"2019/04/01 00:00:00", FY, {DA, 2019, 4, 1}},
                             {"2019-04-01T00:00:00.000", FY, {DA, 2019, 4, 1}},
                             {"2019/4/1 13:05", FY, {DA, 2019, 4, 1}},
                         }));

// One year in two notations, as published tables label their rows.
INSTANTIATE_TEST_SUITE_P(BracketedEraYears, GoodPeriodTest,
                         testing::ValuesIn(std::vector<GoodPeriod>{
                             {"2019(令和元)年度", CY, {FY, 2019, 0, 0}},
                             {"２０１９（令和元）年度", CY, {FY, 2019, 0, 0}},
                             {"令和元(2019)年度", CY, {FY, 2019, 0, 0}},
                             {"2019年度(令和元年度)", CY, {FY, 2019, 0, 0}},
                             {"平成31年度（令和元年度）", CY, {FY, 2019, 0, 0}},
                             {"2018(H30)年", FY, {CY, 2018, 0, 0}},
                             {"R1(2019)", FY, {FY, 2019, 0, 0}},
                             {"2019年4月(令和元年4月)", FY, {MO, 2019, 4, 0}},
                             {"2019年度 (令和元年度)", CY, {FY, 2019, 0, 0}},
                             {"2019 (R1) 年度", CY, {FY, 2019, 0, 0}},
                         }));

struct BadPeriod {
  std::string text;
  std::string reason;  // a part of the message
  int32_t bare_kind = FY;
};

void PrintTo(const BadPeriod& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class BadPeriodTest : public testing::TestWithParam<BadPeriod> {};

TEST_P(BadPeriodTest, IsRejectedWithAMessage) {
  const auto& c = GetParam();
  std::string error;
  auto period = parse_period(c.text, c.bare_kind, &error);
  EXPECT_FALSE(period) << "read as " << (period ? period->year : 0);
  EXPECT_NE(error.find("\"" + c.text + "\" is not a period: "), std::string::npos) << error;
  EXPECT_NE(error.find(c.reason), std::string::npos) << error;
  EXPECT_FALSE(parse_period(c.text, c.bare_kind)) << "without an error slot";
}

const std::string kPeriodForms = "expected a year (2025";

INSTANTIATE_TEST_SUITE_P(Periods, BadPeriodTest,
                         testing::ValuesIn(std::vector<BadPeriod>{
                             {"R", "expected the era year"},
                             {"H", "expected the era year"},
                             {"令和", "expected the era year"},
                             {"令和年度", "expected the era year"},
                             {"R123", "expected the era year"},
                             {"R0", "era year 0"},
                             {"R7年度x", "nothing after 年度"},
                             {"令和七年十三月", "month 13 is not between 1 and 12"},
                             {"令和七年二月三十日", "day 30 does not exist"},
                             {"令和七年四月一", "expected a day such as 1日 or 一日"},
                             {"2025年度4月", "nothing after 年度"},
                             {"FY", "4-digit year"},
                             {"FY25", "4-digit year"},
                             {"FY20250", "4-digit year"},
                             {"FY2025年度", "4-digit year"},
                             {"CY", "4-digit year"},
                             {"F2025", kPeriodForms},
                             {"abc", kPeriodForms},
                             {"", kPeriodForms},
                             {"25", kPeriodForms},
                             {"202504", kPeriodForms},
                             {"2025x", "after the year"},
                             {"2025 年", "after the year"},
                             {"1899", "year 1899 is outside 1900–2200"},
                             {"2201", "year 2201 is outside 1900–2200"},
                             {"FY1850", "outside 1900–2200"},
                             {"2025-13", "month 13 is not between 1 and 12"},
                             {"2025-00", "month 0 is not between 1 and 12"},
                             {"2025年13月", "month 13"},
                             {"R7.13", "month 13"},
                             {"2025-02-30", "day 30 does not exist in 2025-2, which has 28 days"},
                             {"2023-02-29", "day 29 does not exist"},
                             {"1900-02-29", "day 29 does not exist"},
                             {"2025-04-31", "day 31 does not exist"},
                             {"2025-04-00", "day 0 does not exist"},
                             {"20250230", "day 30 does not exist"},
                             {"令和7年4月31日", "day 31 does not exist"},
                             {"2025-4-", "expected a 1- or 2-digit day"},
                             {"2025-", "expected a 1- or 2-digit month"},
                             {"2025-04/01", "same separator"},
                             {"2025-123", "1- or 2-digit month"},
                             {"2025-04-011", "expected a 1- or 2-digit day"},
                             {"2025年4月1", "expected a day such as 1日"},
                             {"2025年4", "expected a month such as 4月"},
                             {"2025年4月1日x", "expected a day such as 1日"},
                             {"2025-04-01 24:00", "or a time such as 0:00"},
                             {"2025-04-01 0", "or a time such as 0:00"},
                             {"2025-04-01 0:60", "or a time such as 0:00"},
                             {"2025-04 0:00", "expected the same separator"},
                             {"2019(平成30)年度", "not the same year"},
                             {"2019(速報)年度", "one year in brackets"},
                             {"2019(令和元年度", "one year in brackets"},
                             {"2019)年度", "one year in brackets"},
                             {"2019(R1)(H31)年度", "one year in brackets"},
                             {"(2019)", kPeriodForms},
                             {"()2019", "one year in brackets"},
                             {"2019( )年度", "one year in brackets"},
                             {"2019年(令和元年度)", "not the same year"},
                             {"2019年度(2019年)", "not the same year"},
                             {std::string(70, '2'), "longer than 64 bytes"},
                             {"2025", "bare_year_kind must be", SOSEI_PERIOD_MONTH},
                         }));

// ---- text and dates ------------------------------------------------------------------------

TEST(Trim, DropsAsciiAndIdeographicSpacesAtBothEnds) {
  EXPECT_EQ(trim(" \t\u3000 a b\u3000\r\n"), "a b");
  EXPECT_EQ(trim("\u3000\u3000"), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("a\u3000b"), "a\u3000b");
}

TEST(FoldFullWidth, FoldsFullWidthAsciiOnly) {
  EXPECT_EQ(fold_full_width("Ａ０１－２，ｚ"), "A01-2,z");
  EXPECT_EQ(fold_full_width("令和７年\u3000ｶﾅ"), "令和7年\u3000ｶﾅ");
  EXPECT_EQ(fold_full_width("\xEF"), "\xEF");  // a cut-off sequence is kept as it is
}

TEST(DaysInMonth, LeapYearsAsTheGregorianCalendarHasThem) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 2), 28);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 12), 31);
  EXPECT_TRUE(is_leap_year(2028));
}

TEST(Eras, OneTableReadsEveryEraName) {
  for (const auto& era : kEras) {
    auto by_name = parse_period(std::string(era.name) + "元年度", SOSEI_PERIOD_FISCAL_YEAR);
    auto by_letter = parse_period(std::string(era.letter) + "1", SOSEI_PERIOD_FISCAL_YEAR);
    ASSERT_TRUE(by_name && by_letter) << era.name;
    EXPECT_EQ(by_name->year, era.offset + 1);
    EXPECT_EQ(by_letter->year, era.offset + 1);
  }
}

}  // namespace
}  // namespace sosei
