// The config's own notations: years and the number in a stated value.
#include "config/notation.hpp"

#include <gtest/gtest.h>

namespace sosei::config {
namespace {

TEST(ParseYear, AcceptsTheNotationsOfTheStrategy) {
  const std::pair<const char*, int> cases[] = {
      {"FY2025", 2025}, {"2025", 2025},       {"2025年度", 2025},   {"2024年", 2024}, {"R5", 2023},
      {"R12", 2030},    {"令和7年度", 2025},  {"令和元年", 2019},   {"令和7", 2025},  {"H30", 2018},
      {"H27", 2015},    {"平成30年度", 2018}, {"平成38年度", 2026}, {"S64", 1989},
  };
  for (const auto& [text, year] : cases) {
    EXPECT_EQ(parse_year(text), std::optional<int>(year)) << text;
  }
  // Kanji numerals in era years (issue 13).
  EXPECT_EQ(parse_year("令和七年度"), 2025);
  EXPECT_EQ(parse_year("令和元年度"), 2019);
  EXPECT_EQ(parse_year("平成三十年度"), 2018);
  EXPECT_EQ(parse_year("令和十二年度"), 2030);
  EXPECT_EQ(parse_year("令和７年度"), 2025);
  EXPECT_EQ(parse_year("令和七十年"), 2088);
  EXPECT_EQ(parse_year("令和百年"), std::nullopt);
  EXPECT_EQ(parse_year("R５"), 2023);  // full-width digits are accepted (full-width letters are not)
  EXPECT_EQ(parse_year(" FY2029 "), 2029);
}

TEST(ParseYear, RejectsEverythingElse) {
  for (const char* text :
       {"", "FY", "FY25", "R", "R0", "R123", "X5", "令和", "20255", "25", "FY2025x", "R5年度度", "Ｒ５", "5件"})
    EXPECT_EQ(parse_year(text), std::nullopt) << text;
}

TEST(ParseStatedNumber, ReadsTheOneNumber) {
  const std::pair<const char*, double> cases[] = {
      {"5件", 5},
      {"5年間に40件", 40},
      {"5年間に190件", 190},
      {"△1305人", -1305},
      {"▲1,833", -1833},
      {"△5.1", -5.1},
      {"-3", -3},
      {"24万人", 240000},
      {"19.9万人", 199000},
      {"130,108人", 130108},
      {"150,000人", 150000},
      {"100.00%", 100},
      {"31.25%", 31.25},
      {"21事業以上", 21},
      {"標準化得点100以上に到達", 100},
      {"13,650千円", 13650},
      {"１２，３４５人", 12345},
      {"40", 40},
      {"2.5", 2.5},
  };
  for (const auto& [text, number] : cases) EXPECT_EQ(parse_stated_number(text), number) << text;
}

TEST(ParseStatedNumber, NothingForStatusesSentencesAndAmbiguity) {
  for (const char* text : {"", "未着手", "未実施", "実施", "—", "（比較困難）", "小・中それぞれ平均",
                           "文部科学省教育ICT環境整備目標に到達", "24万人(R5)", "1と2", "5年間に"})
    EXPECT_EQ(parse_stated_number(text), std::nullopt) << text;
}

}  // namespace
}  // namespace sosei::config
