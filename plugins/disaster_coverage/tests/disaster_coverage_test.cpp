// Unit tests of the disaster_coverage plugin on the fake host (sosei/testing.hpp): the hand-computed
// case, the year and reference-date settings, bad rows, fetch replies (200, 304, one input 304 while
// the other changed, failures) and the demo data. CP932, XLSX and real HTTP are in
// disaster_coverage_runtime_test.cpp.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

using sosei::testing::CapturedObservation;
namespace fixtures = disaster_coverage::fixtures;

namespace {

using Settings = std::map<std::string, std::string>;

class DisasterCoverage : public ::testing::Test {
 protected:
  // Runs the plugin on a fresh fake host with these settings and the files written so far.
  int32_t run(const Settings& settings, bool skip_bad_rows = false) {
    host_ = sosei::testing::FakeHost();
    for (const auto& [name, value] : settings) host_.setting(name, value);
    for (const auto& [name, text] : files_) host_.file(name, text);
    host_.skip_bad_rows(skip_bad_rows);
    return host_.run(sosei_plugin_entry());
  }
  std::string write(const std::string& name, const std::string& text) {
    files_[name] = text;
    return name;
  }
  static Settings files(const std::string& households, const std::string& roster) {
    return {{"households_file", households}, {"roster_file", roster}};
  }

  std::vector<const CapturedObservation*> series(const std::string& name, int fy) const {
    std::vector<const CapturedObservation*> out;
    for (const auto& o : host_.observations())
      if (o.series == name && o.period.year == fy) out.push_back(&o);
    return out;
  }
  double value(const std::string& name, int fy) const {
    auto found = series(name, fy);
    if (found.size() != 1) ADD_FAILURE() << name << " FY" << fy << ": " << found.size() << " observations";
    return found.empty() ? NAN : found.front()->number;
  }
  const CapturedObservation* district(int fy, const std::string& code) const {
    for (const auto* o : series("district_households", fy))
      if (o->dimension("district") == code) return o;
    ADD_FAILURE() << "no district " << code << " in FY" << fy;
    return nullptr;
  }

  // The hand-computed numbers of fixtures.hpp.
  void expect_hand_computed() const {
    EXPECT_NEAR(value("disaster_coverage", 2024), 350.0 * 100 / 600, 1e-9);  // 58.333…
    EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);               // 453 / 600
    EXPECT_EQ(value("covered_households", 2024), 350);
    EXPECT_EQ(value("covered_households", 2025), 453);
    EXPECT_EQ(value("total_households", 2024), 600);
    EXPECT_EQ(value("total_households", 2025), 600);
  }

  sosei::testing::FakeHost host_;
  std::map<std::string, std::string> files_;
};

