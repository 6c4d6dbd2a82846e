// The disaster_coverage plugin through the host: the hand-computed case in CSV, CP932 and XLSX, the
// year and reference-date settings, bad rows, fetch (200, 304, partial 304, failures) and the demo data.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "host/run_context.hpp"
#include "support/capture_sink.hpp"
#include "support/http_test_server.hpp"

namespace fs = std::filesystem;
using namespace sosei;
using test_support::CapturedObservation;
namespace fixtures = disaster_coverage::fixtures;

namespace {

class DisasterCoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-disaster-coverage-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs the plugin; `keep_state` carries the sink's state (ETags, cached texts) from the last run.
  host::RunResult run(host::ResolvedSettings settings, bool skip = false, bool keep_state = false,
                      long timeout_ms = 2000) {
    auto states = keep_state ? sink_.states : std::map<std::string, std::string>{};
    sink_ = test_support::CaptureSink();
    sink_.states = std::move(states);
    sink_.skip_bad_rows = skip;
    host::RunSettings rs;
    rs.source_id = "disaster_coverage";
    rs.settings = std::move(settings);
    rs.fetch.attempts = 1;
    rs.fetch.timeout_ms = timeout_ms;
    context_ = std::make_unique<host::RunContext>(host::load_plugin(DISASTER_COVERAGE_PLUGIN_FILE), std::move(rs), sink_);
    return context_->run();
  }

  host::ResolvedSettings files(const std::string& households, const std::string& roster) {
    return {{"households_file", households}, {"roster_file", roster}, {"encoding", "auto"}};
  }

  std::vector<const CapturedObservation*> series(const std::string& name, int fy) const {
    std::vector<const CapturedObservation*> out;
    for (const auto& o : sink_.observations)
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
      if (o->dimensions.at("district") == code) return o;
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

  fs::path dir_;
  test_support::CaptureSink sink_;
  std::unique_ptr<host::RunContext> context_;
};

TEST_F(DisasterCoverageTest, HandComputedTwoYearsFromCsv) {
  ASSERT_EQ(run(files(write("h.csv", fixtures::households_csv()), write("r.csv", fixtures::roster_csv()))),
            host::RunResult::Succeeded)
      << context_->error();
  expect_hand_computed();
  EXPECT_EQ(sink_.observations.size(), 2u * (5 + 3));

  // The KPI value is dimension-less and says what it counted.
  const auto kpi = series("disaster_coverage", 2025);
  ASSERT_EQ(kpi.size(), 1u);
  EXPECT_TRUE(kpi[0]->dimensions.empty());
  EXPECT_EQ(kpi[0]->period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(kpi[0]->note, "as of 2025-04-01: 453 of 600 households in covered districts");
  // Two decimals as the city publishes them.
  EXPECT_EQ(std::round(value("disaster_coverage", 2024) * 100) / 100, 58.33);

  // Drill-down: district 04 is covered from 2025-04-01 (established that day), 05 until 2025-03-31.
  const auto* west2024 = district(2024, "04");
  const auto* west2025 = district(2025, "04");
  const auto* middle2025 = district(2025, "05");
  ASSERT_TRUE(west2024 && west2025 && middle2025);
  EXPECT_EQ(west2024->dimensions.at("covered"), "no");
  EXPECT_EQ(west2025->dimensions.at("covered"), "yes");
  EXPECT_EQ(west2025->dimensions.at("district_name"), "西町");
  EXPECT_EQ(west2025->number, 50);
  EXPECT_EQ(middle2025->dimensions.at("covered"), "no");
  EXPECT_EQ(middle2025->number, 147);
  EXPECT_EQ(middle2025->line, 11u);  // the register's row
  EXPECT_EQ(district(2024, "05")->dimensions.at("covered"), "yes");
}

TEST_F(DisasterCoverageTest, HandComputedFromCp932) {
  ASSERT_EQ(run(files(write("h.csv", fixtures::to_cp932(fixtures::households_csv())),
                      write("r.csv", fixtures::to_cp932(fixtures::roster_csv())))),
            host::RunResult::Succeeded)
      << context_->error();
  expect_hand_computed();
  EXPECT_EQ(district(2025, "01")->dimensions.at("district_name"), "北町");
}

TEST_F(DisasterCoverageTest, HandComputedFromXlsxWithDateCells) {
  fixtures::write_households_xlsx(path("h.xlsx"));
  fixtures::write_roster_xlsx(path("r.xlsx"));
  ASSERT_EQ(run(files(path("h.xlsx"), path("r.xlsx"))), host::RunResult::Succeeded) << context_->error();
  expect_hand_computed();
}

TEST_F(DisasterCoverageTest, TsvWithoutYearColumnTakesTheFiscalYearSetting) {
  const std::string h = write("h.tsv", "行政区コード\t行政区名\t世帯数\n01\t北町\t120\n02\t南町\t80\n03\t東町\t200\n"
                                       "04\t西町\t50\n05\t中町\t150\n");
  const std::string r = write("r.csv", fixtures::roster_csv());
  auto s = files(h, r);
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("set fiscal_years"), std::string::npos) << context_->error();

  s["fiscal_years"] = "R6";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 350.0 * 100 / 600, 1e-9);
  EXPECT_EQ(sink_.observations.size(), 5u + 3u);
}

