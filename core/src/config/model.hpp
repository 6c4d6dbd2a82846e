// The configuration as the rest of the core sees it: the application settings, the strategy (goals,
// measures, projects, KPIs with their targets) and the import sources. Plain values, no YAML.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/city_code.hpp"
#include "common/period.hpp"
#include "text/lang.hpp"
#include "text/numbers.hpp"

namespace sosei::config {

// Where a value was written, for messages: "config/strategy.yaml:12:5".
struct Location {
  std::string file;
  int line = 0;    // 1-based, 0 when unknown
  int column = 0;  // 1-based, 0 when unknown
  std::string str() const;
};

enum class PeriodType { FiscalYear, CalendarYear };

// How the "actual" of a KPI is formed from its yearly values (docs/evaluation.md).
enum class TargetKind { Cumulative, Level, Stock, Rate, AtLeast, Reach, Done, VsProjection };
enum class Direction { HigherIsBetter, LowerIsBetter };
enum class Formula { Ratio, Progress };

std::string to_string(PeriodType);
std::string to_string(TargetKind);
std::string to_string(Direction);
std::string to_string(Formula);
std::optional<TargetKind> target_kind_from(std::string_view);

// A number or a status as written in the strategy ("5件", "未着手", "△1305人").
struct StatedValue {
  std::string text;              // as written, kept for reports
  std::optional<double> number;  // parsed number, if the text is numeric
  std::optional<int> year;       // the fiscal/calendar year it refers to (baseline: 2023 for R5)
  std::optional<int> from_year;  // first year of a multi-year total ("△1305人 (H27→R2)": 2015..2020)
};

struct Target {
  TargetKind kind = TargetKind::Level;
  StatedValue value;                 // "5年間に40件" → number 40
  int year = 0;                      // the year the target is for (the strategy's last year by default)
  std::optional<double> projection;  // VsProjection: the national institute's projection
  std::string projection_text;       // VsProjection: the projection as written ("△1089人")
};

// A day of the year ("07-31"): when data for a period is due (see Kpi::data_due).
struct MonthDay {
  int month = 0;  // 1-12
  int day = 0;    // 1-31 (valid for the month; 02-29 is refused)
};

// How the parts of a KPI measured in parts (小学校 / 中学校, 男 / 女) form its value: the stored
// values with dimension `by` are the parts (docs/config.md, `combine`).
enum class CombineRule {
  Min,   // the smallest part
  Max,   // the largest part
  Mean,  // the mean of the parts
  Sum,   // the parts added up
  Each,  // every part must reach the target: graded by the worst part (the smallest; lower is better: the largest)
};
std::string to_string(CombineRule);
std::optional<CombineRule> combine_rule_from(std::string_view);

struct Combine {
  std::string by;  // the dimension whose values are the parts ("school")
  CombineRule rule = CombineRule::Each;
  // Short labels of the parts for the report ("小学校" → "小"), in the strategy's order; a part
  // without one shows its dimension value.
  std::vector<std::pair<std::string, std::string>> labels;
  std::string label_of(const std::string& part) const;
};

// A data-quality rule of a KPI or series (issue 14 §2, docs/quality.md). An error-level outcome
// rejects the observation like a bad row; a warning stores it and raises a flag.
enum class RuleKind { Range, MaxChange, Monotonic, Completeness, Relation, UnitSlip, Outlier };
enum class RuleLevel { Error, Warning };

struct Rule {
  RuleKind kind = RuleKind::Range;
  RuleLevel level = RuleLevel::Warning;
  std::optional<double> min;  // range
  std::optional<double> max;
  double change = 0;             // max_change: the allowed change against the previous period…
  bool change_is_share = false;  // …as a share of the previous value (50% → 0.5) or absolute
  bool decreasing = false;       // monotonic: never down (running totals), or never up
  int months = 0;                // completeness: this many months per fiscal year (12)
  std::string dimension;         // completeness: every value of this dimension seen the year before
  std::string other;             // relation: this value <= (at_most) or >= (at_least) the other KPI's
  bool at_most = true;
  double threshold = 3.5;  // outlier: robust z-score (0.6745 × deviation / MAD) above which it flags
  int min_history = 6;     // outlier: earlier values needed before it judges
  int window = 36;         // outlier: judged against the newest this many earlier values (3 years of months)
  Location where;
};

std::string to_string(RuleKind kind);  // "range", "max_change", …
std::string to_string(RuleLevel level);

// The rules of one series: a KPI id, or "<source>/<series>" for a plugin's own (rules.yaml).
struct SeriesRules {
  std::string series;
  std::vector<Rule> rules;
};

// A KPI that reports one of the hub's shared indicators (`indicator:`, docs/hub.md "Shared
// indicators"): its own value, or — for an indicator that aggregates as a ratio — the two series whose
// quotient it is, so the hub can sum numerators and denominators instead of averaging percentages.
struct IndicatorLink {
  std::string id;         // the hub's indicator (net_migration)
  std::string numerator;  // series ids; both empty: the KPI's own values
  std::string denominator;
  Location where;
};

struct Kpi {
  std::string id;  // stable key used by sources, the store and the CLI: [a-z0-9_]+
  std::string name_ja;
  std::string name_en;  // optional
  std::string unit;  // 件 人 区画 組織 事業 % 千円 点 組 校 …, any unit; "" for a bare number (合計特殊出生率)
  PeriodType period_type = PeriodType::FiscalYear;
  int publication_lag_months = 0;  // tourism: calendar-year figures published ~12 months late
  std::string department;
  StatedValue baseline;
  Target target;
  Direction direction = Direction::HigherIsBetter;
  Formula formula = Formula::Ratio;
  std::optional<double> min;  // validation bounds; defaults derive from the unit (docs/config.md)
  std::optional<double> max;
  bool entered_by_hand = false;
  std::string note;
  // Data for a period is due by the first such day after the period ended plus the publication
  // lag (the city surveys its KPIs each July for the previous fiscal year: 07-31). Inherited from
  // the strategy's `data_due` when not set; none: never overdue.
  std::optional<MonthDay> data_due;

