// The Kama City configuration shipped in config/: it loads, every KPI reads as the city wrote it, and
// the bundled CSV of values covers every project KPI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "config/load.hpp"

namespace sosei::config {
namespace {

const std::string kRepo = SOSEI_TEST_SOURCE_DIR;

struct Expected {
  const char* id;
  int goal_no;
  TargetKind kind;
  std::optional<double> target;
  const char* baseline_text;
  std::optional<double> baseline;
  const char* unit;
  const char* department;
};

constexpr auto N = std::nullopt;
const Expected kKama[] = {
    {"startups", 1, TargetKind::Cumulative, 40, "5件", 5, "件", "産業振興課"},
    {"shop_renovations", 1, TargetKind::Cumulative, 50, "13件", 13, "件", "産業振興課"},
    {"specialty_products", 1, TargetKind::Cumulative, 35, "6件", 6, "件", "産業振興課"},
    {"smart_agriculture", 1, TargetKind::Cumulative, 20, "0件", 0, "件", "農林振興課"},
    {"residential_lots", 2, TargetKind::Stock, 50, "13区画", 13, "区画", "管財課"},
    {"housing_grants", 2, TargetKind::Cumulative, 190, "42件", 42, "件", "住宅課"},
    {"nft_furusato", 2, TargetKind::Level, 5, "0件", 0, "件", "総合政策課"},
    {"tourism_visitors", 2, TargetKind::Level, 260000, "24万人", 240000, "人", "産業振興課"},
    {"childcare_resource_survey", 3, TargetKind::Done, N, "未着手", N, "", "子育て支援課"},
    {"commute_subsidy", 3, TargetKind::Level, 600, "576人", 576, "人", "交通政策課"},
    {"school_scores", 3, TargetKind::Reach, 100, "小・中それぞれ平均", N, "点", "学校教育課"},
    {"classroom_displays", 3, TargetKind::Reach, 100, "100.0%", 100, "%", "学校教育課"},
    {"city_bus_riders", 4, TargetKind::Level, 150000, "130,108人", 130108, "人", "交通政策課"},
    {"community_organizations", 4, TargetKind::Level, 11, "4組織", 4, "組織", "総合政策課"},
    {"disaster_coverage", 4, TargetKind::Rate, 100, "31.25%", 31.25, "%", "防災対策課"},
    {"partnership_projects", 4, TargetKind::AtLeast, 21, "21事業", 21, "事業", "総合政策課"},
    {"net_migration", 2, TargetKind::VsProjection, -414, "△1305人", -1305, "人", ""},
    {"births", 3, TargetKind::VsProjection, 825, "808人", 808, "人", ""},
};

class Bundled : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_THROW(loaded_ = load_config(kRepo + "/config/sosei.yaml"));
    config_ = &loaded_;
  }
  AppConfig loaded_;
  const AppConfig* config_ = nullptr;
};

TEST_F(Bundled, LoadsAllGoalsAndKpisInOrder) {
  const Strategy& s = config_->strategy;
  EXPECT_EQ(s.city, "嘉麻市");
  EXPECT_EQ(s.first_year, 2025);
  EXPECT_EQ(s.last_year, 2029);
  ASSERT_EQ(s.goals.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(s.goals[i].no, i + 1);
  EXPECT_EQ(s.goals[1].numeric_target_ids, (std::vector<std::string>{"net_migration"}));
  EXPECT_EQ(s.goals[2].numeric_target_ids, (std::vector<std::string>{"births"}));
  EXPECT_TRUE(s.goals[0].numeric_target_ids.empty());
  EXPECT_TRUE(s.goals[3].numeric_target_ids.empty());
  ASSERT_EQ(s.kpis.size(), 18u);
  std::vector<std::string> project_kpis;
  for (const auto& g : s.goals) project_kpis.insert(project_kpis.end(), g.kpi_ids.begin(), g.kpi_ids.end());
  ASSERT_EQ(project_kpis.size(), 16u);
  for (size_t i = 0; i < 16; ++i) EXPECT_EQ(project_kpis[i], kKama[i].id);
}

TEST_F(Bundled, EveryKpiAsTheCityWroteIt) {
  const Strategy& s = config_->strategy;
  for (const auto& e : kKama) {
    SCOPED_TRACE(e.id);
    const Kpi* k = s.find_kpi(e.id);
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->goal_no, e.goal_no);
    EXPECT_EQ(k->target.kind, e.kind);
    EXPECT_EQ(k->target.value.number, e.target);
    EXPECT_EQ(k->baseline.text, e.baseline_text);
    EXPECT_EQ(k->baseline.number, e.baseline);
    EXPECT_EQ(k->unit, e.unit);
    EXPECT_EQ(k->department, e.department);
    EXPECT_FALSE(k->name_ja.empty());
    EXPECT_FALSE(k->name_en.empty());
    EXPECT_EQ(k->goal_level, e.kind == TargetKind::VsProjection);
    EXPECT_EQ(k->goal, s.goals[static_cast<size_t>(e.goal_no - 1)].name);
    EXPECT_EQ(k->direction, Direction::HigherIsBetter);
    if (!k->goal_level) {
      EXPECT_FALSE(k->measure.empty());
      EXPECT_EQ(k->project.empty(), std::string(e.id) == "childcare_resource_survey");
      EXPECT_EQ(k->baseline.year, 2023);
      EXPECT_EQ(k->target.year, 2029);
    }
  }
}

