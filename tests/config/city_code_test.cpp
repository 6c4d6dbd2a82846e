// Local government codes: the check digit as the national scheme computes it, and the strategy's
// `city_code:` refusing the mistakes that would file a city's data under another city.
#include <gtest/gtest.h>

#include "common/city_code.hpp"
#include "config/load.hpp"
#include "temp_files.hpp"

namespace sosei::config {
namespace {

using testing::TempFiles;

TEST(CityCode, CheckDigitsOfPublishedCodes) {
  // Codes as the national list publishes them: 嘉麻市, 飯塚市, 福岡県 (the prefecture itself),
  // 札幌市 (a leading zero), 千代田区; then the two sums where 11 − (sum mod 11) has two digits.
  EXPECT_EQ(city_code_check_digit("40227"), '3');
  EXPECT_EQ(city_code_check_digit("40205"), '2');
  EXPECT_EQ(city_code_check_digit("40000"), '9');
  EXPECT_EQ(city_code_check_digit("01100"), '2');
  EXPECT_EQ(city_code_check_digit("13101"), '6');
  EXPECT_EQ(city_code_check_digit("40223"), '1');  // sum ≡ 0 (mod 11): 11, last digit 1
  EXPECT_EQ(city_code_check_digit("40229"), '0');  // sum ≡ 1 (mod 11): 10, last digit 0

  const auto kama = CityCode::parse("402273");
  ASSERT_TRUE(kama);
  EXPECT_EQ(kama->digits(), "402273");
  EXPECT_EQ(kama->prefecture(), "40");
}

TEST(CityCode, EveryMistakeSaysWhatItProbablyMeant) {
  EXPECT_EQ(city_code_problem("402273").kind, CityCodeProblem::Kind::None);
  EXPECT_EQ(city_code_problem("40227").kind, CityCodeProblem::Kind::FiveDigits);
  EXPECT_EQ(city_code_problem("40227").suggestion, "402273");
  EXPECT_EQ(city_code_problem("402274").kind, CityCodeProblem::Kind::WrongCheckDigit);
  EXPECT_EQ(city_code_problem("402274").suggestion, "402273");
  for (const char* bad : {"", "4022", "4022734", "40227a", "４０２２７３", " 402273"}) {
    EXPECT_EQ(city_code_problem(bad).kind, CityCodeProblem::Kind::NotSixDigits) << bad;
    EXPECT_FALSE(CityCode::parse(bad)) << bad;
  }
  EXPECT_FALSE(CityCode::parse("402274"));
}

const std::string kHead = "strategy:\n  name: 戦略\n  city: 嘉麻市\n";
const std::string kRest =
    "  period: {from: R7, to: R11}\ngoals:\n  - no: 1\n    name: 働く\n    measures:\n"
    "      - name: 施策\n        kpis:\n          - id: k\n            name: 指標\n            unit: 人\n"
    "            department: 課\n            baseline: {value: 1人, year: R5}\n"
    "            target: {value: 2人, kind: level}\n";

std::string refusal(const std::string& code) {
  TempFiles files;
  try {
    load_strategy(files.write("strategy.yaml", kHead + "  city_code: " + code + "\n" + kRest));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(CityCode, TheStrategyNamesItsCityByCode) {
  TempFiles files;
  EXPECT_FALSE(load_strategy(files.write("none.yaml", kHead + kRest)).city_code);
  const Strategy s = load_strategy(files.write("code.yaml", kHead + "  city_code: \"402273\"\n" + kRest));
  ASSERT_TRUE(s.city_code);
  EXPECT_EQ(s.city_code->digits(), "402273");
  // Unquoted, YAML would read a number; the text as written is what counts (a leading zero stays).
  EXPECT_EQ(load_strategy(files.write("sapporo.yaml", kHead + "  city_code: 011002\n" + kRest)).city_code->digits(),
            "011002");
}

TEST(CityCode, TheStrategyRefusesAWrongCodeAtItsLine) {
  const std::string five = refusal("40227");
  EXPECT_NE(five.find("strategy.yaml:4"), std::string::npos) << five;
  EXPECT_NE(five.find("402273"), std::string::npos) << five;
  const std::string typo = refusal("402274");
  EXPECT_NE(typo.find("検査数字"), std::string::npos) << typo;
  EXPECT_NE(typo.find("402273"), std::string::npos) << typo;
  EXPECT_NE(refusal("嘉麻市").find("6 桁"), std::string::npos);
}

}  // namespace
}  // namespace sosei::config
