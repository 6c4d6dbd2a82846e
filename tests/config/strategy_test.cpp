// What a valid strategy and sosei.yaml turn into: the tree filled into each KPI, defaults, bounds
// derived from units, goal-level targets and absolute paths.
#include <gtest/gtest.h>

#include <filesystem>

#include "config/load.hpp"
#include "temp_files.hpp"

namespace sosei::config {
namespace {

using testing::position_of;
using testing::TempFiles;

const std::string kStrategy = R"(strategy:
  name: 戦略
  city: 市
  period: {from: R7, to: R11}
goals:
  - no: 2
    name: 住む
    numeric_targets:
      - id: net_migration
        name: 純移動数
        unit: 人
        baseline: {value: △1305人, from: H27, year: R2}
        target: {value: △414人, kind: vs_projection, projection: △1089人, from: R8, year: R12}
    measures:
      - name: 施策A
        kpis:
          - id: survey
            name: 調査
            department: 課A
            baseline: {value: 未着手, year: R5}
            target: {value: 実施, kind: done}
        projects:
          - name: 事業A
            kpis:
              - id: share
                name: 率
                unit: "%"
                department: 課B
                baseline: {value: 31.25%, year: 2022}
                target: {value: 100.00%, kind: rate}
              - id: waiting
                name: 待機
                unit: 人
                department: 課C
                period_type: calendar_year
                publication_lag_months: 12
                direction: lower
                formula: progress
                entered_by_hand: true
                note: fewer is better
                baseline: {value: 12人, year: R5}
                target: {value: 0, kind: level, year: FY2027}
          - name: 事業B
  - no: 1
    name: 働く
    measures:
      - name: 施策B
        projects:
          - name: 事業C
            kpis:
              - id: over100
                name: 達成率
                unit: "%"
                max: 200
                department: 課D
                baseline: {value: 90%, year: R5}
                target: {value: 120%, kind: level}
)";

TEST(Strategy, TreeDefaultsAndBounds) {
  TempFiles files;
  const Strategy s = load_strategy(files.write("strategy.yaml", kStrategy));
  EXPECT_EQ(s.name, "戦略");
  EXPECT_EQ(s.city, "市");
  EXPECT_EQ(s.first_year, 2025);
  EXPECT_EQ(s.last_year, 2029);
  // The oldest baseline year: net migration's H27→R2 total is made of the years from H27 on.
  EXPECT_EQ(s.history_from, 2015);
  EXPECT_EQ(s.last_value_year(), 2030);  // its target window R8→R12 ends after the strategy period

  ASSERT_EQ(s.goals.size(), 2u);
  EXPECT_EQ(s.goals[0].no, 2);
  EXPECT_EQ(s.goals[0].kpi_ids, (std::vector<std::string>{"share", "waiting", "survey"}));
  EXPECT_EQ(s.goals[0].numeric_target_ids, (std::vector<std::string>{"net_migration"}));
  EXPECT_EQ(s.goals[1].kpi_ids, (std::vector<std::string>{"over100"}));

  std::vector<std::string> order;
  for (const auto& k : s.kpis) order.push_back(k.id);
  EXPECT_EQ(order, (std::vector<std::string>{"share", "waiting", "survey", "net_migration", "over100"}));

  const Kpi* share = s.find_kpi("share");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->goal_no, 2);
  EXPECT_EQ(share->goal, "住む");
  EXPECT_EQ(share->measure, "施策A");
  EXPECT_EQ(share->project, "事業A");
  EXPECT_FALSE(share->goal_level);
  EXPECT_EQ(share->min, 0.0);
  EXPECT_EQ(share->max, 100.0);
  EXPECT_EQ(share->baseline.year, 2022);
  EXPECT_EQ(share->target.year, 2029);
  EXPECT_EQ(share->period_type, PeriodType::FiscalYear);
  EXPECT_EQ(share->direction, Direction::HigherIsBetter);
  EXPECT_EQ(share->formula, Formula::Ratio);
  EXPECT_EQ(share->where.line, 25);
  EXPECT_EQ(share->where.column, 17);

