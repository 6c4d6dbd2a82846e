// `sosei report` end to end on the bundled Kama City data: every format from one import, stdout,
// format from the extension, and the errors a user can make.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/sosei_runner.hpp"

namespace {

using nlohmann::json;
using sosei::test_support::read_file;
using sosei::test_support::SoseiRunner;

class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runner_ = new SoseiRunner("report-cli");
    const auto r = runner_->run("import --all");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    delete runner_;
    runner_ = nullptr;
  }
  static SoseiRunner* runner_;
};
SoseiRunner* ReportCli::runner_ = nullptr;

TEST_F(ReportCli, JsonHasTheCitysTotalsAsOfFy2025) {
  const auto r = runner_->run("report --as-of FY2025 --format json -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2026-03-31");
  EXPECT_EQ(j["projects"].size(), 16u);
  EXPECT_EQ(j["numeric_targets"].size(), 2u);
  const json& total = j["goal_summary"].back();
  EXPECT_EQ(total["kpis"], 16);
  // docs/evaluation.md: ○ 3 (19 %), △ 11 (69 %), × 2 (13 %).
  EXPECT_EQ(total["grades"][0]["count"], 3);
  EXPECT_EQ(total["grades"][0]["share_percent"], 19);
  EXPECT_EQ(total["grades"][1]["count"], 11);
  EXPECT_EQ(total["grades"][2]["count"], 2);
  // Drill-downs from the plugins' stored series: bus by route, tourism by spot, coverage by district.
  std::map<std::string, std::vector<std::string>> keys;
  for (const auto& k : j["projects"])
    for (const auto& d : k["drilldowns"]) keys[k["id"]] = d["dimension_keys"].get<std::vector<std::string>>();
  EXPECT_EQ(keys["city_bus_riders"].front(), "route");
  EXPECT_EQ(keys["tourism_visitors"].front(), "spot");
  EXPECT_EQ(keys["disaster_coverage"].front(), "district_name");
}

// The drill-downs of a report as JSON, by KPI id (the first drill-down of each).
json drilldowns_by_kpi(const std::string& out) {
  const json report = json::parse(out);
  json by_kpi;
  for (const auto& k : report["projects"])
    if (!k["drilldowns"].empty()) by_kpi[k["id"].get<std::string>()] = k["drilldowns"][0];
  return by_kpi;
}

TEST_F(ReportCli, DrilldownsAreCaptionedWithThePluginsDisplayNames) {
  const auto r = runner_->run("report --as-of FY2025 --format json -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json d = drilldowns_by_kpi(r.out);
  EXPECT_EQ(d["tourism_visitors"]["caption"], "観光入込客数（月別・観光地点別）");
  EXPECT_EQ(d["tourism_visitors"]["dimension_keys"][0], "spot");  // the raw keys stay beside the names
  EXPECT_EQ(d["tourism_visitors"]["dimension_names"][0], "観光地点");
  EXPECT_EQ(d["city_bus_riders"]["dimension_names"][0], "路線");
  const json& coverage = d["disaster_coverage"];
  EXPECT_EQ(coverage["dimension_names"], json::array({"地区", "自主防災組織"}));
  for (const auto& row : coverage["rows"]) {
    EXPECT_TRUE(row["dimensions"][1] == "yes" || row["dimensions"][1] == "no") << row;
    EXPECT_TRUE(row["labels"][1] == "活動あり" || row["labels"][1] == "活動なし") << row;
  }

  const auto en = runner_->run("report --as-of FY2025 --format json --lang en -o -");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_EQ(drilldowns_by_kpi(en.out)["tourism_visitors"]["caption"], "Visitors by month and spot");

  const auto html = runner_->run("report --as-of FY2025 --format html -o -");
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("<th data-key=\"district_name\">地区</th>"), std::string::npos);
  EXPECT_EQ(html.out.find("visitors per month and spot"), std::string::npos);
  EXPECT_EQ(html.out.find(">yes<"), std::string::npos);
}

// The districts' table (40 district × covered rows) is cut at --drilldown-rows, the rest summed; 0
// shows every row, as a council that wants the whole table prints it.
TEST_F(ReportCli, DrilldownRowsCutsTheTablesAndZeroShowsThemWhole) {
  const auto cut = runner_->run("report --as-of FY2025 --format json --drilldown-rows 5 -o -");
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  const json d = drilldowns_by_kpi(cut.out)["disaster_coverage"];
  EXPECT_EQ(d["rows"].size(), 5u);
  ASSERT_TRUE(d["others"].is_object()) << d;
  const auto whole = runner_->run("report --as-of FY2025 --format json --drilldown-rows 0 -o -");
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const json all = drilldowns_by_kpi(whole.out)["disaster_coverage"];
  EXPECT_TRUE(all["others"].is_null());
  EXPECT_EQ(all["rows"].size(), 5u + d["others"]["rows"].get<std::size_t>());
  // What was cut is summed, not lost: per year, the shown rows and the others add up to the whole.
  for (std::size_t y = 0; y < all["years"].size(); ++y) {
    double whole_sum = 0, cut_sum = 0;
    for (const auto& row : all["rows"])
      if (!row["values"][y].is_null()) whole_sum += row["values"][y].get<double>();
    for (const auto& row : d["rows"])
      if (!row["values"][y].is_null()) cut_sum += row["values"][y].get<double>();
    if (!d["others"]["values"][y].is_null()) cut_sum += d["others"]["values"][y].get<double>();
    EXPECT_EQ(cut_sum, whole_sum) << y;
  }
  EXPECT_EQ(runner_->run("report --format json --drilldown-rows many -o -").exit_code, 2);
}

