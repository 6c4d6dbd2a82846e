// Drill-downs from dimensioned observations: months summed into years, code twins hidden, values
// not yet published left out, and a monthly series dropped beside its yearly twin.
#include <gtest/gtest.h>

#include "report/drilldown.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

const config::Kpi& kpi(const config::Strategy& s, const std::string& id) { return *s.find_kpi(id); }

store::DimensionTotal bus(Period p, const std::string& route, double v) { return total(p, v, {{"route", route}}); }

TEST(ReportDrilldown, MonthsAreSummedPerSpotAndTheCodeTwinIsHidden) {
  const auto s = strategy();
  const auto in = drilldowns();
  const auto d = build_drilldowns(kpi(s, "visitors"), in.at("visitors"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].dimension_keys, std::vector<std::string>{"spot"});
  EXPECT_TRUE(d[0].months_summed);
  ASSERT_EQ(d[0].years.size(), 2u);  // calendar 2024 and 2025
  ASSERT_EQ(d[0].rows.size(), 2u);
  // B公園: 1750 + 2000 in 2024, 2250 in 2025; it has the larger latest value, so it comes first.
  EXPECT_EQ(d[0].rows[0].dimensions[0], "B公園");
  EXPECT_EQ(d[0].rows[0].values[0], 3750);
  EXPECT_EQ(d[0].rows[0].values[1], 2250);
  EXPECT_EQ(d[0].rows[1].values[0], 1000 + 1250);
}

// The store numbers each dimension set (DimensionTotal::set) so a drill-down groups by it; totals
// numbered otherwise — all 0, as built by hand, or one number for two sets — still group by their
// dimensions.
TEST(ReportDrilldown, TotalsGroupByTheirDimensionsWhateverTheirSetNumbers) {
  const auto s = strategy();
  DimensionedSeries numbered{"bus/monthly", "人", "", {}};
  numbered.totals = {bus(Period::month_of(2025, 4), "R1", 10), bus(Period::month_of(2025, 4), "R2", 5),
                     bus(Period::month_of(2025, 5), "R1", 12), bus(Period::month_of(2025, 5), "R2", 7)};
  numbered.totals[1].set = numbered.totals[3].set = 1;  // as the store numbers them
  DimensionedSeries unnumbered = numbered;
  for (auto& t : unnumbered.totals) t.set = 0;
  DimensionedSeries misnumbered = numbered;
  misnumbered.totals[2].set = 1;  // R1 of May numbered as R2's set
  for (const auto* in : {&numbered, &unnumbered, &misnumbered}) {
    const auto d = build_drilldowns(kpi(s, "startups"), {*in}, last_day_of_fiscal_year(2026), {});
    ASSERT_EQ(d.size(), 1u);
    ASSERT_EQ(d[0].rows.size(), 2u);
    EXPECT_EQ(d[0].rows[0].dimensions[0], "R1");
    EXPECT_EQ(d[0].rows[0].values.at(0), 22);
    EXPECT_EQ(d[0].rows[1].dimensions[0], "R2");
    EXPECT_EQ(d[0].rows[1].values.at(0), 12);
  }
}

TEST(ReportDrilldown, UnpublishedYearsAreLeftOutAsForTheKpi) {
  const auto s = strategy();
  const auto in = drilldowns();
  // As of FY2025 the visitors of calendar 2025 are not published yet (lag 12 months).
  const auto d = build_drilldowns(kpi(s, "visitors"), in.at("visitors"), last_day_of_fiscal_year(2025), {});
  ASSERT_EQ(d.size(), 1u);
  ASSERT_EQ(d[0].years.size(), 1u);
  EXPECT_EQ(d[0].years[0].year, 2024);
  const auto c = build_drilldowns(kpi(s, "coverage"), in.at("coverage"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].years.back().year, 2026);  // FY2027's 999 households are not in yet
}

TEST(ReportDrilldown, DistrictNameShownWithItsCoverageAndNotItsCode) {
  const auto s = strategy();
  const auto in = drilldowns();
  const auto c = build_drilldowns(kpi(s, "coverage"), in.at("coverage"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].dimension_keys, (std::vector<std::string>{"district_name", "covered"}));
  // 山間 changed from not covered to covered: one row each, so no year mixes the two.
  ASSERT_EQ(c[0].rows.size(), 3u);
}

