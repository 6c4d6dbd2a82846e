// The HTML report in a real browser: headless Chromium (Debian's `chromium`) loads the Kama City
// report, runs its script, and the dumped DOM must show the table rows and chart marks with the
// expected numbers; a screenshot is written under the build tree for people to look at. Without
// Chromium the test is skipped, or fails when SOSEI_REQUIRE_BROWSER=1 (tools/run-tests sets it).
// At 1366 × 900 the page must not scroll sideways and the project table's grade column stays in view.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "e2e/sosei_runner.hpp"

namespace {

using sosei::test_support::read_file;
using sosei::test_support::SoseiRunner;

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    const std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return name;
  }
  return "";
}

// One tag's text from its opening marker to the closing tag, for checks within one row or chart.
std::string element(const std::string& dom, const std::string& opening, const std::string& closing) {
  const auto at = dom.find(opening);
  if (at == std::string::npos) return "";
  return dom.substr(at, dom.find(closing, at) - at);
}

class ReportBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) {
      const char* require = std::getenv("SOSEI_REQUIRE_BROWSER");
      if (require && std::string(require) == "1")
        FAIL() << "chromium is not installed but SOSEI_REQUIRE_BROWSER=1: run tools/setup (apt-get install chromium)";
      GTEST_SKIP()
          << "chromium is not installed (tools/setup installs it); set SOSEI_REQUIRE_BROWSER=1 to fail instead";
    }
    runner_ = std::make_unique<SoseiRunner>("report-browser");
    ASSERT_EQ(runner_->run("import --all").exit_code, 0);
    html_ = runner_->dir() / "report.html";
    const auto r = runner_->run("report --as-of FY2025 -o '" + html_.string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Runs chromium headless with its own profile folder; returns its stdout.
  std::string chromium(const std::string& args) const {
    const auto out = runner_->dir() / "chromium.out";
    const std::string cmd = "timeout 120 " + chromium_ + " --headless --no-sandbox --disable-gpu --hide-scrollbars " +
                            "--user-data-dir='" + (runner_->dir() / "chromium-profile").string() + "' " + args +
                            " 'file://" + html_.string() + "' >'" + out.string() + "' 2>/dev/null";
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(status, 0) << cmd;
    return read_file(out);
  }

  std::string chromium_;
  std::unique_ptr<SoseiRunner> runner_;
  std::filesystem::path html_;
};

TEST_F(ReportBrowser, DomShowsRowsAndChartsWithTheNumbers) {
  const std::string dom = chromium("--dump-dom");
  ASSERT_NE(dom.find("id=\"project-table\""), std::string::npos) << dom.substr(0, 500);
  // The script ran: it wrote the count of shown rows.
  EXPECT_NE(dom.find(">16 / 16 KPI表示中<"), std::string::npos);
  const std::string startups = element(dom, "<tr data-kpi=\"startups\"", "</tr>");
  EXPECT_NE(startups.find(">8<"), std::string::npos) << startups;
  EXPECT_NE(startups.find("20.0%"), std::string::npos) << startups;
  EXPECT_NE(startups.find("△"), std::string::npos) << startups;
  const std::string bus = element(dom, "<tr data-kpi=\"city_bus_riders\"", "</tr>");
  EXPECT_NE(bus.find("100,084"), std::string::npos) << bus;
  EXPECT_NE(bus.find("66.7%"), std::string::npos) << bus;
  const std::string tourism = element(dom, "<tr data-kpi=\"tourism_visitors\"", "</tr>");
  EXPECT_NE(tourism.find("19.9万人"), std::string::npos) << tourism;  // display: 万人, decimals: 1
  EXPECT_NE(tourism.find("2024年（暦年）"), std::string::npos) << tourism;
  // Charts: the bus riders' level chart with its R7 point, baseline and target line.
  const std::string chart =
      element(dom, "<svg class=\"kpi-chart\" viewBox=\"0 0 440.00 220.00\" role=\"img\" data-kpi=\"city_bus_riders\"",
              "</svg>");
  ASSERT_FALSE(chart.empty());
  EXPECT_NE(chart.find("class=\"chart-point\" data-year=\"2025\" data-value=\"100084\""), std::string::npos) << chart;
  EXPECT_NE(chart.find("class=\"chart-baseline\" data-year=\"2023\" data-value=\"130108\""), std::string::npos);
  EXPECT_NE(chart.find("class=\"chart-target\" data-value=\"150000\""), std::string::npos);
  const std::string startups_chart = element(dom, "data-kpi=\"startups\" data-kind=\"cumulative\"", "</svg>");
  EXPECT_NE(startups_chart.find("data-values=\"2024:0 2025:8 2026:16 2027:24 2028:32 2029:40\""), std::string::npos);
  // The grade distribution: ○ 3 of 16 in total, symbols written in the bars.
  EXPECT_NE(dom.find("data-symbol=\"○\" data-count=\"3\""), std::string::npos);
  // The bus drill-down by route.
  const std::string routes = element(dom, "data-series=\"bus_ridership/fiscal_year_boardings\"", "</details>");
  EXPECT_NE(routes.find("YAMADA"), std::string::npos) << routes;
}

