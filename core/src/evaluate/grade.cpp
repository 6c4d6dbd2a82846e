// The grade of one KPI: "other" when there is nothing comparable to grade, the scheme's mapping for
// statuses and for reach / at_least, otherwise the band of its score (or of its pace, pro-rata).
#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"

namespace sosei::evaluate {
namespace {

const Mapping& status_mapping(const GradingScheme& s, ValueKind kind) {
  switch (kind) {
    case ValueKind::Done:
      return s.done;
    case ValueKind::InProgress:
      return s.in_progress;
    case ValueKind::NotStarted:
      return s.not_started;
    case ValueKind::NotCarriedOut:
      return s.not_carried_out;
    case ValueKind::Missing:
    case ValueKind::Number:
      break;
  }
  return s.missing;
}

void set_grade(const GradingScheme& s, std::size_t index, std::string basis, KpiEvaluation& e) {
  const Band& b = s.grade(index);
  e.grade = {index, b.symbol, b.label, std::move(basis)};
}

}  // namespace

void grade_kpi(const GradingScheme& s, const std::optional<Score>& pace_score, KpiEvaluation& e) {
  using K = config::TargetKind;
  const config::Kpi& kpi = e.kpi;
  const Actual& actual = e.actual;
  if (!actual.value) {
    add_note(e, text::phrase(&text::Catalogue::note_no_value));
    return set_grade(s, resolve(s, s.missing), "no value", e);
  }
  if (!actual.value->is_number()) {
    const ValueKind k = actual.value->kind;
    if (kpi.target.kind == K::Done) e.achieved = k == ValueKind::Done;
    if (k == ValueKind::Missing) add_note(e, text::phrase(&text::Catalogue::note_no_value));
    if (k == ValueKind::NotCarriedOut) add_note(e, text::phrase(&text::Catalogue::note_not_carried_out));
    return set_grade(s, resolve(s, status_mapping(s, k)), "status " + to_string(k), e);
  }
  if (kpi.target.kind == K::Done) {
    add_note(e, text::phrase(&text::Catalogue::note_done_needs_status));
    return set_grade(s, s.other_index(), "no status", e);
  }

  const double a = actual.value->number, t = *kpi.target.value.number;
  const Score ratio = score_of(kpi, a, t, std::nullopt);
  e.ratio = ratio.value();
  const std::optional<double> ref = reference_of(kpi);
  std::optional<Score> progress;
  if (ref) {
    progress = score_of(kpi, a, t, ref);
    e.progress = progress->value();
  }
  const Score score = progress ? *progress : ratio;
  const std::string score_name = progress ? "progress" : "ratio";

  if (actual.series_break) {
    add_note(e, text::phrase(&text::Catalogue::note_series_break));
    if (s.series_break.to != MapTo::Score) return set_grade(s, resolve(s, s.series_break), "series break", e);
  }
  if (kpi.target.kind == K::Reach || kpi.target.kind == K::AtLeast) {
    // No partial credit: 98 against 100 has not reached it.
    const bool achieved = kpi.direction == config::Direction::LowerIsBetter ? a <= t : a >= t;
    e.achieved = achieved;
    const bool reach = kpi.target.kind == K::Reach;
    const Mapping& m = achieved ? (reach ? s.reach_achieved : s.at_least_achieved)
                                : (reach ? s.reach_not_achieved : s.at_least_not_achieved);
    if (m.to == MapTo::Score) return set_grade(s, band_of(s, score), score_name, e);
    return set_grade(s, resolve(s, m), achieved ? "achieved" : "not achieved", e);
  }
  if (s.grade_on == GradeOn::Pace) {
    if (!pace_score) {
      add_note(e, text::phrase(&text::Catalogue::note_no_pace, e.pace.note_shown));
      return set_grade(s, s.other_index(), "no pace", e);
    }
    return set_grade(s, band_of(s, *pace_score), "pace", e);
  }
  set_grade(s, band_of(s, score), score_name, e);
}

}  // namespace sosei::evaluate
