// The workbook in LibreOffice: the Kama City report as of FY2025 is converted to PDF by headless
// LibreOffice Calc (Debian's `libreoffice-calc`, installed by tools/setup). The conversion must
// succeed and print every sheet on A4 landscape pages (MediaBox 842 × 595 points) fitted to the
// width: a handful of pages, not one per column strip. Without soffice the test is skipped, or fails
// when SOSEI_REQUIRE_BROWSER=1 (tools/run-tests sets it for the browser checks of the reports).
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "e2e/sosei_runner.hpp"

namespace {

using sosei::test_support::read_file;
using sosei::test_support::SoseiRunner;

bool have(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(ReportLibreOffice, WorkbookConvertsToA4LandscapePages) {
  if (!have("soffice")) {
    const char* require = std::getenv("SOSEI_REQUIRE_BROWSER");
    if (require && std::string(require) == "1")
      FAIL() << "soffice is not installed but SOSEI_REQUIRE_BROWSER=1: run tools/setup (libreoffice-calc)";
    GTEST_SKIP() << "soffice is not installed (tools/setup installs libreoffice-calc)";
  }
  SoseiRunner runner("report-libreoffice");
  ASSERT_EQ(runner.run("import --all").exit_code, 0);
  const auto xlsx = runner.dir() / "report.xlsx";
  const auto r = runner.run("report --as-of FY2025 -o '" + xlsx.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // Its own profile folder, so parallel runs and a desktop LibreOffice do not share one.
  const auto log = runner.dir() / "soffice.log";
  const std::string cmd = "cd '" + runner.dir().string() + "' && HOME='" + runner.dir().string() +
                          "' timeout 300 soffice --headless --norestore --nolockcheck '-env:UserInstallation=file://" +
                          (runner.dir() / "lo-profile").string() + "' --convert-to pdf --outdir '" +
                          runner.dir().string() + "' '" + xlsx.string() + "' >'" + log.string() + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << read_file(log);
  const auto pdf_file = runner.dir() / "report.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf_file)) << read_file(log);
  const std::string pdf = read_file(pdf_file);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");

  // Page objects (not the /Pages tree) and their media boxes.
  const std::regex page("/Type\\s*/Page[^s]");
  const auto pages = std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator());
  // Three sheets, each fitted to the width: at least one page each, and few in all (the project
  // table's 16 rows, the summary, the numeric targets).
  EXPECT_GE(pages, 3);
  EXPECT_LE(pages, 9);
  const std::regex box("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");
  int boxes = 0;
  for (std::sregex_iterator it(pdf.begin(), pdf.end(), box), end; it != end; ++it, ++boxes) {
    const double w = std::stod((*it)[1]), h = std::stod((*it)[2]);
    EXPECT_NEAR(w, 842, 2) << "page width in points (A4 landscape: 842)";
    EXPECT_NEAR(h, 595, 2) << "page height in points (A4 landscape: 595)";
  }
  EXPECT_GE(boxes, 1);
}

}  // namespace
