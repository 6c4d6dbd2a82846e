// The steps of evaluating one KPI, in the order the engine runs them; exposed for tests. Each is a
// pure function of the strategy, the KPI, its values and the scheme (docs/evaluation.md).
#pragma once

#include <optional>
#include <vector>

#include "evaluate/evaluation.hpp"
#include "evaluate/scheme.hpp"
#include "store/store.hpp"

namespace sosei::evaluate {

// The years whose values a KPI's actual is formed from: the strategy period for flows (a
// vs_projection target: its own window, R8–R12 for Kama City), years after the baseline up to the
// target year for levels.
struct Window {
  int from = 0;
  int to = 0;
  int years() const { return to - from + 1; }
};
Window window_of(const config::Strategy& strategy, const config::Kpi& kpi);

bool is_flow(config::TargetKind kind);  // cumulative, vs_projection: the actual is a sum

// The year a value counts for: its fiscal year (a calendar-year KPI: its calendar year).
int year_of(const config::Kpi& kpi, const Period& period);

// Values published by `as_of`, one per year (the latest period of a year wins), inside the window.
// Notes say what was left out and why.
std::vector<YearValue> select_years(const config::Strategy& strategy, const config::Kpi& kpi,
                                    const std::vector<store::StoredObservation>& observations, const Date& as_of,
                                    std::vector<text::Phrase>& notes);

// Years of the window whose value is due by `as_of` (period ended + publication lag ≤ as_of).
int elapsed_years(const config::Strategy& strategy, const config::Kpi& kpi, const Date& as_of);

Actual form_actual(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years);

// A KPI measured in parts (kpi.combine): whether `o` is one of its parts, and which.
std::optional<std::string> part_of(const config::Kpi& kpi, const store::StoredObservation& o);

// One year's value combined from its parts by the KPI's rule (min, max, mean, sum, each = the worst).
YearValue combine_year(const config::Kpi& kpi, int year, std::vector<PartValue> parts);

// The parts behind the actual (levels: those of the year used; flows: each part's sum over the
// counted years, the actual then being the rule over those sums), with the formed text saying so.
std::vector<PartValue> combine_actual(const config::Kpi& kpi, const std::vector<YearValue>& years, Actual& actual);

// The latest year of the window that is due by `as_of` (published), if any.
std::optional<int> evaluation_year(const config::Strategy& strategy, const config::Kpi& kpi, const Date& as_of);

// missing_period: no_value: when the evaluation year has no value of its own, the actual is none
// (graded "no value"); carry_forward leaves the actual as formed.
void apply_missing_period(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years,
                          const Date& as_of, const GradingScheme& scheme, Actual& actual);

// The KPI's score of `actual` against `target`: ratio by direction, or progress from `reference` (the
// baseline for formula progress, the projection for vs_projection). Callers may scale all three.
Score score_of(const config::Kpi& kpi, double actual, double target, std::optional<double> reference);

// The reference of score_of for the KPI's grade: the projection, the baseline, or none.
std::optional<double> reference_of(const config::Kpi& kpi);

// Pace: expected by now and the actual against it; `score` is set when a pace ratio exists.
Pace pace_of(const config::Strategy& strategy, const config::Kpi& kpi, const Actual& actual, const Date& as_of,
             const GradingScheme& scheme, std::optional<Score>& score);

// Least squares through the numeric yearly values since the last series break.
Forecast forecast_of(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years);

// Ratio, progress, achieved and the grade, into `e` (its actual and pace already formed).
void grade_kpi(const GradingScheme& scheme, const std::optional<Score>& pace_score, KpiEvaluation& e);

// Per goal, per department and total, over the project KPIs.
void roll_up(const config::Strategy& strategy, const GradingScheme& scheme, Evaluation& evaluation);

// Whole percent of count/total, half up (5 of 8 → 63).
int share_percent(int count, int total);

}  // namespace sosei::evaluate