  const Kpi* waiting = s.find_kpi("waiting");
  ASSERT_NE(waiting, nullptr);
  EXPECT_EQ(waiting->period_type, PeriodType::CalendarYear);
  EXPECT_EQ(waiting->publication_lag_months, 12);
  EXPECT_EQ(waiting->direction, Direction::LowerIsBetter);
  EXPECT_EQ(waiting->formula, Formula::Progress);
  EXPECT_TRUE(waiting->entered_by_hand);
  EXPECT_EQ(waiting->note, "fewer is better");
  EXPECT_EQ(waiting->min, std::nullopt);  // direction lower: no derived bounds
  EXPECT_EQ(waiting->target.year, 2027);
  EXPECT_EQ(waiting->target.value.number, 0.0);

  const Kpi* survey = s.find_kpi("survey");
  ASSERT_NE(survey, nullptr);
  EXPECT_EQ(survey->project, "");
  EXPECT_EQ(survey->unit, "");
  EXPECT_EQ(survey->target.kind, TargetKind::Done);
  EXPECT_EQ(survey->target.value.number, std::nullopt);
  EXPECT_EQ(survey->baseline.text, "未着手");

  const Kpi* nm = s.find_kpi("net_migration");
  ASSERT_NE(nm, nullptr);
  EXPECT_TRUE(nm->goal_level);
  EXPECT_EQ(nm->measure, "");
  EXPECT_EQ(nm->department, "");
  EXPECT_EQ(nm->baseline.number, -1305.0);
  EXPECT_EQ(nm->baseline.from_year, 2015);
  EXPECT_EQ(nm->baseline.year, 2020);
  EXPECT_EQ(nm->target.kind, TargetKind::VsProjection);
  EXPECT_EQ(nm->target.value.number, -414.0);
  EXPECT_EQ(nm->target.projection, -1089.0);
  EXPECT_EQ(nm->target.projection_text, "△1089人");
  EXPECT_EQ(nm->target.value.from_year, 2026);
  EXPECT_EQ(nm->target.year, 2030);
  EXPECT_EQ(nm->min, std::nullopt);  // vs_projection: no derived bounds

  const Kpi* over = s.find_kpi("over100");
  ASSERT_NE(over, nullptr);
  EXPECT_EQ(over->max, 200.0);  // an explicit max lets a % target exceed 100
  EXPECT_EQ(over->target.value.number, 120.0);

  EXPECT_EQ(s.find_kpi("nope"), nullptr);
}

// Issue 13 §3: any unit, no unit, negatives by the KPI's word, parts.
const std::string kUnits = R"(strategy:
  name: 戦略
  city: 市
  period: {from: R7, to: R11}
goals:
  - no: 1
    name: 学ぶ
    measures:
      - name: 施策
        kpis:
          - id: clubs
            name: 放課後クラブ数
            unit: 組
            department: 課A
            baseline: {value: 3組, year: R5}
            target: {value: 5組, kind: level}
          - id: fertility
            name: 合計特殊出生率
            department: 課A
            baseline: {value: "1.43", year: R5}
            target: {value: "1.60", kind: level}
          - id: score_gap
            name: 全国平均との差
            unit: ポイント
            department: 課A
            allow_negative: true
            baseline: {value: △2.5ポイント, year: R5}
            target: {value: 0ポイント, kind: reach}
            combine:
              by: school
              rule: each
              labels: {小学校: 小, 中学校: 中}
)";

