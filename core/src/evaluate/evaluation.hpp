// What an evaluation produces: per KPI the values used, the actual and how it was formed, ratio,
// grade, pace and forecast; then the council's rollups. Plain values, printed by the CLI and reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/period.hpp"
#include "config/model.hpp"
#include "evaluate/as_of.hpp"
#include "store/store.hpp"
#include "text/phrase.hpp"

namespace sosei::evaluate {

// One part of a KPI measured in parts (config::Kpi::combine): 小学校 of school scores.
struct PartValue {
  std::string part;   // the value of the combine dimension, as stored ("小学校")
  std::string label;  // its short label for reports ("小"; the part itself when the KPI gives none)
  Value value;        // the part's value (flows: its sum over the counted years)
  Period period;      // the period it belongs to (flows: the last counted one)
  bool series_break = false;
  int64_t run_id = 0;  // the import run that last changed it (stale marking; 0 for sums)
};

// One value of a KPI in the strategy's years.
struct YearValue {
  int year = 0;   // the strategy (fiscal) year it is reported in: the year its publication falls in
  Period period;  // the period it belongs to (tourism: calendar 2024, reported in FY2025)
  Value value;
  bool series_break = false;
  std::string note;
  int64_t run_id = 0;  // the import run that last changed it (stale marking)
  // A KPI measured in parts: the parts this value was combined from (the KPI's rule); empty for a total.
  std::vector<PartValue> parts;
};

struct Actual {
  std::optional<Value> value;   // none: no value for the evaluation period
  std::string formed;           // "sum of FY2025 (8) = 8", "latest: 2024 (reported in FY2025) = 199000"
  std::vector<Period> periods;  // the periods it was formed from
  bool series_break = false;    // one of them is not comparable with earlier values
  text::Phrase formed_shown;    // `formed` for people: numbers by the KPI's display rule, any language
};

struct Pace {
  int elapsed_years = 0;  // cumulative: strategy years ended by the as-of date; level: years since baseline
  int total_years = 0;
  std::optional<double> expected;  // expected by now
  std::optional<double> ratio;     // the actual against `expected`, by the KPI's formula
  bool off_track = false;
  std::string note;  // why there is no pace
  text::Phrase note_shown;
};

struct Forecast {
  int points = 0;               // yearly values the line was fitted on
  std::optional<double> value;  // for the target year (cumulative: the total)
  std::optional<double> ratio;  // forecast against the target, by the KPI's formula
  std::string note;             // "fewer than two points: no forecast"
  text::Phrase note_shown;
};

struct Grade {
  std::size_t index = 0;  // position in the scheme: bands best first, then other
  std::string symbol;
  std::string label;
  std::string basis;  // ratio, progress, pace, achieved, not achieved, status, no value, series break
};

struct KpiEvaluation {
  config::Kpi kpi;  // names, department, baseline, target, kind, direction, formula
  std::vector<YearValue> years;
  Actual actual;
  std::optional<double> ratio;     // actual / target (lower is better: target / actual)
  std::optional<double> progress;  // (actual − baseline) / (target − baseline); vs_projection: − projection
  std::optional<bool> achieved;    // reach, at_least, done
  Grade grade;
  Pace pace;
  Forecast forecast;
  std::vector<std::string> notes;         // in English (JSON, saved evaluations)
  std::vector<text::Phrase> notes_shown;  // the same notes for people (add_note keeps them together)
  // The stored observations behind `years` (actual, pace and forecast): a revision of one of them
  // makes a saved copy of this evaluation stale.
  std::vector<store::ObservationRef> used;
  // A KPI measured in parts: the parts behind the actual, in the KPI's label order (小 then 中).
  std::vector<PartValue> parts;
};

struct GradeCount {
  std::string symbol;
  std::string label;
  int count = 0;
  int share_percent = 0;  // whole percent, rounded half up (62.5 → 63); shares may not add to 100
};

struct Rollup {
  std::string key;   // goal number, department name, or "total"
  std::string name;  // goal name, department name, "total"
  int kpis = 0;
  std::vector<GradeCount> grades;  // in the scheme's order
};

struct Evaluation {
  std::string strategy;
  std::string city;
  int first_year = 0;
  int last_year = 0;
  Date as_of;
  std::string scheme;
  std::string scheme_title;
  std::vector<KpiEvaluation> kpis;  // in strategy order, numeric targets included
  // Rollups count the project KPIs (numeric targets of the basic goals are reported, not counted).
  std::vector<Rollup> goals;
  std::vector<Rollup> departments;
  Rollup total;
};

}  // namespace sosei::evaluate