TEST_F(DisasterCoverageTest, FiscalYearsSelectsAndMissingYearIsAConfigError) {
  auto s = files(write("h.csv", fixtures::households_csv()), write("r.csv", fixtures::roster_csv()));
  s["fiscal_years"] = "2025";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  EXPECT_TRUE(series("disaster_coverage", 2024).empty());
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);

  s["fiscal_years"] = "2024,2023";
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("FY2023"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("2024, 2025"), std::string::npos) << context_->error();
}

TEST_F(DisasterCoverageTest, ReferenceDateFromColumnOrSetting) {
  // On 2024-05-01 南東防災会 (02・03) is active too: 120+80+200+150 = 550 of 600.
  const std::string r = write("r.csv", fixtures::roster_csv());
  const std::string h = write("h.csv", "基準日,行政区コード,行政区名,世帯数\n"
                                       "令和6年5月1日,01,北町,120\n2024-05-01,02,南町,80\n2024-05-01,03,東町,200\n"
                                       "2024-05-01,04,西町,50\n2024-05-01,05,中町,150\n");
  ASSERT_EQ(run(files(h, r)), host::RunResult::Succeeded) << context_->error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);

  auto s = files(write("h2.csv", fixtures::households_csv()), r);
  s["reference_date"] = "5月1日";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);  // nothing changed in April 2025

  s["reference_date"] = "April";
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("reference_date"), std::string::npos) << context_->error();
}