TEST(ReportDrilldown, MonthlySeriesBesideAYearlyOneWithTheSameDimensionsIsDropped) {
  const auto s = strategy();
  DimensionedSeries monthly{"bus/monthly", "人", "", {}}, yearly{"bus/yearly", "人", "", {}};
  monthly.totals = {bus(Period::month_of(2025, 4), "R1", 10), bus(Period::month_of(2025, 5), "R1", 12)};
  yearly.totals = {bus(Period::fiscal_year(2025), "R1", 22)};
  const auto d = build_drilldowns(kpi(s, "startups"), {monthly, yearly}, last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].series, "bus/yearly");
  EXPECT_EQ(d[0].rows[0].values[0], 22);
  // Alone, the monthly series is summed into its fiscal year (April and May 2025 → FY2025).
  const auto alone = build_drilldowns(kpi(s, "startups"), {monthly}, last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].years[0].label, "R7");
  EXPECT_EQ(alone[0].rows[0].values[0], 22);
}

// 35 routes: the 30 largest by the latest year are shown, the other 5 summed into one row per year.
DimensionedSeries many_routes() {
  DimensionedSeries routes{"bus/yearly", "人", "", {}};
  for (int r = 1; r <= 35; ++r) {
    const std::string route = "R" + std::to_string(r);
    routes.totals.push_back(bus(Period::fiscal_year(2024), route, 1000 + r));
    routes.totals.push_back(bus(Period::fiscal_year(2025), route, 100 * r));
  }
  return routes;
}

Drilldown folded(const config::Strategy& s, std::size_t shown, Lang lang) {
  ReportOptions options;
  options.lang = lang;
  auto d = build_drilldowns(kpi(s, "startups"), {many_routes()}, last_day_of_fiscal_year(2026), options);
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rows.size(), 35u);  // every row until fold_drilldown_rows
  fold_drilldown_rows(d[0], shown, lang);
  return d[0];
}

TEST(ReportDrilldown, RowsBeyondTheLargestAreSummedIntoOthers) {
  const auto s = strategy();
  const Drilldown d = folded(s, 30, Lang::Ja);
  ASSERT_EQ(d.rows.size(), 30u);
  EXPECT_EQ(d.rows[0].dimensions[0], "R35");  // largest FY2025 first
  EXPECT_EQ(d.rows[29].dimensions[0], "R6");
  ASSERT_TRUE(d.others);
  EXPECT_EQ(d.others->rows, 5u);
  EXPECT_EQ(d.others->label, "その他（5件）");
  ASSERT_EQ(d.others->values.size(), 2u);
  EXPECT_EQ(d.others->values[0], 5 * 1000 + (1 + 2 + 3 + 4 + 5));  // R1…R5 in FY2024
  EXPECT_EQ(d.others->values[1], 100 * (1 + 2 + 3 + 4 + 5));

  const Drilldown e = folded(s, 33, Lang::En);
  ASSERT_TRUE(e.others);
  EXPECT_EQ(e.others->label, "Others (2)");
  EXPECT_EQ(e.others->values[1], 100 + 200);

  // One row beyond is shown rather than summed alone; 0 shows every row.
  EXPECT_FALSE(folded(s, 34, Lang::Ja).others);
  EXPECT_EQ(folded(s, 34, Lang::Ja).rows.size(), 35u);
  EXPECT_FALSE(folded(s, 0, Lang::Ja).others);
}

// A final report empties its unapproved years before the rows are ordered and cut: the rows it shows
// are chosen by figures it shows.
TEST(ReportDrilldown, TheRowsShownAreChosenByTheYearsShown) {
  const auto s = strategy();
  DimensionedSeries routes = many_routes();
  routes.totals.push_back(bus(Period::fiscal_year(2024), "R99", 99999));  // large in FY2024 only
  ReportOptions options;
  auto d = build_drilldowns(kpi(s, "startups"), {routes}, last_day_of_fiscal_year(2026), options);
  ASSERT_EQ(d.size(), 1u);
  for (auto& r : d[0].rows) r.values[1].reset();  // FY2025 not approved: left empty
  fold_drilldown_rows(d[0], 3, Lang::Ja);
  ASSERT_EQ(d[0].rows.size(), 3u);
  EXPECT_EQ(d[0].rows[0].dimensions[0], "R99");  // by FY2024 now, not by the hidden FY2025
  EXPECT_EQ(d[0].rows[1].dimensions[0], "R35");
  ASSERT_TRUE(d[0].others);
  EXPECT_FALSE(d[0].others->values[1]);  // nothing of the hidden year in the sum either
}

TEST(ReportDrilldown, CaptionAndHeadingsUseThePluginsNamesInJapanese) {
  const auto s = strategy();
  const auto in = drilldowns();
  const auto d = build_drilldowns(kpi(s, "visitors"), in.at("visitors"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].name, "観光入込客数");
  EXPECT_EQ(d[0].caption, "観光入込客数（月別・観光地点別）");
  EXPECT_EQ(d[0].dimension_keys, std::vector<std::string>{"spot"});  // the raw keys stay beside the names
  EXPECT_EQ(d[0].dimension_names, std::vector<std::string>{"観光地点"});
  EXPECT_EQ(d[0].rows[0].labels, std::vector<std::string>{"B公園"});  // a value without a name as it is
}