TEST_F(Bundled, SpecialCases) {
  const Strategy& s = config_->strategy;
  const Kpi& tourism = *s.find_kpi("tourism_visitors");
  EXPECT_EQ(tourism.period_type, PeriodType::CalendarYear);
  EXPECT_EQ(tourism.publication_lag_months, 12);
  EXPECT_EQ(s.find_kpi("city_bus_riders")->period_type, PeriodType::FiscalYear);
  EXPECT_EQ(s.find_kpi("startups")->target.value.text, "5年間に40件");
  EXPECT_THAT(s.find_kpi("residential_lots")->note, ::testing::HasSubstr("累計"));
  EXPECT_EQ(s.find_kpi("disaster_coverage")->max, 100.0);
  EXPECT_EQ(s.find_kpi("startups")->min, 0.0);

  const Kpi& nm = *s.find_kpi("net_migration");
  EXPECT_EQ(nm.target.projection, -1089.0);
  EXPECT_EQ(nm.target.projection_text, "△1089人");
  EXPECT_EQ(nm.baseline.from_year, 2015);
  EXPECT_EQ(nm.baseline.year, 2020);
  EXPECT_EQ(nm.target.value.from_year, 2026);
  EXPECT_EQ(nm.target.year, 2030);
  EXPECT_EQ(nm.min, std::nullopt);
  const Kpi& births = *s.find_kpi("births");
  EXPECT_EQ(births.target.projection, 774.0);
  EXPECT_EQ(births.baseline.from_year, 2019);
  EXPECT_EQ(births.baseline.year, 2023);
  // Both come from e-Stat as calendar years, published about a month (住民基本台帳人口移動報告) and
  // nine months (人口動態統計) after the year ends.
  EXPECT_EQ(nm.period_type, PeriodType::CalendarYear);
  EXPECT_EQ(nm.publication_lag_months, 1);
  EXPECT_EQ(births.period_type, PeriodType::CalendarYear);
  EXPECT_EQ(births.publication_lag_months, 9);
  // Their values may go back to the H27→R2 baseline's first year and on to R12, the end of their windows.
  EXPECT_EQ(s.history_from, 2015);
  EXPECT_EQ(s.last_value_year(), 2030);
}

TEST_F(Bundled, PathsAreAbsoluteAndResolvedAgainstConfig) {
  namespace fs = std::filesystem;
  const fs::path repo = fs::path(kRepo).lexically_normal();
  EXPECT_TRUE(fs::path(config_->config_file).is_absolute());
  EXPECT_EQ(fs::path(config_->base_dir), repo / "config");
  EXPECT_EQ(fs::path(config_->database), repo / "out" / "sosei.db");
  EXPECT_EQ(fs::path(config_->grading_dir), repo / "config" / "grading");
  EXPECT_EQ(config_->default_scheme, "kama");
  EXPECT_EQ(config_->timezone, "Asia/Tokyo");
  EXPECT_EQ(config_->log.level, "info");
  EXPECT_EQ(config_->log.file, "");
  EXPECT_TRUE(config_->plugin_dirs.empty());
}

// KPIs that a department plugin or the national statistics (estat: the goals' numeric targets)
// feed; every other KPI comes from the city's CSV of values.
const std::set<std::string> kPluginFed = {"tourism_visitors", "city_bus_riders", "disaster_coverage",
                                          "school_scores",    "net_migration",   "births"};
const std::map<std::string, std::string> kPluginOf = {{"tourism", "tourism"},
                                                      {"bus_ridership", "bus_ridership"},
                                                      {"disaster_coverage", "disaster_coverage"},
                                                      {"school_scores", "school_scores"},
                                                      {"estat_net_migration", "estat"},
                                                      {"estat_births", "estat"}};

