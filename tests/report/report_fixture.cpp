// The report tests' fixture (report_fixture.hpp).
#include "report_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "evaluate/engine.hpp"
#include "evaluate/scheme_loader.hpp"
#include "sosei/sdk.h"

namespace sosei::report::test {
namespace {

config::StatedValue stated(const std::string& text, std::optional<double> number, std::optional<int> year = {},
                           std::optional<int> from = {}) {
  return {text, number, year, from};
}

config::Kpi kpi(const std::string& id, const std::string& name, config::TargetKind kind, config::StatedValue baseline,
                config::StatedValue target, const std::string& unit, const std::string& department) {
  config::Kpi k;
  k.id = id;
  k.name_ja = name;
  k.name_en = "KPI " + id;
  k.unit = unit;
  k.department = department;
  k.baseline = std::move(baseline);
  k.target.kind = kind;
  k.target.value = std::move(target);
  k.target.year = 2029;
  return k;
}

void place(config::Strategy& s, config::Kpi k, int goal, const std::string& measure, const std::string& project) {
  k.goal_no = goal;
  k.goal = s.goals[goal - 1].name;
  k.measure = measure;
  k.project = project;
  (k.goal_level ? s.goals[goal - 1].numeric_target_ids : s.goals[goal - 1].kpi_ids).push_back(k.id);
  s.kpis.push_back(std::move(k));
}

store::StoredObservation obs(const std::string& series, Period p, Value v, store::Dimensions dims = {},
                             uint32_t flags = 0, const std::string& note = "") {
  store::StoredObservation o;
  o.key = {series, p, std::move(dims)};
  o.data.value = v;
  o.data.flags = flags;
  o.data.note = note;
  o.run_id = 1;
  return o;
}

}  // namespace

config::Strategy strategy() {
  using K = config::TargetKind;
  config::Strategy s;
  s.name = "テスト市総合戦略";
  s.city = "テスト市";
  s.first_year = 2025;
  s.last_year = 2029;
  s.history_from = 2015;
  s.goals = {{1, "しごとをつくる", {}, {}}, {2, "まちをつくる", {}, {}}};
  place(
      s,
      kpi("startups", "創業者数", K::Cumulative, stated("5件", 5, 2023), stated("5年間に40件", 40), "件", "産業振興課"),
      1, "創業支援", "創業支援事業");
  place(s,
        kpi("shops", "店舗改装件数", K::Cumulative, stated("13件", 13, 2023), stated("5年間に50件", 50), "件",
            "産業振興課"),
        1, "創業支援", "店舗リフォーム事業");
  auto visitors = kpi("visitors", "年間観光入込客数", K::Level, stated("24万人", 240000, 2023),
                      stated("26万人", 260000), "人", "産業振興課");
  visitors.period_type = config::PeriodType::CalendarYear;
  visitors.publication_lag_months = 12;
  visitors.note = "calendar-year figure, published about a year late";
  place(s, visitors, 2, "観光", "観光まちづくり事業");
  place(s,
        kpi("coverage", "自主防災組織カバー世帯率", K::Rate, stated("31.25%", 31.25, 2023), stated("100.00%", 100), "%",
            "防災対策課"),
        2, "防災", "自主防災組織事業");
  place(
      s,
      kpi("scores", "標準化得点", K::Reach, stated("100", 100, 2023), stated("100以上に到達", 100), "点", "学校教育課"),
      2, "学力", "学力向上事業");
  place(s,
        kpi("survey", "地域資源の調査", K::Done, stated("未着手", std::nullopt, 2023), stated("実施", std::nullopt), "",
            "子育て支援課"),
        2, "子育て", "");
  auto migration = kpi("net_migration", "純移動数", K::VsProjection, stated("△1305人", -1305, 2020, 2015),
                       stated("△414人", -414, std::nullopt, 2026), "人", "");
  migration.goal_level = true;
  migration.target.year = 2030;
  migration.target.projection = -1089;
  migration.target.projection_text = "△1089人";
  place(s, migration, 2, "", "");
  return s;
}

evaluate::Evaluation evaluation(const config::Strategy& s) {
  evaluate::ObservationsByKpi o;
  o["startups"] = {obs("startups", Period::fiscal_year(2023), Value::of(5)),
                   obs("startups", Period::fiscal_year(2025), Value::of(8)),
                   obs("startups", Period::fiscal_year(2026), Value::of(10))};
  o["shops"] = {obs("shops", Period::fiscal_year(2025), Value::of(7))};
  o["visitors"] = {obs("visitors", Period::calendar_year(2023), Value::of(240000)),
                   obs("visitors", Period::calendar_year(2024), Value::of(199000)),
                   obs("visitors", Period::calendar_year(2025), Value::of(212345))};
  o["coverage"] = {obs("coverage", Period::fiscal_year(2025), Value::of(34.96)),
                   obs("coverage", Period::fiscal_year(2026), Value::of(41.5))};
  o["scores"] = {obs("scores", Period::fiscal_year(2025), Value::of(98.3), {}, SOSEI_OBS_SERIES_BREAK,
                     "IRT scaled scores this year")};
  o["survey"] = {obs("survey", Period::fiscal_year(2025), Value::status(ValueKind::NotCarriedOut))};
  o["net_migration"] = {obs("net_migration", Period::fiscal_year(2026), Value::of(-120))};
  const auto scheme = evaluate::load_scheme_named(std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading", "kama");
  return evaluate::evaluate(s, o, scheme, last_day_of_fiscal_year(2026));
}

store::DimensionTotal total(Period p, double v, store::Dimensions dims) {
  store::DimensionTotal t;
  t.dimensions = std::make_shared<const store::Dimensions>(std::move(dims));
  t.period = p;
  t.stored_kind = p.kind;
  t.sum = v;
  t.values = 1;
  return t;
}

DrilldownInput drilldowns() {
  DrilldownInput in;
  auto& tourism = in["visitors"].emplace_back();
  tourism.series = "tourism/monthly_visitors";
  tourism.unit = "人";
  tourism.help = "visitors per month and spot";
  // The plugin's display names; the district series below has none and is shown by its keys.
  tourism.name = {"観光入込客数", "Visitors"};
  tourism.names.dimensions = {{"spot", {"観光地点", "Spot"}}, {"spot_code", {"観光地点コード", "Spot code"}}};
  // Two spots, two months each in 2024 and one in 2025; spot_code names the same spot as spot.
  const std::pair<const char*, const char*> spots[] = {{"A温泉", "401"}, {"B公園", "402"}};
  double v = 1000;
  for (const auto& [spot, code] : spots)
    for (const Period p : {Period::month_of(2024, 1), Period::month_of(2024, 2), Period::month_of(2025, 1)}) {
      tourism.totals.push_back(total(p, v, {{"spot", spot}, {"spot_code", code}}));
      v += 250;
    }
  auto& districts = in["coverage"].emplace_back();
  districts.series = "disaster_coverage/district_households";
  districts.unit = "世帯";
  districts.help = "households per district";
  districts.totals = {
      total(Period::fiscal_year(2025), 700, {{"district", "01"}, {"district_name", "駅前"}, {"covered", "yes"}}),
      total(Period::fiscal_year(2025), 300, {{"district", "02"}, {"district_name", "山間"}, {"covered", "no"}}),
      total(Period::fiscal_year(2026), 310, {{"district", "02"}, {"district_name", "山間"}, {"covered", "yes"}}),
      total(Period::fiscal_year(2027), 999, {{"district", "02"}, {"district_name", "山間"}, {"covered", "yes"}}),
  };
  return in;
}

ReportModel model(const ReportOptions& options) {
  const auto s = strategy();
  return build_report(evaluation(s), s, drilldowns(), options);
}

std::filesystem::path scratch(const std::string& name) {
  // One folder per test: CTest runs each test as its own process, several at once under -j.
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string owner = test ? std::string(test->test_suite_name()) + "." + test->name() : "no-test";
  const auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "report" / "scratch" / owner / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sosei::report::test
