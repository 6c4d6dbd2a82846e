// Golden files of the text formats (Markdown, CSV, JSON) for the fixture's report. A change in
// layout shows up as a diff of tests/report/golden/. After an intended change, regenerate them:
//   SOSEI_UPDATE_GOLDEN=1 ctest --test-dir <build> -R ReportGolden
// and review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "report/writers.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

const std::filesystem::path kGoldenDir = std::filesystem::path(SOSEI_TEST_SOURCE_DIR) / "tests" / "report" / "golden";

void expect_golden(const std::string& name, const std::string& actual) {
  const auto path = kGoldenDir / name;
  const char* update = std::getenv("SOSEI_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing; run with SOSEI_UPDATE_GOLDEN=1 to create it";
  const std::string expected = read_file(path);
  if (expected == actual) return;
  // Name the first differing line: a whole-file diff of a wide table is unreadable in a test log.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 1;
  while (std::getline(e, el) && std::getline(a, al) && el == al) ++line;
  ADD_FAILURE() << name << " differs from the golden file at line " << line << ":\n  expected: " << el
                << "\n  actual:   " << al
                << "\n(after an intended change: SOSEI_UPDATE_GOLDEN=1, then review the diff)";
}

TEST(ReportGolden, MarkdownJapaneseEraYears) { expect_golden("report.md", markdown_report(model())); }

TEST(ReportGolden, MarkdownEnglishWesternYears) {
  expect_golden("report-en.md", markdown_report(model({Lang::En, YearStyle::Western, {}})));
}

TEST(ReportGolden, CsvProjects) {
  expect_golden("projects.csv", csv_report(model(), CsvTable::Projects, CsvEncoding::Utf8Bom));
}

TEST(ReportGolden, CsvGoalSummary) {
  expect_golden("goals.csv", csv_report(model(), CsvTable::Goals, CsvEncoding::Utf8Bom));
}

TEST(ReportGolden, CsvNumericTargets) {
  expect_golden("targets.csv", csv_report(model(), CsvTable::Targets, CsvEncoding::Utf8Bom));
}

TEST(ReportGolden, Json) { expect_golden("report.json", json_report(model())); }

}  // namespace
}  // namespace sosei::report::test
