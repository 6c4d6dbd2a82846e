// The HTML report: every text from data escaped, the page self-contained, grade symbols printed
// beside their colour, and the chart marks carrying their numbers.
#include <gtest/gtest.h>

#include <regex>

#include "evaluate/engine.hpp"
#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"
#include "report/writers.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const char* const kEvilName = "<script>alert(\"name\")</script> 'quoted' & co";
const char* const kEvilNote = "<img src=x onerror=alert('note')> \"double\"";

std::string evil_report() {
  auto s = strategy();
  for (auto& k : s.kpis)
    if (k.id == "startups") {
      k.name_ja = kEvilName;
      k.note = kEvilNote;
      k.department = "課<b>\"";
      k.measure = "</td><td>";
    }
  s.goals[0].name = "<svg onload=alert(1)>";
  for (auto& k : s.kpis)
    if (k.goal_no == 1) k.goal = s.goals[0].name;
  auto in = drilldowns();
  auto& first = in["visitors"][0].totals[0];
  auto dimensions = *first.dimensions;
  dimensions["spot"] = "<script>spot</script>";
  first.dimensions = std::make_shared<const store::Dimensions>(std::move(dimensions));
  return html_report(build_report(evaluation(s), s, in, {}));
}

TEST(ReportHtml, EscapeTurnsEveryMarkupCharacterIntoAnEntity) {
  EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(html_escape("嘉麻市 ○△×"), "嘉麻市 ○△×");
}

TEST(ReportHtml, KpiNameNoteDepartmentAndDimensionsFromDataAreEscaped) {
  const std::string html = evil_report();
  // The page's own script is the only one; nothing from data opens a tag.
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_EQ(count(html, "<svg onload"), 0u);
  EXPECT_EQ(count(html, "課<b>"), 0u);
  EXPECT_EQ(count(html, "</td><td></td>"), 0u);
  EXPECT_NE(html.find(">&lt;/td&gt;&lt;td&gt;</td>"), std::string::npos);  // the measure, as text
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &#39;quoted&#39; &amp; co"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(&#39;note&#39;)&gt; &quot;double&quot;"), std::string::npos);
  EXPECT_NE(html.find("&lt;svg onload=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;spot&lt;/script&gt;"), std::string::npos);
  // Attribute values too: the department is a data-* attribute of the row.
  EXPECT_NE(html.find("data-department=\"課&lt;b&gt;&quot;\""), std::string::npos);
}

// A drill-down of many rows shows the largest and sums the rest in a footer row that sorting leaves
// last; the JSON carries the same sum.
TEST(ReportHtml, RowsBeyondTheLargestAreOneFooterRow) {
  const auto s = strategy();
  auto in = drilldowns();
  auto& routes = in["startups"].emplace_back();
  routes.series = "bus/yearly";
  for (int r = 1; r <= 40; ++r)
    routes.totals.push_back(total(Period::fiscal_year(2025), r, {{"route", "R" + std::to_string(r)}}));
  ReportOptions options;
  options.drilldown_rows = 25;
  const auto m = build_report(evaluation(s), s, in, options);
  const std::string html = html_report(m);
  EXPECT_NE(html.find("</tbody><tfoot><tr class=\"others\"><td colspan=\"1\">その他（15件）</td>"
                      "<td class=\"num\">120</td></tr></tfoot></table>"),
            std::string::npos);
  const std::string json = json_report(m);
  EXPECT_NE(json.find("\"rows\": 15"), std::string::npos);
  EXPECT_NE(json.find("\"label\": \"その他（15件）\""), std::string::npos);
}

TEST(ReportHtml, PageIsSelfContained) {
  const std::string html = html_report(model());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* external : {"http://", "https://", "<link", "src=", "@import", "url("})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("size:A4 landscape"), std::string::npos);
}