// The page's script in the browser: a copy of the report gets a probe script that types into the
// filter, picks a department and clicks a heading, and writes what the table then shows into the DOM.
TEST_F(ReportBrowser, ScriptFiltersAndSortsTheProjectTable) {
  std::string page = read_file(html_);
  const std::string probe = R"(<script>
(function () {
  function shown() {
    return [].filter.call(document.querySelectorAll('#project-table tbody tr'), function (r) { return !r.hidden; })
        .map(function (r) { return r.getAttribute('data-kpi'); }).join(',');
  }
  var text = document.getElementById('filter-text');
  text.value = 'バス';
  text.dispatchEvent(new Event('input'));
  document.body.setAttribute('data-probe-text', shown());
  text.value = '';
  text.dispatchEvent(new Event('input'));
  var department = document.querySelector('select[name=department]');
  department.value = '交通政策課';
  department.dispatchEvent(new Event('change'));
  document.body.setAttribute('data-probe-department', shown());
  document.body.setAttribute('data-probe-count', document.getElementById('shown-count').textContent);
  department.value = '';
  department.dispatchEvent(new Event('change'));
  document.querySelectorAll('#project-table thead th')[11].click();  // 目標比, ascending
  document.body.setAttribute('data-probe-sorted', shown());
})();
</script></body>)";
  page.replace(page.rfind("</body>"), 7, probe);
  html_ = runner_->dir() / "probe.html";
  std::ofstream(html_, std::ios::binary) << page;
  const std::string dom = chromium("--dump-dom");
  EXPECT_NE(dom.find("data-probe-text=\"city_bus_riders\""), std::string::npos) << dom.substr(0, 2000);
  EXPECT_NE(dom.find("data-probe-department=\"commute_subsidy,city_bus_riders\""), std::string::npos);
  EXPECT_NE(dom.find("data-probe-count=\"2 / 16 KPI表示中\""), std::string::npos);
  // Lowest achievement first (NFT gifts 0.0 %, housing grants 10.5 %); a KPI without a ratio last.
  const auto at = dom.find("data-probe-sorted=\"");
  ASSERT_NE(at, std::string::npos);
  const std::string sorted = dom.substr(at, dom.find('"', at + 19) - at);
  EXPECT_EQ(sorted.find("data-probe-sorted=\"nft_furusato,housing_grants,"), 0u) << sorted;
  EXPECT_NE(sorted.find(",childcare_resource_survey"), std::string::npos) << sorted;
  EXPECT_EQ(sorted.size() - sorted.find(",childcare_resource_survey"), std::string(",childcare_resource_survey").size())
      << sorted;
}

// At 1366 × 900 (a common office laptop) the page does not scroll sideways, and the 評価 (grade)
// and 進捗ペース (pace) columns of the project table are in view: every such cell lies within the
// table's box and the grade badge within its cell. A probe script measures the laid-out page and
// writes the numbers into the DOM.
TEST_F(ReportBrowser, ProjectTableFitsA1366PixelWindowWithoutPageScroll) {
  std::string page = read_file(html_);
  const std::string probe = R"(<script>
(function () {
  var doc = document.documentElement, body = document.body;
  body.setAttribute('data-probe-page', doc.scrollWidth + ' ' + window.innerWidth);
  var box = document.getElementById('project-table-scroll').getBoundingClientRect();
  var heads = [].map.call(document.querySelectorAll('#project-table thead th'), function (th) { return th.textContent; });
  var out = [];
  ['評価', '進捗ペース'].forEach(function (name) {
    var col = heads.findIndex(function (h) { return h.indexOf(name) === 0; });
    if (col < 0) { out.push(name + ':no column'); return; }
    var cells = [document.querySelectorAll('#project-table thead th')[col]];
    [].forEach.call(document.querySelectorAll('#project-table tbody tr'), function (r) { cells.push(r.cells[col]); });
    cells.forEach(function (c) {
      var rect = c.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.width < 1)
        out.push(name + ':' + (c.parentNode.getAttribute('data-kpi') || 'head') + ' cell ' + rect.left + '-' + rect.right);
      var badge = c.querySelector('.grade');
      if (badge && badge.getBoundingClientRect().right > rect.right + 0.5)
        out.push(name + ':' + c.parentNode.getAttribute('data-kpi') + ' badge overflows');
    });
  });
  body.setAttribute('data-probe-cut', out.join(' | '));
  body.setAttribute('data-probe-box', Math.round(box.left) + '-' + Math.round(box.right));
})();
</script></body>)";
  page.replace(page.rfind("</body>"), 7, probe);
  html_ = runner_->dir() / "probe-width.html";
  std::ofstream(html_, std::ios::binary) << page;
  const std::string dom = chromium("--window-size=1366,900 --virtual-time-budget=1000 --dump-dom");
  const auto attribute = [&](const std::string& name) {
    const auto at = dom.find(name + "=\"");
    if (at == std::string::npos) return std::string("(missing)");
    const auto from = at + name.size() + 2;
    return dom.substr(from, dom.find('"', from) - from);
  };
  // scrollWidth and innerWidth: the window really is 1366 wide and the page no wider.
  EXPECT_EQ(attribute("data-probe-page"), "1366 1366") << "box " << attribute("data-probe-box");
  EXPECT_EQ(attribute("data-probe-cut"), "") << "box " << attribute("data-probe-box");
}

TEST_F(ReportBrowser, ScreenshotIsWrittenUnderTheBuildTree) {
  const auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "report" / "screenshots";
  std::filesystem::create_directories(dir);
  const auto png = dir / "report.png";
  std::filesystem::remove(png);
  chromium("--screenshot='" + png.string() + "' --window-size=1600,1000");
  ASSERT_TRUE(std::filesystem::exists(png)) << png;
  EXPECT_EQ(read_file(png).substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_GT(std::filesystem::file_size(png), 20000u);  // a blank page compresses to a few KB
}

}  // namespace