  // Position in the strategy tree (names as the city writes them; project may be empty).
  int goal_no = 0;
  std::string goal;
  std::string measure;
  std::string project;
  bool goal_level = false;  // a basic goal's numeric target (数値目標), not a project KPI

  Location where;
  // How its numbers are shown (`decimals:`, `display: 万人`; default by unit, docs/config.md).
  text::DisplayRule shown;

  // Values may be negative (differences: 純移動数 △1305人, points against the national average): no
  // default minimum of 0 (strategy `allow_negative: true`).
  bool allow_negative = false;
  // A KPI measured in parts: how the parts (values with this dimension) form the actual.
  std::optional<Combine> combine;
  // Data-quality rules of its values (strategy `rules:`).
  std::vector<Rule> rules;
  // The hub's shared indicator this KPI reports, if any.
  std::optional<IndicatorLink> indicator = {};
};

struct Goal {
  int no = 0;
  std::string name;
  std::vector<std::string> kpi_ids;             // project KPIs under this goal, in order
  std::vector<std::string> numeric_target_ids;  // goal-level KPIs (VsProjection)
};

struct Strategy {
  std::string name;
  std::string city;
  // The city's 全国地方公共団体コード (`city_code:`): the tenant its data belongs to in a shared store.
  // Absent for a single city's own store.
  std::optional<CityCode> city_code;
  int first_year = 0;  // fiscal years of the strategy period, e.g. 2025..2029
  int last_year = 0;
  int history_from = 0;  // oldest year an observation may have (baselines), default: the oldest baseline year
  std::optional<MonthDay> data_due;  // default of every KPI's data_due
  std::vector<Goal> goals;
  // Every KPI, goal-level ones included: goal by goal, the measures' KPIs in document order (a
  // measure's project KPIs before its direct ones), then the goal's numeric targets.
  std::vector<Kpi> kpis;

