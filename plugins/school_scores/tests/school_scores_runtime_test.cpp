// The real school_scores.so through the real host, for what the fake host does not do: CP932
// detection, XLSX sheets with numeric cells, and HTTP (ETag, timeouts, truncated bodies). The
// plugin's logic is unit-tested on the fake host in school_scores_test.cpp.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "score_fixtures.hpp"
#include "support/cp932.hpp"
#include "support/http_test_server.hpp"
#include "support/plugin_harness.hpp"

using namespace sosei;
using score_fixtures::kFy2024;

namespace {

class SchoolScoresRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "school_scores"; }
  const char* plugin_file() const override { return PLUGIN_FILE; }

  // The value of the city-wide observation of `series` for the year and level ("" = the KPI).
  double value(const std::string& series, int year, const std::string& level = "") const {
    double v = -1;
    int found = 0;
    for (const auto& o : of(series))
      if (o.period.year == year && (level.empty() ? o.dimensions.empty() : o.dimensions.at("level") == level))
        v = o.number, ++found;
    EXPECT_EQ(found, 1) << series << " " << year << " " << level;
    return v;
  }
};

TEST_F(SchoolScoresRuntime, ShiftJisTsv) {
  std::string tsv = kFy2024;
  for (char& c : tsv)
    if (c == ',') c = '\t';
  ASSERT_EQ(run({{"file", write("r6.tsv", test_support::to_cp932(tsv))}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(value("school_scores", 2024), 95.6282271945, 1e-9);
}

TEST_F(SchoolScoresRuntime, XlsxNamedSheetWithNumericCells) {
  const std::string file = path("results.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  workbook_add_worksheet(book, "説明");
  lxw_worksheet* ws = workbook_add_worksheet(book, "結果");
  const char* header[] = {"年度", "校種", "教科", "市平均正答率", "全国平均正答率"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  struct Row {
    const char* level;
    const char* subject;
    double city, national;
  } rows[] = {{"小学校", "国語", 65.0, 67.0},
              {"小学校", "算数", 70.2, 63.4},
              {"中学校", "国語", 58.0, 58.1},
              {"中学校", "数学", 48.0, 52.5}};
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    worksheet_write_number(ws, r, 0, 2024, nullptr);
    worksheet_write_string(ws, r, 1, row.level, nullptr);
    worksheet_write_string(ws, r, 2, row.subject, nullptr);
    worksheet_write_number(ws, r, 3, row.city, nullptr);
    worksheet_write_number(ws, r, 4, row.national, nullptr);
    ++r;
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  ASSERT_EQ(run({{"file", file}, {"sheet", "結果"}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(value("school_scores", 2024), 95.6282271945, 1e-9);
  EXPECT_NEAR(value("level_average", 2024, "小"), 103.8702387118, 1e-9);
}

TEST_F(SchoolScoresRuntime, FetchOkUnchangedSlowAndTruncated) {
  test_support::HttpTestServer server;
  server.put("r6.csv", kFy2024, "\"fy2024\"");
  const std::string url = server.url("/ok/r6.csv");
  ASSERT_EQ(run({{"url", url}}), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(value("school_scores", 2024), 95.6282271945, 1e-9);
  EXPECT_EQ(run({{"url", url}}, false, 5000, sink_.states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());

  EXPECT_EQ(run({{"url", server.url("/slow/3000")}}, false, 300), host::RunResult::Failed);
  EXPECT_NE(error().find("/slow/3000"), std::string::npos) << error();
  EXPECT_EQ(run({{"url", server.url("/truncated/r6.csv")}}), host::RunResult::Failed);
  EXPECT_TRUE(of("school_scores").empty());
}

}  // namespace
