// The csv plugin through the host: mappings, notations, encodings, XLSX, bad rows, fetch.
#include <gtest/gtest.h>
#include <iconv.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>

#include "host/run_context.hpp"
#include "support/capture_sink.hpp"
#include "support/http_test_server.hpp"

namespace fs = std::filesystem;
using namespace sosei;

namespace {

class CsvPluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-csv-plugin-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  host::RunResult run(host::ResolvedSettings settings, bool skip = false) {
    sink_ = test_support::CaptureSink();
    sink_.skip_bad_rows = skip;
    host::RunSettings rs;
    rs.source_id = "test";
    rs.settings = std::move(settings);
    rs.fetch.attempts = 1;
    rs.fetch.timeout_ms = 2000;
    context_ = std::make_unique<host::RunContext>(host::load_plugin(CSV_PLUGIN_FILE), std::move(rs), sink_);
    return context_->run();
  }

  static host::ResolvedSettings mapping(const std::string& file) {
    return {{"file", file}, {"kpi_column", "kpi"}, {"period_column", "period"}, {"value_column", "value"},
            {"encoding", "auto"}, {"delimiter", "auto"}, {"period_type", "fiscal_year"}};
  }

  fs::path dir_;
  test_support::CaptureSink sink_;
  std::unique_ptr<host::RunContext> context_;
};

std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

}  // namespace


TEST_F(CsvPluginTest, ParsesValuesPeriodsNotesAndLines) {
  const auto file = write("values.csv",
                          "kpi,period,value,note\r\n"
                          "startups,R5,5件,baseline\r\n"
                          "tourism,2024年,19.9万人,\"calendar year,\npublished late\"\r\n"
                          "net,令和7年度,\"▲1,833人\",\r\n"
                          "survey,R7,未実施,\r\n"
                          "rate,FY2025,３４．９６％,\r\n");
  auto s = mapping(file);
  s["note_column"] = "note";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.observations.size(), 5u);
  const auto& o = sink_.observations;
  EXPECT_EQ(o[0].series, "startups");
  EXPECT_EQ(o[0].period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(o[0].period.year, 2023);
  EXPECT_EQ(o[0].number, 5);
  EXPECT_EQ(o[0].note, "baseline");
  EXPECT_EQ(o[0].line, 2u);
  EXPECT_EQ(o[1].period.kind, SOSEI_PERIOD_CALENDAR_YEAR);
  EXPECT_EQ(o[1].number, 199000);
  EXPECT_EQ(o[1].note, "calendar year,\npublished late");
  EXPECT_EQ(o[2].line, 5u);  // the quoted newline pushed it down a line
  EXPECT_EQ(o[2].number, -1833);
  EXPECT_EQ(o[2].period.year, 2025);
  EXPECT_EQ(o[3].value_kind, SOSEI_VALUE_NOT_CARRIED_OUT);
  EXPECT_DOUBLE_EQ(o[4].number, 34.96);
  EXPECT_NE(o[4].file.find("values.csv"), std::string::npos);
}

TEST_F(CsvPluginTest, FixedKpiTsvWithDimensionsAndBomAndCalendarYears) {
  const auto file = write("bus.tsv",
                          "\xEF\xBB\xBF"
                          "路線\t年\t利用者数\n"
                          "山田線\t2024\t1,200\n"
                          "稲築線\t2024\t800\n");
  host::ResolvedSettings s = {{"file", file},           {"kpi", "city_bus_riders"}, {"period_column", "年"},
                              {"value_column", "利用者数"}, {"dimension_columns", "route=路線"},
                              {"period_type", "calendar_year"}};
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.observations.size(), 2u);
  EXPECT_EQ(sink_.observations[0].series, "city_bus_riders");
  EXPECT_EQ(sink_.observations[0].dimensions.at("route"), "山田線");
  EXPECT_EQ(sink_.observations[0].period.kind, SOSEI_PERIOD_CALENDAR_YEAR);
  EXPECT_EQ(sink_.observations[1].number, 800);
}

TEST_F(CsvPluginTest, ShiftJisFileIsDetectedAndConverted) {
  const auto file = write("sjis.csv", to_cp932("kpi,period,value,note\nstartups,令和6年度,８件,髙橋さん提供①\n"));
  auto s = mapping(file);
  s["note_column"] = "note";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.observations.size(), 1u);
  EXPECT_EQ(sink_.observations[0].period.year, 2024);
  EXPECT_EQ(sink_.observations[0].number, 8);
  EXPECT_EQ(sink_.observations[0].note, "髙橋さん提供①");
}