TEST_F(Bundled, CsvSourceFeedsEveryKpiWithoutAPlugin) {
  ASSERT_EQ(config_->sources.size(), 7u);
  const Source& s = config_->sources[0];
  EXPECT_EQ(s.id, "kama_values");
  EXPECT_EQ(s.plugin, "csv");
  EXPECT_EQ(s.on_bad_row, OnBadRow::Fail);
  std::vector<std::string> all;
  for (const auto& e : kKama)
    if (!kPluginFed.count(e.id)) all.push_back(e.id);
  EXPECT_EQ(s.kpis, all);
  for (const auto& source : config_->sources)
    if (source.id != "kama_values") {
      ASSERT_EQ(source.kpis.size(), 1u) << source.id;
      EXPECT_TRUE(kPluginFed.count(source.kpis[0])) << source.id;
      EXPECT_EQ(source.plugin, kPluginOf.at(source.id));
    }
  const std::map<std::string, std::string> settings = {{"file", "data/kama-kpi-values.csv"},
                                                       {"kpi_column", "kpi"},
                                                       {"period_column", "period"},
                                                       {"value_column", "value"},
                                                       {"note_column", "note"},
                                                       {"encoding", "auto"},
                                                       {"period_type", "fiscal_year"}};
  ASSERT_EQ(s.settings.size(), settings.size());
  for (const auto& [key, value] : settings) {
    ASSERT_TRUE(s.settings.count(key)) << key;
    EXPECT_EQ(s.settings.at(key).value, value) << key;
  }
}

// Every bundled source runs unattended, in a worker, on the schedule its department's data calls for.
TEST_F(Bundled, EverySourceHasASchedule) {
  const std::map<std::string, std::string> cron = {
      {"kama_values", "30 6 * * *"}, {"disaster_coverage", "0 7 * * mon"}, {"bus_ridership", "0 5 * * *"},
      {"tourism", "0 7 5 * *"},      {"school_scores", "0 7 1 sep *"},     {"estat_net_migration", "0 6 5 * *"},
      {"estat_births", "0 6 5 * *"}};
  for (const auto& source : config_->sources) {
    ASSERT_TRUE(source.schedule.has_value()) << source.id;
    EXPECT_EQ(source.schedule->cron, cron.at(source.id)) << source.id;
    EXPECT_EQ(source.schedule->catch_up, ScheduleSpec::CatchUp::Latest) << source.id;
    EXPECT_EQ(source.isolation, Isolation::Worker) << source.id;
  }
  const Source* bus = config_->find_source("bus_ridership");
  ASSERT_NE(bus, nullptr);
  EXPECT_EQ(bus->schedule->jitter, std::chrono::minutes{10});
  EXPECT_EQ(bus->schedule->timeout, std::chrono::minutes{30});
}

// RFC 4180 fields of one record (no line breaks inside fields in the bundled file).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        out.back() += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        out.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST_F(Bundled, CsvHasBaselineAndFirstActualOfEveryProjectKpi) {
  std::ifstream in(kRepo + "/config/data/kama-kpi-values.csv", std::ios::binary);
  ASSERT_TRUE(in) << "config/data/kama-kpi-values.csv";
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "kpi,period,value,note");  // UTF-8 without BOM, LF line ends
  std::map<std::string, std::vector<std::string>> periods;
  std::map<std::pair<std::string, std::string>, std::string> values;
  while (std::getline(in, line)) {
    ASSERT_FALSE(line.empty());
    ASSERT_NE(line.back(), '\r');
    const auto f = csv_fields(line);
    ASSERT_EQ(f.size(), 4u) << line;
    ASSERT_NE(config_->strategy.find_kpi(f[0]), nullptr) << f[0];
    periods[f[0]].push_back(f[1]);
    values[{f[0], f[1]}] = f[2];
  }
  for (const auto& k : config_->strategy.kpis) {
    SCOPED_TRACE(k.id);
    if (k.goal_level || kPluginFed.count(k.id)) {
      EXPECT_EQ(periods.count(k.id), 0u);  // 5-year totals live in the strategy; plugins feed the rest
    } else {
      EXPECT_EQ(periods[k.id], (std::vector<std::string>{"R5", "R7"}));
    }
  }
  EXPECT_EQ((values[{"commute_subsidy", "R5"}]), "576人");
  EXPECT_EQ((values[{"childcare_resource_survey", "R7"}]), "未実施");
  // The R5 values are the strategy's baselines, written the same way.
  for (const auto& k : config_->strategy.kpis) {
    if (!k.goal_level && !kPluginFed.count(k.id)) {
      EXPECT_EQ((values[{k.id, "R5"}]), k.baseline.text) << k.id;
    }
  }
}

}  // namespace
}  // namespace sosei::config