TEST_F(DisasterCoverageTest, UnknownDistrictCodeIsAnErrorWithFileAndLine) {
  const std::string h = write("h.csv", fixtures::households_csv());
  const std::string r = write("r.csv", fixtures::roster_csv() + "幻の防災会,05・99,2020-01-01,\n");
  EXPECT_EQ(run(files(h, r)), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("r.csv:6"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("unknown district code 99"), std::string::npos) << context_->error();
  EXPECT_TRUE(sink_.observations.empty());

  // on_bad_row: skip → the organization is left out and counted; the rest is as hand-computed.
  ASSERT_EQ(run(files(h, r), /*skip=*/true), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.rejections.size(), 1u);
  EXPECT_EQ(sink_.rejections[0].first, r + ":6");
  expect_hand_computed();
}

TEST_F(DisasterCoverageTest, BadRowsNameFileLineAndReason) {
  const std::string h = write("h.csv", "年度,行政区コード,行政区名,世帯数\n"
                                       "2024,01,北町,120\n"
                                       "2024,02,南町,八十\n"       // 3: not a number
                                       "2024,03,東町,200.5\n"      // 4: not whole
                                       "2024,01,北町,10\n"         // 5: twice
                                       "2024,,名無し,10\n"         // 6: no code
                                       "R6,05,中町,150\n");
  const std::string r = write("r.csv", "組織名,行政区コード,結成日,解散日\n"
                                       "北南自主防災会,\"1,2\",平成31年4月1日,\n"
                                       "日付なし会,1,,\n"                     // 3: no date
                                       "月だけ会,1,2019-05,\n"                // 4: not a full date
                                       "逆転会,5,2020-01-01,2019-01-01\n"     // 5: dissolved before
                                       "空っぽ会,,2020-01-01,\n"              // 6: no codes
                                       "中町防災会,5,2018-06-10,2025-03-31\n");
  EXPECT_EQ(run(files(h, r)), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("h.csv:3"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("households"), std::string::npos) << context_->error();

  ASSERT_EQ(run(files(h, r), /*skip=*/true), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.rejections.size(), 9u);
  // 南町 (02) was skipped in the register, so the roster's code 2 is unknown at r.csv:2.
  const std::vector<std::pair<std::string, std::string>> expected{
      {h + ":3", "households"},              {h + ":4", "whole number"},
      {h + ":5", "listed twice"},            {h + ":6", "no district code"},
      {r + ":2", "unknown district code 2"}, {r + ":3", "no established date"},
      {r + ":4", "not a full date"},         {r + ":5", "dissolved (2019-01-01) before"},
      {r + ":6", "no district code"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(sink_.rejections[i].first, expected[i].first) << i;
    EXPECT_NE(sink_.rejections[i].second.find(expected[i].second), std::string::npos) << sink_.rejections[i].second;
  }
  // What is left: 01 (120) and 05 (150), 05 covered by 中町防災会 → 150 of 270.
  EXPECT_NEAR(value("disaster_coverage", 2024), 150.0 * 100 / 270, 1e-9);
}

TEST_F(DisasterCoverageTest, TotalsRowIsCheckedNotCounted) {
  const std::string r = write("r.csv", fixtures::roster_csv());
  const std::string body = "年度,行政区コード,行政区名,世帯数\n2024,01,北町,120\n2024,02,南町,80\n2024,03,東町,200\n"
                           "2024,04,西町,50\n2024,05,中町,150\n";
  ASSERT_EQ(run(files(write("h.csv", body + "2024,,合計,600\n"), r)), host::RunResult::Succeeded) << context_->error();
  EXPECT_EQ(value("total_households", 2024), 600);
  EXPECT_TRUE(sink_.rejections.empty());

  auto s = files(write("h2.csv", body + "2024,合計,,601\n"), r);
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();  // warn only
  EXPECT_EQ(value("total_households", 2024), 600);
  s["households_check"] = "fail";
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("h2.csv:7"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("601"), std::string::npos) << context_->error();
}

TEST_F(DisasterCoverageTest, MissingColumnOrInputSettingIsExplained) {
  const std::string r = write("r.csv", fixtures::roster_csv());
  EXPECT_EQ(run(files(write("h.csv", "年度,コード,名前,人口\n2024,01,北町,300\n"), r)), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("h.csv:1: no column for the district name"), std::string::npos) << context_->error();

  EXPECT_EQ(run({{"households_file", write("h2.csv", fixtures::households_csv())}}), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("set either 'roster_file'"), std::string::npos) << context_->error();
}

// ---- fetch ----------------------------------------------------------------------------------

class DisasterCoverageFetchTest : public DisasterCoverageTest {
 protected:
  void SetUp() override {
    DisasterCoverageTest::SetUp();
    server_.put("h.csv", fixtures::households_csv());
    server_.put("r.csv", fixtures::roster_csv());
  }
  host::ResolvedSettings urls(const std::string& households, const std::string& roster) {
    return {{"households_url", server_.url(households)}, {"roster_url", server_.url(roster)}, {"encoding", "auto"}};
  }
  // HttpTestServer answers 304 when If-Modified-Since matches even if If-None-Match does not (its
  // Last-Modified never changes; RFC 9110 says If-None-Match wins). A changed file is simulated by
  // also dropping the kept Last-Modified, as for a server that sends none.
  void forget_last_modified(const std::string& path) { sink_.states.erase("http.last_modified " + server_.url(path)); }
  test_support::HttpTestServer server_;
};

TEST_F(DisasterCoverageFetchTest, FetchesBothThenUnchangedThenOnlyTheRosterChanged) {
  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv")), host::RunResult::Succeeded) << context_->error();
  expect_hand_computed();
  EXPECT_EQ(sink_.states.at("http.etag " + server_.url("/ok/h.csv")), "\"v1\"");
  EXPECT_EQ(sink_.rejections.size(), 0u);

  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv"), false, /*keep_state=*/true), host::RunResult::Unchanged)
      << context_->error();
  EXPECT_TRUE(sink_.observations.empty());

  // The roster gains 東町's own organization before 2024-04-01: the register is 304 and comes from
  // the copy kept by the first run. FY2024: 350 + 200 = 550 of 600.
  server_.put("r.csv", fixtures::roster_csv() + "東町防災会,3,2023-10-01,\n", "\"v2\"");
  forget_last_modified("/ok/r.csv");
  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv"), false, /*keep_state=*/true), host::RunResult::Succeeded)
      << context_->error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);
  EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);
  EXPECT_EQ(district(2025, "03")->file, server_.url("/ok/h.csv"));
}

TEST_F(DisasterCoverageFetchTest, UnchangedRegisterWithoutAKeptCopyFailsWithAReason) {
  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv")), host::RunResult::Succeeded) << context_->error();
  sink_.states.erase("plugin.text " + server_.url("/ok/h.csv"));
  server_.put("r.csv", fixtures::roster_csv() + "\n", "\"v2\"");
  forget_last_modified("/ok/r.csv");
  EXPECT_EQ(run(urls("/ok/h.csv", "/ok/r.csv"), false, true), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("no copy of it was kept"), std::string::npos) << context_->error();
}

TEST_F(DisasterCoverageFetchTest, ServerErrorFailsWithTheUrl) {
  EXPECT_EQ(run(urls("/ok/h.csv", "/status/500")), host::RunResult::Failed);
  EXPECT_NE(context_->error().find(server_.url("/status/500")), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("500"), std::string::npos) << context_->error();
  EXPECT_TRUE(sink_.observations.empty());
}

TEST_F(DisasterCoverageFetchTest, SlowReplyPastTheTimeoutFails) {
  EXPECT_EQ(run(urls("/slow/1500", "/ok/r.csv"), false, false, /*timeout_ms=*/200), host::RunResult::Failed);
  EXPECT_NE(context_->error().find(server_.url("/slow/1500")), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("timed out"), std::string::npos) << context_->error();
}

TEST_F(DisasterCoverageFetchTest, TruncatedBodyFails) {
  EXPECT_EQ(run(urls("/ok/h.csv", "/truncated/r.csv")), host::RunResult::Failed);
  EXPECT_NE(context_->error().find(server_.url("/truncated/r.csv")), std::string::npos) << context_->error();
  EXPECT_TRUE(sink_.observations.empty());
}

TEST_F(DisasterCoverageFetchTest, HtmlPageInsteadOfTheTableIsExplained) {
  server_.put("login.html", "<!DOCTYPE html>\n<html><head><title>ログイン</title></head><body>…</body></html>\n");
  EXPECT_EQ(run(urls("/ok/login.html", "/ok/r.csv")), host::RunResult::Failed);
  EXPECT_NE(context_->error().find(server_.url("/ok/login.html")), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("HTML page"), std::string::npos) << context_->error();
}

// ---- the bundled demo data ------------------------------------------------------------------

TEST_F(DisasterCoverageTest, DemoDataGivesTheCitysPublishedRates) {
  const fs::path data = fs::path(SOSEI_SOURCE_DIR) / "config" / "data" / "disaster_coverage";
  auto s = files((data / "households.csv").string(), (data / "roster.csv").string());
  s["fiscal_years"] = "R5,R7";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  EXPECT_EQ(std::round(value("disaster_coverage", 2023) * 100) / 100, 31.25);  // 基準値 (R5)
  EXPECT_EQ(std::round(value("disaster_coverage", 2025) * 100) / 100, 34.96);  // R7 実績
  EXPECT_TRUE(sink_.rejections.empty());
  const auto districts = series("district_households", 2025);
  EXPECT_GE(districts.size(), 30u);
  EXPECT_LE(districts.size(), 60u);
}

}  // namespace