TEST_F(ReportCli, EveryFormatToAFileWithTheFormatFromTheExtension) {
  for (const char* name : {"report.html", "report.xlsx", "report.csv", "report.md", "report.json"}) {
    const auto path = runner_->dir() / name;
    const auto r = runner_->run("report --as-of FY2025 -o '" + path.string() + "'");
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_NE(r.out.find(path.string() + " に書き出しました"), std::string::npos) << r.out;
    ASSERT_TRUE(std::filesystem::exists(path)) << name;
    EXPECT_GT(std::filesystem::file_size(path), 1000u) << name;
  }
  EXPECT_EQ(read_file(runner_->dir() / "report.xlsx").substr(0, 2), "PK");
  EXPECT_EQ(read_file(runner_->dir() / "report.csv").substr(0, 3), "\xEF\xBB\xBF");
  const std::string html = read_file(runner_->dir() / "report.html");
  EXPECT_NE(html.find("data-series=\"bus_ridership/fiscal_year_boardings\""), std::string::npos);
  EXPECT_NE(html.find("data-series=\"tourism/monthly_visitors\""), std::string::npos);
  EXPECT_NE(html.find("data-series=\"disaster_coverage/district_households\""), std::string::npos);
  // No temporary file is left beside the reports.
  for (const auto& e : std::filesystem::directory_iterator(runner_->dir()))
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(ReportCli, MarkdownInEnglishWithWesternYearsToStdout) {
  const auto r = runner_->run("report --as-of FY2025 --format md --lang en --years western -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("## Achievement by basic goal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| 2025 | 2026 | 2027 | 2028 | 2029 |"), std::string::npos);
  EXPECT_NE(r.out.find("| Founders supported by the startup programme |"), std::string::npos);
  EXPECT_NE(r.out.find("100,084"), std::string::npos);
}

TEST_F(ReportCli, CsvInCp932AndOtherTables) {
  const auto r = runner_->run("report --as-of FY2025 --format csv --encoding cp932 --table goals -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\x8A\xEE\x96\x7B\x96\xDA\x95\x57", 0), 0u);  // 基本目標 in CP932, no BOM
  const auto t = runner_->run("report --as-of FY2025 --format csv --table targets -o -");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("net_migration"), std::string::npos);
  EXPECT_NE(t.out.find("births"), std::string::npos);
}

TEST_F(ReportCli, UsageErrorsSayWhatToDo) {
  auto r = runner_->run("report -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format html|csv|md|json で形式を指定してください"), std::string::npos) << r.err;
  r = runner_->run("report -o report.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("「report.pdf」からは形式が分かりません"), std::string::npos) << r.err;
  r = runner_->run("report -o report.pdf --lang en");
  EXPECT_NE(r.err.find("cannot tell the format from 'report.pdf'"), std::string::npos) << r.err;
  r = runner_->run("report --format xlsx -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("標準出力には書き出せません"), std::string::npos) << r.err;
  r = runner_->run("report --format md --encoding cp932 -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("csv だけに使えます"), std::string::npos) << r.err;
  r = runner_->run("report --format html -o - --scheme nosuch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nosuch"), std::string::npos) << r.err;
  r = runner_->run("report --format html -o - --as-of tomorrow");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
  r = runner_->run("report --format html --lang fr -o -");
  EXPECT_EQ(r.exit_code, 2);
  r = runner_->run("report --format html");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output"), std::string::npos) << r.err;
}

TEST_F(ReportCli, UnwritablePathFailsWithoutAPartialFile) {
  const auto r =
      runner_->run("report --format html -o '" + (runner_->dir() / "no-such-folder" / "r.html").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("がありません。先に作ってください"), std::string::npos) << r.err;
  const auto en = runner_->run("report --format html --lang en -o '" +
                               (runner_->dir() / "no-such-folder" / "r.html").string() + "'");
  EXPECT_NE(en.err.find("does not exist"), std::string::npos) << en.err;
  EXPECT_FALSE(std::filesystem::exists(runner_->dir() / "no-such-folder"));
}

TEST_F(ReportCli, HelpListsTheOptions) {
  const auto r = runner_->run("report --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--format", "--as-of", "--scheme", "--lang", "--years", "--output", "--encoding",
                             "--table", "--drilldown-rows"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
}

}  // namespace