TEST_F(CsvPluginTest, XlsxNamedSheetWithTheSameMapping) {
  const std::string path = (dir_ / "book.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* other = workbook_add_worksheet(wb, "README");
  worksheet_write_string(other, 0, 0, "not this sheet", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "KPI値");
  worksheet_write_string(ws, 0, 0, "kpi", nullptr);
  worksheet_write_string(ws, 0, 1, "period", nullptr);
  worksheet_write_string(ws, 0, 2, "value", nullptr);
  worksheet_write_string(ws, 1, 0, "startups", nullptr);
  worksheet_write_string(ws, 1, 1, "R7", nullptr);
  worksheet_write_number(ws, 1, 2, 8, nullptr);
  worksheet_write_string(ws, 2, 0, "rate", nullptr);
  worksheet_write_string(ws, 2, 1, "FY2025", nullptr);
  worksheet_write_number(ws, 2, 2, 34.96, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto s = mapping(path);
  s["sheet"] = "KPI値";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.observations.size(), 2u);
  EXPECT_EQ(sink_.observations[0].number, 8);
  EXPECT_DOUBLE_EQ(sink_.observations[1].number, 34.96);
  EXPECT_EQ(sink_.observations[1].line, 3u);
}

TEST_F(CsvPluginTest, BadRowFailsTheRunWithFileLineAndReason) {
  const auto file = write("bad.csv", "kpi,period,value\nstartups,R5,5件\nstartups,R6,five\nstartups,R7,8件\n");
  EXPECT_EQ(run(mapping(file)), host::RunResult::Failed);
  ASSERT_EQ(sink_.rejections.size(), 1u);
  EXPECT_NE(sink_.rejections[0].first.find("bad.csv:3"), std::string::npos) << sink_.rejections[0].first;
  EXPECT_NE(sink_.rejections[0].second.find("\"five\" is not a number"), std::string::npos) << sink_.rejections[0].second;
  EXPECT_NE(context_->error().find("bad.csv:3"), std::string::npos) << context_->error();
  EXPECT_EQ(sink_.observations.size(), 1u);  // stopped at the bad row
}

TEST_F(CsvPluginTest, SkipModeCountsBadRowsAndGoesOn) {
  const auto file = write("bad.csv", "kpi,period,value\nstartups,R5,5件\nstartups,R99X,5\nstartups,R6,five\n,R6,3\nstartups,R7,8件\n");
  ASSERT_EQ(run(mapping(file), /*skip=*/true), host::RunResult::Succeeded) << context_->error();
  EXPECT_EQ(sink_.observations.size(), 2u);
  ASSERT_EQ(sink_.rejections.size(), 3u);
  EXPECT_NE(sink_.rejections[2].second.find("KPI cell is empty"), std::string::npos);
}

TEST_F(CsvPluginTest, MissingColumnNamesTheColumnsPresent) {
  const auto file = write("cols.csv", "kpi,year,value\nstartups,2025,1\n");
  EXPECT_EQ(run(mapping(file)), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("period"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("year"), std::string::npos) << context_->error();
}

TEST_F(CsvPluginTest, ConflictingKpiSettingsAreAConfigError) {
  auto s = mapping(write("x.csv", "kpi,period,value\n"));
  s["kpi"] = "startups";
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("exactly one of 'kpi'"), std::string::npos) << context_->error();
}

TEST_F(CsvPluginTest, FetchModeAndUnchangedAndServerErrors) {
  test_support::HttpTestServer server;
  server.put("values.csv", "kpi,period,value\nstartups,R7,8件\n", "\"abc\"");
  auto s = mapping("");
  s.erase("file");
  s["url"] = server.url("/ok/values.csv");
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << context_->error();
  ASSERT_EQ(sink_.observations.size(), 1u);
  const auto states = sink_.states;  // the ETag the host keeps for the next run
  EXPECT_EQ(states.at("http.etag " + server.url("/ok/values.csv")), "\"abc\"");

  sink_ = test_support::CaptureSink();
  sink_.states = states;
  host::RunSettings rs;
  rs.source_id = "test";
  rs.settings = s;
  host::RunContext again(host::load_plugin(CSV_PLUGIN_FILE), rs, sink_);
  EXPECT_EQ(again.run(), host::RunResult::Unchanged) << again.error();
  EXPECT_TRUE(sink_.observations.empty());

  s["url"] = server.url("/status/500");
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("/status/500"), std::string::npos) << context_->error();
  EXPECT_NE(context_->error().find("HTTP 500"), std::string::npos) << context_->error();

  s["url"] = server.url("/ok/missing.csv");
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(context_->error().find("HTTP 404"), std::string::npos) << context_->error();
}