TEST_F(DisasterCoverage, HandComputedTwoYearsFromCsv) {
  ASSERT_EQ(run(files(write("h.csv", fixtures::households_csv()), write("r.csv", fixtures::roster_csv()))), SOSEI_OK)
      << host_.error();
  expect_hand_computed();
  EXPECT_EQ(host_.observations().size(), 2u * (5 + 3));

  // The KPI value is dimension-less and says what it counted.
  const auto kpi = series("disaster_coverage", 2025);
  ASSERT_EQ(kpi.size(), 1u);
  EXPECT_TRUE(kpi[0]->dimensions.empty());
  EXPECT_EQ(kpi[0]->period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(kpi[0]->note, "2025年4月1日現在、全 600 世帯のうち自主防災組織のある地区に 453 世帯");
  // Two decimals as the city publishes them.
  EXPECT_EQ(std::round(value("disaster_coverage", 2024) * 100) / 100, 58.33);

  // Drill-down: district 04 is covered from 2025-04-01 (established that day), 05 until 2025-03-31.
  const auto* west2024 = district(2024, "04");
  const auto* west2025 = district(2025, "04");
  const auto* middle2025 = district(2025, "05");
  ASSERT_TRUE(west2024 && west2025 && middle2025);
  EXPECT_EQ(west2024->dimension("covered"), "no");
  EXPECT_EQ(west2025->dimension("covered"), "yes");
  EXPECT_EQ(west2025->dimension("district_name"), "西町");
  EXPECT_EQ(west2025->number, 50);
  EXPECT_EQ(middle2025->dimension("covered"), "no");
  EXPECT_EQ(middle2025->number, 147);
  EXPECT_EQ(middle2025->line, 11u);  // the register's row
  EXPECT_EQ(district(2024, "05")->dimension("covered"), "yes");
}

// A title above the register's and the roster's header is passed over.
TEST_F(DisasterCoverage, TitleRowsAboveTheHeadersAreSkipped) {
  ASSERT_EQ(run(files(write("h.csv", "行政区別世帯数\n" + fixtures::households_csv()),
                      write("r.csv", "令和7年度 自主防災組織名簿,,,\n,,,\n" + fixtures::roster_csv()))),
            SOSEI_OK)
      << host_.error();
  expect_hand_computed();
}

// The notes under a register or roster exported from a spreadsheet (※ …, 資料：…) are not rows.
TEST_F(DisasterCoverage, NotesUnderTheTablesAreSkipped) {
  ASSERT_EQ(run(files(write("h.csv", fixtures::households_csv() + "※ 世帯数は住民基本台帳による,,,\n"),
                      write("r.csv", fixtures::roster_csv() + "資料：防災対策課\n"))),
            SOSEI_OK)
      << host_.error();
  EXPECT_TRUE(host_.rejections().empty());
  expect_hand_computed();
}

// A household count with a thousands comma and no quotes (1,100) is two cells: the row is refused,
// not read as 1 household (the coverage came out 33 % instead of 15 %).
TEST_F(DisasterCoverage, ACountSplitByAnUnquotedCommaIsRefusedNotReadAsItsFirstDigits) {
  std::string households = fixtures::households_csv();
  households.replace(households.find("2024,03,東町,200"), std::string("2024,03,東町,200").size(), "2024,03,東町,1,200");
  EXPECT_EQ(run(files(write("h.csv", households), write("r.csv", fixtures::roster_csv()))), SOSEI_ERR_REJECTED);
  ASSERT_FALSE(host_.rejections().empty());
  EXPECT_EQ(host_.rejections()[0].line, 4u);
  EXPECT_NE(
      host_.rejections()[0].reason.find("this row has 5 fields where the header has 4, and \"1\" followed by \"200\""),
      std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(DisasterCoverage, DeclaresDisplayNamesForItsSeriesDistrictsAndTheCoverageFlag) {
  ASSERT_EQ(run(files(write("h.csv", fixtures::households_csv()), write("r.csv", fixtures::roster_csv()))), SOSEI_OK)
      << host_.error();
  const sosei_plugin_descriptor* d = sosei_plugin_entry();
  EXPECT_EQ(sosei::testing::unnamed_keys(d, host_.observations()), std::vector<std::string>{});
  EXPECT_STREQ(sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION, "district_name")->name_ja, "地区");
  // yes / no, as emitted, read as what they mean.
  for (const char* flag : {"yes", "no"}) {
    const auto* n = sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION_VALUE, flag, "covered");
    ASSERT_NE(n, nullptr) << flag;
    EXPECT_NE(std::string(n->name_ja), flag);
    EXPECT_NE(std::string(n->name_en), flag);
  }
}

TEST_F(DisasterCoverage, TsvWithoutYearColumnTakesTheFiscalYearSetting) {
  const std::string h = write("h.tsv",
                              "行政区コード\t行政区名\t世帯数\n01\t北町\t120\n02\t南町\t80\n03\t東町\t200\n"
                              "04\t西町\t50\n05\t中町\t150\n");
  const std::string r = write("r.csv", fixtures::roster_csv());
  auto s = files(h, r);
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("h.tsv: 世帯数の表に年度（fiscal_year）の列も基準日（reference_date）の列もありません。"
                               "この表が何年度のものかを設定 'fiscal_years' に1つ書いてください"),
            std::string::npos)
      << host_.error();

  s["fiscal_years"] = "R6";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 350.0 * 100 / 600, 1e-9);
  EXPECT_EQ(host_.observations().size(), 5u + 3u);
}

