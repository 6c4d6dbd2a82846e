// The evaluation's explanations as Phrases (text/phrase.hpp): periods, values and dates worded in the
// reader's language and notation, numbers by the KPI's display rule. The engine records the English
// wording too (`notes`, `formed`), which the JSON output keeps.
#pragma once

#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/period.hpp"
#include "evaluate/evaluation.hpp"
#include "text/numbers.hpp"
#include "text/phrase.hpp"

namespace sosei::evaluate {

text::Phrase period_phrase(const Period& period);
text::Phrase date_phrase(const Date& date);
// A number by `rule` (△ for negatives in Japanese), or a status in the reader's words.
text::Phrase value_phrase(const Value& value, const text::DisplayRule& rule);
text::Phrase number_phrase(double number, const text::DisplayRule& rule);

// Adds a note to the evaluation: worded for people in `notes_shown`, in English in `notes`.
void add_note(KpiEvaluation& e, text::Phrase note);

}  // namespace sosei::evaluate

namespace sosei::evaluate {

// What people read of an evaluation, in the reader's locale, numbers by the KPI's display rule
// (text/numbers.hpp). The CLI, the report and the dashboard share these, so a KPI reads the same
// everywhere.
std::string shown_number(double v, const config::Kpi& kpi, text::Lang lang);
std::string shown_value(const Value& v, const config::Kpi& kpi, text::Lang lang);
// Whether the ratio against the target is defined: not when the target is 0 (or the ratio is
// infinite); then the text says why instead of "-∞%".
bool ratio_defined(const KpiEvaluation& e);
// "20.0%", "80.0%（進捗）", "—（目標値0: 比率を定義できない）", "—".
std::string shown_ratio(const KpiEvaluation& e, text::Lang lang);
// "期待値 8: 100.0%", with "（遅れ）" when off track; "—" without a pace.
std::string shown_pace(const KpiEvaluation& e, text::Lang lang);
// The forecast for people: a count (a KPI with min 0) is never forecast below zero.
std::optional<double> shown_forecast_value(const KpiEvaluation& e);
// "210 (87.5%)", "—（1点）", "—（見通しが0未満: 意味なし）".
std::string shown_forecast(const KpiEvaluation& e, text::Lang lang);

}  // namespace sosei::evaluate