TEST(ReportHtml, GradeSymbolIsWrittenInEveryRowAndBadge) {
  const auto m = model();
  const std::string html = html_report(m);
  for (const auto& r : m.projects) {
    const std::regex row("<tr data-kpi=\"" + r.id + "\"[^>]*data-grade=\"" + r.grade_symbol + "\"");
    EXPECT_TRUE(std::regex_search(html, row)) << r.id;
  }
  // The badge carries the symbol as text, not only a colour class.
  EXPECT_NE(html.find("<span class=\"grade grade-other\" title=\"状況（未実施）による\">×<span class=\"label\">"),
            std::string::npos);
}

TEST(ReportHtml, ChartMarksCarryTheirNumbers) {
  const std::string html = html_report(model());
  // startups: running totals 8 and 18, target 40 at the end of the even path, forecast 60.
  EXPECT_NE(html.find("data-kpi=\"startups\" data-kind=\"cumulative\""), std::string::npos);
  EXPECT_NE(html.find("class=\"chart-point\" data-year=\"2025\" data-value=\"8\""), std::string::npos);
  EXPECT_NE(html.find("class=\"chart-point\" data-year=\"2026\" data-value=\"18\""), std::string::npos);
  EXPECT_NE(html.find("class=\"chart-path\" data-values=\"2024:0 2025:8 2026:16 2027:24 2028:32 2029:40\""),
            std::string::npos);
  EXPECT_NE(html.find("class=\"chart-forecast\" data-values=\"2026:18 2029:60\""), std::string::npos);
  // visitors: a level with its baseline and target line.
  EXPECT_NE(html.find("class=\"chart-baseline\" data-year=\"2023\" data-value=\"240000\""), std::string::npos);
  EXPECT_NE(html.find("class=\"chart-target\" data-value=\"260000\""), std::string::npos);
  // The survey is a status: no chart, said in words.
  EXPECT_EQ(html.find("data-kpi=\"survey\" data-kind"), std::string::npos);
}

// A net migration of -1,089 is △1,089 in the council's tables: the chart beside them says the same.
TEST(ReportHtml, ChartNumbersAreWrittenAsTheTablesWriteThem) {
  Chart c;
  c.kind = Chart::Kind::Level;
  c.from_year = 2024;
  c.to_year = 2026;
  c.values = {{2024, -1089}, {2025, -412.5}};
  c.target = 0;
  c.target_year = 2026;
  const std::string ja = svg_chart(c, "net_migration", "社会増減", labels_for(Lang::Ja), YearStyle::Era, Lang::Ja);
  EXPECT_NE(ja.find("R6: △1,089</title>"), std::string::npos) << ja;
  EXPECT_NE(ja.find(">△412.5</text>"), std::string::npos) << ja;                     // the last value's label
  EXPECT_NE(ja.find("text-anchor=\"end\">△1,500</text>"), std::string::npos) << ja;  // an axis tick
  EXPECT_EQ(ja.find("-1,089"), std::string::npos) << ja;
  const std::string en =
      svg_chart(c, "net_migration", "Net migration", labels_for(Lang::En), YearStyle::Western, Lang::En);
  EXPECT_NE(en.find("2024: -1,089</title>"), std::string::npos) << en;
}

// A card's actual carries its unit once, and a flagged value's ※ after it (19.9万人 万人 and 20※ 件
// were shown).
TEST(ReportHtml, ACardsActualSaysItsUnitOnce) {
  auto m = model();
  m.projects[0].actual = {"19.9万人", 199000};
  m.projects[0].unit = "万人";
  m.projects[1].actual = {"20※", 20};
  m.projects[1].unit = "件";
  const std::string html = html_report(m);
  EXPECT_NE(html.find(">19.9万人</dd>"), std::string::npos);
  EXPECT_EQ(html.find("19.9万人 万人"), std::string::npos);
  EXPECT_NE(html.find(">20 件※</dd>"), std::string::npos);
}

TEST(ReportHtml, DrilldownTablesListTheDimensionValues) {
  const std::string html = html_report(model());
  EXPECT_NE(html.find("data-series=\"tourism/monthly_visitors\""), std::string::npos);
  EXPECT_NE(html.find("<td>B公園</td><td class=\"num\" data-value=\"3750\">3,750</td>"), std::string::npos);
}

}  // namespace
}  // namespace sosei::report::test