TEST_F(DisasterCoverage, FiscalYearsSelectsAndMissingYearIsAConfigError) {
  auto s = files(write("h.csv", fixtures::households_csv()), write("r.csv", fixtures::roster_csv()));
  s["fiscal_years"] = "2025";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_TRUE(series("disaster_coverage", 2024).empty());
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);

  s["fiscal_years"] = "2024,2023";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("設定 'fiscal_years' の 2023年度の地区の行が h.csv にありません"), std::string::npos)
      << host_.error();
  EXPECT_NE(host_.error().find("（この表にある年度: 2024、2025）"), std::string::npos) << host_.error();
}

TEST_F(DisasterCoverage, ReferenceDateFromColumnOrSetting) {
  // On 2024-05-01 南東防災会 (02・03) is active too: 120+80+200+150 = 550 of 600.
  const std::string r = write("r.csv", fixtures::roster_csv());
  const std::string h = write("h.csv",
                              "基準日,行政区コード,行政区名,世帯数\n"
                              "令和6年5月1日,01,北町,120\n2024-05-01,02,南町,80\n2024-05-01,03,東町,200\n"
                              "2024-05-01,04,西町,50\n2024-05-01,05,中町,150\n");
  ASSERT_EQ(run(files(h, r)), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);

  auto s = files(write("h2.csv", fixtures::households_csv()), r);
  s["reference_date"] = "5月1日";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);  // nothing changed in April 2025

  s["reference_date"] = "April";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("設定 'reference_date' の「April」は月日として読めません"), std::string::npos)
      << host_.error();
}