TEST(Strategy, AnyUnitNoUnitNegativesAndParts) {
  TempFiles files;
  const Strategy s = load_strategy(files.write("strategy.yaml", kUnits));
  const Kpi* clubs = s.find_kpi("clubs");
  ASSERT_NE(clubs, nullptr);
  EXPECT_EQ(clubs->unit, "組");
  EXPECT_EQ(clubs->baseline.number, 3.0);
  EXPECT_EQ(clubs->target.value.number, 5.0);
  EXPECT_EQ(clubs->min, 0.0) << "a count in any unit is not negative by default";
  EXPECT_FALSE(clubs->combine);

  const Kpi* fertility = s.find_kpi("fertility");
  ASSERT_NE(fertility, nullptr);
  EXPECT_EQ(fertility->unit, "") << "unit is optional: no placeholder";
  EXPECT_EQ(fertility->target.value.number, 1.6);

  const Kpi* gap = s.find_kpi("score_gap");
  ASSERT_NE(gap, nullptr);
  EXPECT_TRUE(gap->allow_negative);
  EXPECT_EQ(gap->min, std::nullopt) << "allow_negative: no default minimum";
  EXPECT_EQ(gap->baseline.number, -2.5);
  ASSERT_TRUE(gap->combine);
  EXPECT_EQ(gap->combine->by, "school");
  EXPECT_EQ(gap->combine->rule, CombineRule::Each);
  EXPECT_EQ(gap->combine->label_of("小学校"), "小");
  EXPECT_EQ(gap->combine->label_of("中学校"), "中");
  EXPECT_EQ(gap->combine->label_of("義務教育学校"), "義務教育学校") << "defaults to the dimension value";
}

TEST(Strategy, NegativeBaselineNeedsAllowNegative) {
  TempFiles files;
  std::string text = kUnits;
  text.replace(text.find("            allow_negative: true\n"),
               std::string("            allow_negative: true\n").size(), "");
  try {
    load_strategy(files.write("strategy.yaml", text));
    FAIL() << "a negative baseline without allow_negative loaded";
  } catch (const ConfigError& e) {
    EXPECT_NE(e.message(text::Lang::En).find("below min 0"), std::string::npos) << e.what();
  }
  text = kUnits;
  text.replace(text.find("allow_negative: true"), std::string("allow_negative: true").size(),
               "allow_negative: true\n            min: -10");
  try {
    load_strategy(files.write("strategy.yaml", text));
    FAIL() << "allow_negative and min together loaded";
  } catch (const ConfigError& e) {
    EXPECT_NE(e.message(text::Lang::En).find("not both"), std::string::npos) << e.what();
  }
  text = kUnits;
  text.replace(text.find("rule: each"), std::string("rule: each").size(), "rule: median");
  try {
    load_strategy(files.write("strategy.yaml", text));
    FAIL() << "an unknown combine rule loaded";
  } catch (const ConfigError& e) {
    EXPECT_NE(e.message(text::Lang::En).find("min, max, mean, sum, each"), std::string::npos) << e.what();
  }
}

// Issue 16: a KPI names the hub's shared indicator it reports — its own value, or for a rate the two
// series the hub sums (docs/hub.md, "Shared indicators").
TEST(Strategy, AKpiNamesTheSharedIndicatorItReports) {
  TempFiles files;
  std::string text = kStrategy;
  text.replace(text.find("        unit: 人\n"), std::string("        unit: 人\n").size(),
               "        unit: 人\n        indicator: net_migration\n");
  const std::string share = "                department: 課B\n";
  text.replace(text.find(share), share.size(),
               share +
                   "                indicator: {id: commute_share, numerator: bus_commuters, denominator: "
                   "commuters}\n");
  const Strategy s = load_strategy(files.write("strategy.yaml", text));
  ASSERT_TRUE(s.find_kpi("net_migration")->indicator);
  EXPECT_EQ(s.find_kpi("net_migration")->indicator->id, "net_migration");
  EXPECT_EQ(s.find_kpi("net_migration")->indicator->numerator, "");
  const auto& link = s.find_kpi("share")->indicator;
  ASSERT_TRUE(link);
  EXPECT_EQ(link->id, "commute_share");
  EXPECT_EQ(link->numerator, "bus_commuters");
  EXPECT_EQ(link->denominator, "commuters");
  EXPECT_FALSE(s.find_kpi("survey")->indicator);

  for (const auto& [bad, says] : std::vector<std::pair<std::string, std::string>>{
           {"{id: commute_share, numerator: bus_commuters}", "numerator（分子）と denominator（分母）は両方"},
           {"{id: commute_share, numerator: bus-commuters, denominator: commuters}", "系列「bus-commuters」"},
           {"通勤分担率", "共通指標の id「通勤分担率」"},
           {"{id: commute_share, per: 100}", "per"}}) {
    std::string wrong = kStrategy;
    wrong.replace(wrong.find(share), share.size(), share + "                indicator: " + bad + "\n");
    try {
      load_strategy(files.write("strategy.yaml", wrong));
      ADD_FAILURE() << bad << " loaded";
    } catch (const ConfigError& e) {
      EXPECT_NE(e.message(text::Lang::Ja).find(says), std::string::npos) << e.message(text::Lang::Ja);
      EXPECT_EQ(e.where().line, position_of(wrong, "indicator: ").first) << bad;
    }
  }
}

