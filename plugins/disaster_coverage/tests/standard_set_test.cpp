// The standard open-data set 「地域・年齢別人口」 as the households register, on the fake host: rows of
// other municipalities skipped, the three date notations, districts known by name when 地域コード
// is empty, the roster matched to them by normalised name, and the errors for an unknown or shared
// name. Fixtures in fixtures.hpp.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <cmath>
#include <map>
#include <string>

#include "fixtures.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace fixtures = disaster_coverage::fixtures;

namespace {

class StandardSet : public ::testing::Test {
 protected:
  // Runs the plugin on the register `households` and the roster `roster`, with these settings.
  int32_t run(const std::string& households, const std::string& roster,
              const std::map<std::string, std::string>& settings = {{"city_code", "40227"}},
              bool skip_bad_rows = false) {
    host_ = sosei::testing::FakeHost();
    host_.file("h.csv", households).file("r.csv", roster);
    host_.setting("households_file", "h.csv").setting("roster_file", "r.csv");
    for (const auto& [name, value] : settings) host_.setting(name, value);
    host_.skip_bad_rows(skip_bad_rows);
    return host_.run(sosei_plugin_entry());
  }
  double value(const std::string& series, int fy) const {
    for (const auto& o : host_.observations())
      if (o.series == series && o.period.year == fy) return o.number;
    ADD_FAILURE() << "no " << series << " for FY" << fy;
    return NAN;
  }
  std::string covered(int fy, const std::string& district) const {
    for (const auto& o : host_.observations())
      if (o.series == "district_households" && o.period.year == fy && o.dimension("district") == district)
        return std::string(o.dimension("covered"));
    ADD_FAILURE() << "no district " << district << " in FY" << fy;
    return "";
  }
  std::string rejection(std::size_t i) const {
    if (host_.rejections().size() <= i) return "(no rejection " + std::to_string(i) + ")";
    const auto& r = host_.rejections()[i];
    return r.file + ":" + std::to_string(r.line) + ": " + r.reason;
  }

  // The hand-computed numbers of fixtures::standard_set_csv with fixtures::standard_roster_csv.
  void expect_hand_computed() const {
    EXPECT_EQ(value("total_households", 2024), 900);
    EXPECT_EQ(value("covered_households", 2024), 370);
    EXPECT_EQ(value("total_households", 2025), 900);
    EXPECT_EQ(value("covered_households", 2025), 520);
    EXPECT_NEAR(value("disaster_coverage", 2025), 520.0 * 100 / 900, 1e-9);
  }

