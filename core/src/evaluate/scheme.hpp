// A grading scheme (config/grading/NAME.yaml): ordered bands on the ratio, the "other" grade, and
// how statuses, series breaks, `reach` and `at_least` map onto them. Other cities grade differently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sosei::evaluate {

struct Band {
  std::string symbol;
  std::string label;
  // A score at or above this percent gets the band; the last band has none (everything below).
  std::optional<double> min_percent;
};

// Where an outcome that is not itself a score lands.
enum class MapTo {
  Top,     // the first band
  Bottom,  // the last band
  Score,   // band the score (ratio / progress / pace) as any other KPI
  Other,   // the "cannot be measured / not carried out" grade
  Band,    // a band named by its symbol
};

struct Mapping {
  MapTo to = MapTo::Other;
  std::size_t band = 0;  // when to == Band
};

// What a KPI's score is banded on: the ratio (or progress) against the target, or the pace ratio
// against what is expected by now (pro-rata: year k of n expects k/n of a cumulative target).
enum class GradeOn { Ratio, Pace };

// How a period without a value of its own is graded (the latest period due by the as-of date): the
// latest earlier value carried forward (levels), or "no value" (statuses.missing: X 当該年度の実績値なし).
enum class MissingPeriod { CarryForward, NoValue };

struct GradingScheme {
  std::string name;         // the file's stem: --scheme NAME
  std::string title;        // for reports
  std::string file;         // where it was read from (empty when built in code)
  std::vector<Band> bands;  // best first
  Band other;               // min_percent unused
  GradeOn grade_on = GradeOn::Ratio;
  // Decimals of the percent to round to (half up) before banding; none = band the exact ratio.
  std::optional<int> round_ratio_to;
  double off_track_below_percent = 100;  // pace below this is "off track"

  Mapping reach_achieved{MapTo::Top}, reach_not_achieved{MapTo::Bottom};
  Mapping at_least_achieved{MapTo::Top}, at_least_not_achieved{MapTo::Score};
  // Status values (also the answer of a `done` KPI).
  Mapping done{MapTo::Top}, in_progress{MapTo::Bottom}, not_started{MapTo::Bottom};
  Mapping not_carried_out{MapTo::Other}, missing{MapTo::Other};
  Mapping series_break{MapTo::Other};  // Score: grade a non-comparable value anyway
  MissingPeriod missing_period = MissingPeriod::CarryForward;

  // Index of a grade in the scheme's order: bands first, then other (= bands.size()).
  std::size_t other_index() const { return bands.size(); }
  const Band& grade(std::size_t index) const { return index < bands.size() ? bands[index] : other; }
};

// A score as a fraction, kept unevaluated so that band edges compare exactly (32 of 40 is 80 %).
struct Score {
  double num = 0;
  double den = 1;

  double value() const;  // ±inf when den is 0 and num is not; 1 when both are 0 (target 0 met)
  double percent() const { return value() * 100; }
};

// The band a score falls in (never "other"): exact comparison unless the scheme rounds first.
std::size_t band_of(const GradingScheme& scheme, const Score& score);

// Whether the score is at or above `percent` exactly (num × 100 ≥ percent × den).
bool at_least_percent(const Score& score, double percent);

// Resolves a mapping that is not Score to a grade index.
std::size_t resolve(const GradingScheme& scheme, const Mapping& mapping);

// Half-up rounding of a non-negative or negative percent to whole numbers or decimals.
double round_half_up(double value, int decimals);

}  // namespace sosei::evaluate