TEST(Strategy, ExplicitHistoryFrom) {
  TempFiles files;
  std::string text = kStrategy;
  text.replace(text.find("  period:"), 0, "  history_from: H30\n");
  EXPECT_EQ(load_strategy(files.write("strategy.yaml", text)).history_from, 2018);
}

TEST(AppConfig, ADatabaseUriIsKeptAsWritten) {
  TempFiles files;
  files.write("conf/strategy.yaml", kStrategy);
  const std::string uri = "postgresql://sosei@db.example.lg.jp:5432/sosei?sslmode=verify-full";
  const AppConfig c = load_config(
      files.write("conf/sosei.yaml", "database: " + uri + "\nstrategy: strategy.yaml\ngrading: {default: kama}\n"));
  EXPECT_EQ(c.database, uri);
}

TEST(AppConfig, RelativePathsResolveAgainstTheFilesFolder) {
  TempFiles files;
  files.write("conf/strategy.yaml", kStrategy);
  files.write("conf/sources.yaml",
              "sources:\n  - id: manual\n    plugin: csv\n    kpis: [share]\n"
              "    schedule: \"0 6 * * *\"\n    on_bad_row: skip\n"
              "    settings: {file: a.csv, header: true, skip_rows: 2, empty: \"\"}\n");
  const std::string path =
      files.write("conf/sosei.yaml",
                  "database: ../out/s.db\nplugin_dirs: [plugins, /opt/p]\nlog: {level: debug, file: log/s.log}\n"
                  "strategy: strategy.yaml\nsources: sources.yaml\ngrading: {default: kama}\n");
  const AppConfig c = load_config(path);
  const std::string dir = std::filesystem::path(files.path("conf")).lexically_normal().string();
  EXPECT_EQ(c.config_file, files.path("conf/sosei.yaml"));
  EXPECT_EQ(c.base_dir, dir);
  EXPECT_EQ(c.database, files.path("out/s.db"));
  EXPECT_EQ(c.plugin_dirs, (std::vector<std::string>{dir + "/plugins", "/opt/p"}));
  EXPECT_EQ(c.log.level, "debug");
  EXPECT_EQ(c.log.file, dir + "/log/s.log");
  EXPECT_EQ(c.timezone, "Asia/Tokyo");
  EXPECT_EQ(c.grading_dir, dir + "/grading");
  EXPECT_EQ(c.default_scheme, "kama");
  EXPECT_EQ(c.strategy.kpis.size(), 5u);
  ASSERT_EQ(c.sources.size(), 1u);
  const Source* s = c.find_source("manual");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->plugin, "csv");
  ASSERT_TRUE(s->schedule.has_value());
  EXPECT_EQ(s->schedule->cron, "0 6 * * *");
  EXPECT_EQ(s->on_bad_row, OnBadRow::Skip);
  EXPECT_EQ(s->kpis, (std::vector<std::string>{"share"}));
  ASSERT_EQ(s->settings.size(), 4u);
  EXPECT_EQ(s->settings.at("file").value, "a.csv");  // kept as written: the plugin resolves it
  EXPECT_EQ(s->settings.at("header").value, "true");
  EXPECT_EQ(s->settings.at("skip_rows").value, "2");
  EXPECT_EQ(s->settings.at("empty").value, "");
  EXPECT_EQ(s->settings.at("skip_rows").where.line, 7);
  EXPECT_EQ(s->settings.at("skip_rows").where.column, 54);
  EXPECT_EQ(c.find_source("other"), nullptr);
}