  const Kpi* find_kpi(std::string_view id) const;
  // The newest year a value may have: the strategy's last year, or a later target year (a goal's
  // numeric target summed over R8→R12 ends a year after the strategy period R7–R11).
  int last_value_year() const;
};

enum class OnBadRow { Fail, Skip };

struct SettingValue {
  std::string value;  // scalar as written (paths not yet resolved)
  Location where;
};

// When a source is imported unattended (docs/config.md, "Schedules"); core/src/schedule computes the
// times from it. Exactly one of `cron` and `every` is set.
struct ScheduleSpec {
  enum class CatchUp { None, Latest, All };  // runs missed while the daemon was down

  std::string cron;                    // 5-field cron text in AppConfig::timezone (checked at load)
  std::chrono::seconds every{0};       // or a fixed interval, anchored so restarts keep the cadence
  std::chrono::seconds jitter{0};      // start up to this much later, fixed per source and slot
  std::chrono::seconds timeout{3600};  // a run still going after this is stopped and failed
  int retries{2};                      // retries after a failed run
  std::chrono::seconds backoff{60};    // delay before the first retry, doubled for each next one
  CatchUp catch_up{CatchUp::Latest};
  Location where;  // the `schedule:` value
};

// Where a source's plugin runs: in a worker process (a crash fails only that run) or in-process.
enum class Isolation { Worker, None };

std::string to_string(ScheduleSpec::CatchUp);
std::string to_string(Isolation);

struct Source {
  std::string id;  // [a-z0-9_]+
  std::string plugin;
  std::map<std::string, SettingValue> settings;
  std::vector<std::string> kpis;         // KPI ids this source may feed
  std::optional<ScheduleSpec> schedule;  // none: imported only when asked (sosei import)
  Isolation isolation = Isolation::Worker;
  std::uint64_t memory_limit = std::uint64_t{1} << 30;  // bytes of address space for the worker; 0 = none
  OnBadRow on_bad_row = OnBadRow::Fail;
  Location where;
};

struct LogSettings {
  std::string level = "info";  // trace debug info warn error
  std::string file;            // empty: stderr only; else a rotating file
};

// How `sosei daemon` runs (sosei.yaml `daemon:`; docs/config.md).
struct DaemonSettings {
  int max_concurrent = 2;                        // imports running at the same time
  std::chrono::seconds grace_period{60};         // on SIGTERM: time for running imports to finish
  int quarantine_after = 5;                      // consecutive failed runs that quarantine a source
  std::vector<std::string> webhooks;             // URLs POSTed a JSON event on failure, quarantine, overdue
  std::chrono::seconds overdue_check{6 * 3600};  // how often the daemon looks for overdue KPI data
  // How long a scheduled import waits for another process writing to the database (an import started
  // by hand) before it fails as busy and is retried like any failed run.
  std::chrono::seconds lock_wait{3600};
};

struct AppConfig {
  std::string config_file;               // absolute path of sosei.yaml
  std::string base_dir;                  // its folder: relative paths resolve against it
  std::string database;                  // absolute
  std::string sources_file;              // absolute path of the sources file; empty when sosei.yaml names none
  std::vector<std::string> plugin_dirs;  // absolute
  LogSettings log;
  std::string timezone = "Asia/Tokyo";
  text::Lang lang = text::Lang::Ja;              // `locale:` ja | en (what people read)
  text::YearStyle years = text::YearStyle::Era;  // `years:` era | western
  std::string grading_dir;                       // absolute, folder of grading schemes
  std::string default_scheme;                    // grading scheme name
  DaemonSettings daemon;
  Strategy strategy;
  std::vector<Source> sources;
  std::string rules_file;          // absolute path of `rules:`; empty when sosei.yaml names none
  std::vector<SeriesRules> rules;  // from the rules file; a KPI's own rules are in Kpi::rules

  const Source* find_source(std::string_view id) const;
  // Every rule of a series: the KPI's own (strategy) and the rules file's, in that order.
  std::vector<Rule> rules_for(std::string_view series) const;
};

}  // namespace sosei::config