  sosei::testing::FakeHost host_;
};

TEST_F(StandardSet, ReadsThePublishedSetAndMatchesTheRosterByName) {
  ASSERT_EQ(run(fixtures::standard_set_csv(), fixtures::standard_roster_csv()), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.rejections().empty()) << rejection(0);
  expect_hand_computed();

  // 調査年月日 is the reference date: 2025-03-31 is in FY2024, and 2025/4/1 and 令和7年4月1日 agree.
  std::string note;
  for (const auto& o : host_.observations())
    if (o.series == "disaster_coverage" && o.period.year == 2024) note = o.note;
  EXPECT_EQ(note, "2025年3月31日現在、全 900 世帯のうち自主防災組織のある地区に 370 世帯");

  // Without a code the district is its name; 稲築町山野 is not 山野 (nothing is guessed); a code wins.
  EXPECT_EQ(covered(2025, "本町一丁目"), "yes");
  EXPECT_EQ(covered(2025, "本町2丁目"), "yes");
  EXPECT_EQ(covered(2025, "稲築町 山野"), "yes");
  EXPECT_EQ(covered(2024, "稲築町 山野"), "no");
  EXPECT_EQ(covered(2025, "山野"), "no");
  EXPECT_EQ(covered(2025, "0902"), "yes");
  EXPECT_EQ(covered(2025, "0501"), "no");

  // The neighbour's two rows were skipped, and the run says so.
  bool said = false;
  for (const auto& log : host_.logs())
    said = said ||
           log.message.find("h.csv: 他の市区町村の行を 2 行読み飛ばしました（city_code 40227）") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST_F(StandardSet, FullWidthRegisterMatchesAHalfWidthRoster) {
  ASSERT_EQ(run(fixtures::standard_set_csv(/*full_width=*/true), fixtures::standard_roster_csv(/*full_width=*/false)),
            SOSEI_OK)
      << host_.error();
  EXPECT_TRUE(host_.rejections().empty()) << rejection(0);
  expect_hand_computed();
}

TEST_F(StandardSet, SeveralMunicipalitiesWithoutCityCodeIsAConfigError) {
  EXPECT_EQ(run(fixtures::standard_set_csv(), fixtures::standard_roster_csv(), {}), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("h.csv:4"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("40228"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("この表には複数の市区町村の行があります（2 行目は全国地方公共団体コード 40227、この行は "
                               "40228）。市の行だけを読むには、設定 'city_code' に市のコード"),
            std::string::npos)
      << host_.error();

  // A city_code no row has: said so, rather than "no district rows".
  EXPECT_EQ(run(fixtures::standard_set_csv(), fixtures::standard_roster_csv(), {{"city_code", "131016"}}),
            SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("設定 'city_code' の 131016（全国地方公共団体コード 13101）の行が1行もありません"),
            std::string::npos)
      << host_.error();
  EXPECT_NE(host_.error().find("（例: 2 行目の 40227）"), std::string::npos) << host_.error();
}

TEST_F(StandardSet, UnknownNameIsABadRowNamingTheNearestDistricts) {
  const std::string roster = fixtures::standard_roster_csv() + "山野会,稲築山野,2020-04-01,\n";
  EXPECT_EQ(run(fixtures::standard_set_csv(), roster), SOSEI_ERR_REJECTED);
  EXPECT_TRUE(host_.observations().empty());
  EXPECT_NE(host_.error().find("r.csv:5"), std::string::npos) << host_.error();

  ASSERT_EQ(run(fixtures::standard_set_csv(), roster, {{"city_code", "40227"}}, /*skip_bad_rows=*/true), SOSEI_OK)
      << host_.error();
  ASSERT_EQ(host_.rejections().size(), 1u);
  const std::string why = rejection(0);
  EXPECT_NE(why.find("r.csv:5: 「山野会」: 「稲築山野」は世帯数の表 h.csv の地区コードにも地区名にもありません"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("。近い名前: 稲築町 山野、山野、新町"), std::string::npos) << why;
  expect_hand_computed();  // the organization is left out
}

TEST_F(StandardSet, NameSharedByTwoDistrictsIsABadRowNamingTheirCodes) {
  const std::string roster = fixtures::standard_roster_csv() + "新町会,新町,2020-04-01,\n";
  ASSERT_EQ(run(fixtures::standard_set_csv(), roster, {{"city_code", "40227"}}, /*skip_bad_rows=*/true), SOSEI_OK)
      << host_.error();
  ASSERT_EQ(host_.rejections().size(), 1u);
  const std::string why = rejection(0);
  EXPECT_NE(
      why.find("r.csv:5: 「新町会」: 「新町」という名前の地区が世帯数の表 h.csv に複数あります: 新町（コード 0501）、"
               "新町（コード 0902）。名簿には名前ではなく地区のコードを書くか"),
      std::string::npos)
      << why;
  expect_hand_computed();
}

TEST_F(StandardSet, OtherLayoutsThroughColumnSettings) {
  // A prefecture's table of the same figures under other names; 町丁名 holds the names.
  const std::string households =
      "市町村コード,町丁名,基準年月日,世帯数計,人口計\n"
      "40227,本町1丁目,2025-04-01,102,212\n"
      "40227,山野,2025-04-01,300,690\n"
      "40228,山野,2025-04-01,50,100\n";
  const std::string roster = "組織名,町丁,結成日\n本町会,本町一丁目,2020-04-01\n";
  const std::map<std::string, std::string> settings{
      {"city_code", "402273"},       {"city_code_column", "市町村コード"}, {"district_name_column", "町丁名"},
      {"date_column", "基準年月日"}, {"households_column", "世帯数計"},    {"districts_column", "町丁"}};
  ASSERT_EQ(run(households, roster, settings), SOSEI_OK) << host_.error();
  EXPECT_EQ(value("covered_households", 2025), 102);
  EXPECT_EQ(value("total_households", 2025), 402);

  auto wrong = settings;
  wrong["households_column"] = "世帯";
  EXPECT_EQ(run(households, roster, wrong), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("h.csv:1: 設定 'households_column' の列「世帯」が見出しにありません"), std::string::npos)
      << host_.error();
}

TEST_F(StandardSet, ADistrictRowWithNeitherNameNorCodeIsABadRow) {
  const std::string households = fixtures::standard_set_csv() + "402273,,,2025/4/1,5,9,4,5\n";
  ASSERT_EQ(run(households, fixtures::standard_roster_csv(), {{"city_code", "40227"}}, /*skip_bad_rows=*/true),
            SOSEI_OK)
      << host_.error();
  EXPECT_EQ(rejection(0), "h.csv:16: 地域名も地域コードもありません。どちらかを書いてください");
  expect_hand_computed();
}

TEST_F(StandardSet, SubtotalRowsAreNotCounted) {
  const std::string households = fixtures::standard_set_csv() + "402273,,小計,2025/4/1,450,900,450,450\n";
  ASSERT_EQ(run(households, fixtures::standard_roster_csv()), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.rejections().empty()) << rejection(0);
  expect_hand_computed();  // 900, not 1350
}

TEST_F(StandardSet, ANameWithASpaceOrSeparatorIsReadAsOneNameWhenItsPiecesAreNot) {
  // 稲築町 山野 would be cut at the space into 稲築町 (unknown) and 山野 (a district of its own).
  const std::string roster =
      "組織名,対象地域,結成日,解散日\n"
      "本町自主防災会,本町１丁目・本町２,2020-04-01,\n"
      "稲築防災会,稲築町 山野,2025-04-01,\n"
      "新町防災会,0902,2019-01-01,\n";
  ASSERT_EQ(run(fixtures::standard_set_csv(), roster), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.rejections().empty()) << rejection(0);
  expect_hand_computed();
  EXPECT_EQ(covered(2025, "山野"), "no");
}

}  // namespace