TEST(Strategy, DisplayRulesFromDecimalsDisplayAndUnit) {
  TempFiles files;
  std::string text = kStrategy;
  text.replace(text.find("                department: 課B"), 0, "                decimals: 2\n");
  text.replace(text.find("                department: 課C"), 0, "                display: 万人\n");
  const Strategy s = load_strategy(files.write("strategy.yaml", text));
  EXPECT_EQ(s.find_kpi("share")->shown.decimals, 2);
  EXPECT_EQ(s.find_kpi("waiting")->shown.scale, 1e4);
  EXPECT_EQ(s.find_kpi("waiting")->shown.scale_unit, "万人");
  EXPECT_EQ(s.find_kpi("net_migration")->shown.decimals, 0);  // 人: whole numbers
}

TEST(Strategy, RefusesADisplayThatIsNotAScaleOfTheUnitAndOutOfRangeDecimals) {
  TempFiles files;
  std::string text = kStrategy;
  text.replace(text.find("                department: 課B"), 0, "                display: 万人\n");
  EXPECT_THROW(load_strategy(files.write("a.yaml", text)), ConfigError);  // % is not 人
  text = kStrategy;
  text.replace(text.find("                department: 課B"), 0, "                decimals: 9\n");
  EXPECT_THROW(load_strategy(files.write("b.yaml", text)), ConfigError);
}

TEST(AppConfig, LocaleAndYears) {
  TempFiles files;
  files.write("strategy.yaml", kStrategy);
  const AppConfig ja =
      load_config(files.write("a.yaml", "database: s.db\nstrategy: strategy.yaml\ngrading: {default: kama}\n"));
  EXPECT_EQ(ja.lang, text::Lang::Ja);
  EXPECT_EQ(ja.years, text::YearStyle::Era);
  const AppConfig en = load_config(files.write(
      "b.yaml", "database: s.db\nlocale: en\nyears: western\nstrategy: strategy.yaml\ngrading: {default: kama}\n"));
  EXPECT_EQ(en.lang, text::Lang::En);
  EXPECT_EQ(en.years, text::YearStyle::Western);
  EXPECT_THROW(load_config(files.write(
                   "c.yaml", "database: s.db\nlocale: fr\nstrategy: strategy.yaml\ngrading: {default: kama}\n")),
               ConfigError);
}

TEST(Enums, TextFormsRoundTrip) {
  for (auto k : {TargetKind::Cumulative, TargetKind::Level, TargetKind::Stock, TargetKind::Rate, TargetKind::AtLeast,
                 TargetKind::Reach, TargetKind::Done, TargetKind::VsProjection})
    EXPECT_EQ(target_kind_from(to_string(k)), k);
  EXPECT_EQ(to_string(TargetKind::AtLeast), "at_least");
  EXPECT_EQ(target_kind_from("Level"), std::nullopt);
  EXPECT_EQ(to_string(PeriodType::CalendarYear), "calendar_year");
  EXPECT_EQ(to_string(Direction::LowerIsBetter), "lower");
  EXPECT_EQ(to_string(Formula::Progress), "progress");
  EXPECT_EQ((Location{"a.yaml", 3, 4}).str(), "a.yaml:3:4");
  EXPECT_EQ((Location{"a.yaml", 3, 0}).str(), "a.yaml:3");
  EXPECT_EQ((Location{"a.yaml", 0, 0}).str(), "a.yaml");
}

}  // namespace
}  // namespace sosei::config