TEST_F(DisasterCoverage, UnknownDistrictCodeIsAnErrorWithFileAndLine) {
  const std::string h = write("h.csv", fixtures::households_csv());
  const std::string r = write("r.csv", fixtures::roster_csv() + "幻の防災会,05・99,2020-01-01,\n");
  EXPECT_EQ(run(files(h, r)), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("r.csv:6"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("「幻の防災会」の地区コード 99 は世帯数の表 h.csv にありません"), std::string::npos)
      << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  // on_bad_row: skip → the organization is left out and counted; the rest is as hand-computed.
  ASSERT_EQ(run(files(h, r), /*skip_bad_rows=*/true), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_EQ(host_.rejections()[0].file, r);
  EXPECT_EQ(host_.rejections()[0].line, 6u);
  expect_hand_computed();
}

TEST_F(DisasterCoverage, BadRowsNameFileLineAndReason) {
  const std::string h = write("h.csv",
                              "年度,行政区コード,行政区名,世帯数\n"
                              "2024,01,北町,120\n"
                              "2024,02,南町,八十\n"   // 3: not a number
                              "2024,03,東町,200.5\n"  // 4: not whole
                              "2024,01,北町,10\n"     // 5: twice
                              "2024,,名無し,10\n"     // 6: no code
                              "R6,05,中町,150\n");
  const std::string r = write("r.csv",
                              "組織名,行政区コード,結成日,解散日\n"
                              "北南自主防災会,\"1,2\",平成31年4月1日,\n"
                              "日付なし会,1,,\n"                  // 3: no date
                              "月だけ会,1,2019-05,\n"             // 4: not a full date
                              "逆転会,5,2020-01-01,2019-01-01\n"  // 5: dissolved before
                              "空っぽ会,,2020-01-01,\n"           // 6: no codes
                              "中町防災会,5,2018-06-10,2025-03-31\n");
  EXPECT_EQ(run(files(h, r)), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("h.csv:3"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("h.csv:3: 世帯数: "), std::string::npos) << host_.error();

  ASSERT_EQ(run(files(h, r), /*skip_bad_rows=*/true), SOSEI_OK) << host_.error();
  const auto& rejected = host_.rejections();
  ASSERT_EQ(rejected.size(), 9u);
  // 南町 (02) was skipped in the register, so the roster's code 2 is unknown at r.csv:2.
  const std::vector<std::pair<std::string, std::string>> expected{
      {h + ":3", "世帯数: "},  // then the SDK's reason (parse_value)
      {h + ":4", "「200.5」は世帯数として読めません。0 以上の整数で書いてください"},
      {h + ":5", "地区 01 の 2024年度の行が2度目です（最初は 2 行目）"},
      {h + ":6", "「名無し」の行政区コードがありません"},
      {r + ":2", "「北南自主防災会」の地区コード 2 は世帯数の表 h.csv にありません"},
      {r + ":3", "「日付なし会」の結成日がありません"},
      {r + ":4", "結成日: 「2019-05」には日がありません。日まで書いてください"},
      {r + ":5", "「逆転会」の解散日（2019-01-01）が結成日（2020-01-01）より前です"},
      {r + ":6", "「空っぽ会」の受け持つ地区が書かれていません"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rejected[i].file + ":" + std::to_string(rejected[i].line), expected[i].first) << i;
    EXPECT_NE(rejected[i].reason.find(expected[i].second), std::string::npos) << rejected[i].reason;
  }
  // What is left: 01 (120) and 05 (150), 05 covered by 中町防災会 → 150 of 270.
  EXPECT_NEAR(value("disaster_coverage", 2024), 150.0 * 100 / 270, 1e-9);
}

// A roster marks a group still active with a dash or なし as often as with a blank cell.
TEST_F(DisasterCoverage, ADashOrNashiForTheDissolutionDayIsNotDissolved) {
  const std::string h = write("h.csv", "年度,行政区コード,行政区名,世帯数\n2024,01,北町,100\n2024,02,南町,300\n");
  const std::string r =
      write("r.csv", "組織名,行政区コード,結成日,解散日\n北町会,1,2019-04-01,－\n南町会,2,2019-04-01,なし\n");
  ASSERT_EQ(run(files(h, r)), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 100.0, 1e-9);
}

TEST_F(DisasterCoverage, TotalsRowIsCheckedNotCounted) {
  const std::string r = write("r.csv", fixtures::roster_csv());
  const std::string body =
      "年度,行政区コード,行政区名,世帯数\n2024,01,北町,120\n2024,02,南町,80\n2024,03,東町,200\n"
      "2024,04,西町,50\n2024,05,中町,150\n";
  ASSERT_EQ(run(files(write("h.csv", body + "2024,,合計,600\n"), r)), SOSEI_OK) << host_.error();
  EXPECT_EQ(value("total_households", 2024), 600);
  EXPECT_TRUE(host_.rejections().empty());

  auto s = files(write("h2.csv", body + "2024,合計,,601\n"), r);
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();  // warn only
  EXPECT_EQ(value("total_households", 2024), 600);
  s["households_check"] = "fail";
  EXPECT_EQ(run(s), SOSEI_ERR_REJECTED);
  EXPECT_NE(host_.error().find("h2.csv:7"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("合計の行は 601 世帯ですが、各地区を足すと 600 世帯です"), std::string::npos)
      << host_.error();
}

TEST_F(DisasterCoverage, TotalsAsRegistersSpellThemAreNeverDistricts) {
  const std::string r = write("r.csv", fixtures::roster_csv());
  const std::string body =
      "年度,行政区コード,行政区名,世帯数\n2024,01,北町,120\n2024,02,南町,80\n,,,\n2024,03,東町,200\n"
      "2024,04,西町,50\n2024,,稲築地区計,250\n2024,05,中町,150\n2024,,小　計,150\n";
  // A code beside the total (000), spaces inside it, brackets: the table's total, checked.
  for (const std::string total : {"2024,000,合計,600", "2024,,合　計,600", "2024,,【総数】,600", "2024,,市全体,600"}) {
    ASSERT_EQ(run(files(write("h.csv", body + total + "\n"), r)), SOSEI_OK) << total << ": " << host_.error();
    EXPECT_EQ(value("total_households", 2024), 600) << total;
    EXPECT_TRUE(host_.rejections().empty()) << total;
    for (const auto& l : host_.logs()) EXPECT_EQ(l.message.find("合計の行は"), std::string::npos) << l.message;
  }
}

TEST_F(DisasterCoverage, MissingColumnOrInputSettingIsExplained) {
  const std::string r = write("r.csv", fixtures::roster_csv());
  EXPECT_EQ(run(files(write("h.csv", "年度,コード,名前,人口\n2024,01,北町,300\n"), r)), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("h.csv:1: 地区名の列がありません。見出しを「行政区名」、「行政区」"), std::string::npos)
      << host_.error();

  EXPECT_EQ(run({{"households_file", write("h2.csv", fixtures::households_csv())}}), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("自主防災組織の名簿の取り込み元を、設定 'roster_file'"), std::string::npos)
      << host_.error();
}

TEST_F(DisasterCoverage, HeaderNamesAreFoundWhateverTheirWidthAndSpacing) {
  const std::string h = write("h.csv", "年　度, 行政区 コード ,行政区名,世帯数\n2024,01,北町,120\n2024,02,南町,80\n");
  const std::string r = write("r.csv", "組織名,行政区コード,結成日,解散日\n北南自主防災会,1,2019-04-01,\n");
  ASSERT_EQ(run(files(h, r)), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 60.0, 1e-9);  // 120 of 200
}

// ---- fetch: the fake host's canned replies ------------------------------------------------------

class DisasterCoverageFetch : public DisasterCoverage {
 protected:
  static constexpr const char* kHouseholds = "https://example.lg.jp/bousai/h.csv";
  static constexpr const char* kRoster = "https://example.lg.jp/bousai/r.csv";
  void SetUp() override {
    host_.setting("households_url", kHouseholds).setting("roster_url", kRoster);
    host_.http(kHouseholds, {200, fixtures::households_csv()}).http(kRoster, {200, fixtures::roster_csv()});
  }
};

TEST_F(DisasterCoverageFetch, FetchesBothThenUnchangedThenOnlyTheRosterChanged) {
  ASSERT_EQ(host_.run(sosei_plugin_entry()), SOSEI_OK) << host_.error();
  expect_hand_computed();
  EXPECT_TRUE(host_.rejections().empty());
  EXPECT_EQ(host_.saved_state().count(std::string("text ") + kHouseholds), 1u);  // kept for a later 304

  host_.http(kHouseholds, {304, ""}).http(kRoster, {304, ""});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_UNCHANGED) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  // The roster gains 東町's own organization before 2024-04-01: the register is 304 and comes from
  // the copy kept by the first run. FY2024: 350 + 200 = 550 of 600.
  host_.http(kRoster, {200, fixtures::roster_csv() + "東町防災会,3,2023-10-01,\n"});
  ASSERT_EQ(host_.run(sosei_plugin_entry()), SOSEI_OK) << host_.error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);
  EXPECT_EQ(district(2025, "03")->file, kHouseholds);
}

TEST_F(DisasterCoverageFetch, UnchangedRegisterWithoutAKeptCopyFailsWithAReason) {
  host_.http(kHouseholds, {304, ""});  // and no state: nothing was kept
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_IO);
  EXPECT_NE(host_.error().find("前回の内容の写しが保存されていません"), std::string::npos) << host_.error();
}

TEST_F(DisasterCoverageFetch, ServerErrorFailsWithTheUrl) {
  host_.http(kRoster, {500, "oops"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_IO);
  EXPECT_NE(host_.error().find(kRoster), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("500"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(DisasterCoverageFetch, HtmlPageInsteadOfTheTableIsExplained) {
  host_.http(kHouseholds, {200, "<!DOCTYPE html>\n<html><head><title>ログイン</title></head><body>…</body></html>\n"});
  EXPECT_EQ(host_.run(sosei_plugin_entry()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find(kHouseholds), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("表ではなく HTML のページのようです"), std::string::npos) << host_.error();
}

// ---- the bundled demo data ------------------------------------------------------------------

TEST_F(DisasterCoverage, DemoDataGivesTheCitysPublishedRates) {
  const std::filesystem::path data = std::filesystem::path(SOSEI_SOURCE_DIR) / "config" / "data" / "disaster_coverage";
  auto s = files((data / "households.csv").string(), (data / "roster.csv").string());  // read from disk
  s["fiscal_years"] = "R5,R7";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(std::round(value("disaster_coverage", 2023) * 100) / 100, 31.25);  // 基準値 (R5)
  EXPECT_EQ(std::round(value("disaster_coverage", 2025) * 100) / 100, 34.96);  // R7 実績
  EXPECT_TRUE(host_.rejections().empty());
  const auto districts = series("district_households", 2025);
  EXPECT_GE(districts.size(), 30u);
  EXPECT_LE(districts.size(), 60u);
}

}  // namespace