TEST(ReportDrilldown, CaptionAndHeadingsInEnglish) {
  const auto s = strategy();
  const auto in = drilldowns();
  ReportOptions en;
  en.lang = Lang::En;
  const auto d = build_drilldowns(kpi(s, "visitors"), in.at("visitors"), last_day_of_fiscal_year(2026), en);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].caption, "Visitors by month and spot");
  EXPECT_EQ(d[0].dimension_names, std::vector<std::string>{"Spot"});
}

TEST(ReportDrilldown, CodedValuesAreShownByTheirNamesAndTheRawValuesKept) {
  const auto s = strategy();
  auto in = drilldowns();
  auto& coverage = in.at("coverage").at(0);
  coverage.name = {"世帯数", "Households"};
  coverage.names.dimensions = {{"district_name", {"地区", "District"}}, {"covered", {"自主防災組織", ""}}};
  coverage.names.values["covered"] = {{"yes", {"活動あり", "Active"}}, {"no", {"活動なし", "None"}}};
  const auto ja = build_drilldowns(kpi(s, "coverage"), in.at("coverage"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(ja.size(), 1u);
  EXPECT_EQ(ja[0].caption, "世帯数（年度別・地区別・自主防災組織別）");
  EXPECT_EQ(ja[0].dimension_names, (std::vector<std::string>{"地区", "自主防災組織"}));
  ASSERT_EQ(ja[0].rows.size(), 3u);
  // 山間, covered from FY2026, has the largest latest value.
  EXPECT_EQ(ja[0].rows[0].dimensions, (std::vector<std::string>{"山間", "yes"}));
  EXPECT_EQ(ja[0].rows[0].labels, (std::vector<std::string>{"山間", "活動あり"}));
  ReportOptions options;
  options.lang = Lang::En;
  const auto en = build_drilldowns(kpi(s, "coverage"), in.at("coverage"), last_day_of_fiscal_year(2026), options);
  // "covered" has no English name: the Japanese one rather than the key.
  EXPECT_EQ(en[0].caption, "Households by fiscal year, district and 自主防災組織");
  EXPECT_EQ(en[0].rows[0].labels, (std::vector<std::string>{"山間", "Active"}));
}

TEST(ReportDrilldown, WithoutDeclaredNamesTheRawKeysAreShown) {
  const auto s = strategy();
  const auto in = drilldowns();  // the district series declares no names
  const auto c = build_drilldowns(kpi(s, "coverage"), in.at("coverage"), last_day_of_fiscal_year(2026), {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].name, "disaster_coverage/district_households");
  EXPECT_EQ(c[0].caption, "disaster_coverage/district_households（年度別・district_name別・covered別）");
  EXPECT_EQ(c[0].dimension_names, (std::vector<std::string>{"district_name", "covered"}));
  EXPECT_EQ(c[0].rows[0].labels, c[0].rows[0].dimensions);
}

TEST(ReportDrilldown, ApprovedOnlyDrawsApprovedYearsOnlyInTheChartAndTheDrilldown) {
  const auto s = strategy();
  SignoffInput signoff;
  signoff.approved_only = true;
  signoff.approved.push_back({"visitors", Period::calendar_year(2024), store::ApprovalState::Approved, "", ""});
  const ReportModel m = build_report(evaluation(s), s, drilldowns(), {}, signoff);
  const KpiRow* row = nullptr;
  for (const auto* rows : {&m.projects, &m.numeric_targets})
    for (const auto& r : *rows)
      if (r.id == "visitors") row = &r;
  ASSERT_NE(row, nullptr);
  ASSERT_FALSE(row->chart.values.empty());
  for (const auto& p : row->chart.values) EXPECT_EQ(p.year, 2024);  // 2025 is not approved
  ASSERT_EQ(row->drilldowns.size(), 1u);
  const Drilldown& d = row->drilldowns[0];
  ASSERT_EQ(d.years.size(), 2u);
  ASSERT_FALSE(d.rows.empty());
  for (const auto& r : d.rows) {
    EXPECT_TRUE(r.values[0].has_value());
    EXPECT_FALSE(r.values[1].has_value());
  }
  // The same report as a draft draws both years.
  const ReportModel draft = build_report(evaluation(s), s, drilldowns(), {});
  for (const auto* rows : {&draft.projects, &draft.numeric_targets})
    for (const auto& r : *rows) {
      if (r.id == "visitors") {
        EXPECT_TRUE(r.drilldowns[0].rows[0].values[1].has_value());
      }
    }
}

}  // namespace
}  // namespace sosei::report::test
