// The real csv.so through the real host, for what the fake host does not do: CP932 detection, XLSX
// sheets, and HTTP (ETag kept for the next run, server errors). The plugin's logic is unit-tested on
// the fake host in csv_test.cpp.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "support/cp932.hpp"
#include "support/http_test_server.hpp"
#include "support/plugin_harness.hpp"

using namespace sosei;

namespace {

class CsvRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "csv"; }
  const char* plugin_file() const override { return CSV_PLUGIN_FILE; }

  // The host in these tests passes settings as given: no declared defaults are filled in.
  static host::ResolvedSettings mapping(const std::string& file) {
    return {{"file", file}, {"kpi_column", "kpi"}, {"period_column", "period"}, {"value_column", "value"}};
  }
};

TEST_F(CsvRuntime, ShiftJisFileIsDetectedAndConverted) {
  const auto file =
      write("sjis.csv", test_support::to_cp932("kpi,period,value,note\nstartups,令和6年度,８件,髙橋さん提供①\n"));
  auto s = mapping(file);
  s["note_column"] = "note";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.observations.size(), 1u);
  EXPECT_EQ(sink_.observations[0].period.year, 2024);
  EXPECT_EQ(sink_.observations[0].number, 8);
  EXPECT_EQ(sink_.observations[0].note, "髙橋さん提供①");
}

TEST_F(CsvRuntime, XlsxNamedSheetWithTheSameMapping) {
  const std::string file = path("book.xlsx");
  lxw_workbook* wb = workbook_new(file.c_str());
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
  auto s = mapping(file);
  s["sheet"] = "KPI値";
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.observations.size(), 2u);
  EXPECT_EQ(sink_.observations[0].number, 8);
  EXPECT_DOUBLE_EQ(sink_.observations[1].number, 34.96);
  EXPECT_EQ(sink_.observations[1].line, 3u);
}

TEST_F(CsvRuntime, FetchModeAndUnchangedAndServerErrors) {
  test_support::HttpTestServer server;
  server.put("values.csv", "kpi,period,value\nstartups,R7,8件\n", "\"abc\"");
  auto s = mapping("");
  s.erase("file");
  s["url"] = server.url("/ok/values.csv");
  ASSERT_EQ(run(s), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.observations.size(), 1u);
  const auto states = sink_.states;  // the ETag the host keeps for the next run
  EXPECT_EQ(states.at("http.etag " + server.url("/ok/values.csv")), "\"abc\"");

  EXPECT_EQ(run(s, false, 5000, states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());

  s["url"] = server.url("/status/500");
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(error().find("/status/500"), std::string::npos) << error();
  EXPECT_NE(error().find("HTTP 500"), std::string::npos) << error();

  s["url"] = server.url("/ok/missing.csv");
  EXPECT_EQ(run(s), host::RunResult::Failed);
  EXPECT_NE(error().find("HTTP 404"), std::string::npos) << error();
}

}  // namespace
