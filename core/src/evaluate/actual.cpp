// The "actual" of a KPI and the sentence saying how it was formed: a sum of the yearly values for
// flows, the target year's or else the latest value for levels, stocks, rates and the rest.
#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"

namespace sosei::evaluate {
namespace {

Actual sum_of(const config::Kpi& kpi, const Window& w, const std::vector<YearValue>& years) {
  Actual a;
  double sum = 0;
  int numbers = 0;
  std::string terms, skipped;
  std::vector<text::Phrase> shown_terms, shown_skipped;
  const text::DisplayRule& rule = kpi.shown;
  for (const auto& y : years) {
    if (!y.value.is_number()) {
      skipped += (skipped.empty() ? "" : ", ") + period_label(y.period) + " " + to_string(y.value.kind);
      shown_skipped.push_back([p = period_phrase(y.period), v = value_phrase(y.value, rule)](const text::Locale& l) {
        return p(l) + " " + v(l);
      });
      continue;
    }
    sum += y.value.number;
    ++numbers;
    a.periods.push_back(y.period);
    a.series_break = a.series_break || y.series_break;
    terms += (terms.empty() ? "" : " + ") + period_label(y.period) + " (" + number_text(y.value.number) + ")";
    shown_terms.push_back(
        [p = period_phrase(y.period), v = number_phrase(y.value.number, rule)](const text::Locale& l) {
          return p(l) + (l.lang == text::Lang::Ja ? "（" + v(l) + "）" : " (" + v(l) + ")");
        });
  }
  if (numbers == 0) {
    // No figure at all: the latest status (not carried out…) is what there is to grade.
    if (!years.empty()) {
      a.value = years.back().value;
      a.periods = {years.back().period};
      a.series_break = years.back().series_break;
      a.formed = period_label(years.back().period) + ": " + to_string(years.back().value.kind);
      a.formed_shown = text::phrase(&text::Catalogue::formed_status, period_phrase(years.back().period),
                                    value_phrase(years.back().value, rule));
    }
    return a;
  }
  a.value = Value::of(sum);
  a.formed = "sum of " + terms + " = " + number_text(sum);
  if (!skipped.empty()) a.formed += " (not counted: " + skipped + ")";
  std::vector<text::Phrase> shown{text::phrase(
      &text::Catalogue::formed_sum, text::joined(std::move(shown_terms), " + ", " + "), number_phrase(sum, rule))};
  if (!shown_skipped.empty())
    shown.push_back(
        text::phrase(&text::Catalogue::formed_not_counted, text::joined(std::move(shown_skipped), "、", ", ")));
  if (kpi.target.kind == config::TargetKind::VsProjection && numbers < w.years()) {
    a.formed += "; " + std::to_string(numbers) + " of " + std::to_string(w.years()) + " years";
    shown.push_back(text::phrase(&text::Catalogue::formed_years_of, numbers, w.years()));
  }
  a.formed_shown = text::joined(std::move(shown), "", "");
  return a;
}

Actual latest_of(const config::Kpi& kpi, const std::vector<YearValue>& years) {
  Actual a;
  if (years.empty()) return a;
  const YearValue* used = &years.back();
  std::string how = "latest: ";
  const char* text::Catalogue::*shown_how = &text::Catalogue::formed_latest;
  for (const auto& y : years)
    if (y.year == kpi.target.year) {
      used = &y;
      how = "target year: ";
      shown_how = &text::Catalogue::formed_target_year;
    }
  a.value = used->value;
  a.periods = {used->period};
  a.series_break = used->series_break;
  a.formed = how + period_label(used->period) + " = " + value_text(used->value);
  a.formed_shown = text::phrase(shown_how, period_phrase(used->period), value_phrase(used->value, kpi.shown));
  return a;
}

}  // namespace

Actual form_actual(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years) {
  const Window w = window_of(strategy, kpi);
  Actual a = is_flow(kpi.target.kind) ? sum_of(kpi, w, years) : latest_of(kpi, years);
  if (!a.value) {
    const std::string from = kpi.period_type == config::PeriodType::CalendarYear ? "" : "FY";
    a.formed = "no value for " + from + std::to_string(w.from) + "–" + from + std::to_string(w.to);
    const bool calendar = kpi.period_type == config::PeriodType::CalendarYear;
    auto year = [calendar](int y) {
      return period_phrase(calendar ? Period::calendar_year(y) : Period::fiscal_year(y));
    };
    a.formed_shown = text::phrase(&text::Catalogue::formed_no_value, year(w.from), year(w.to));
  }
  return a;
}

}  // namespace sosei::evaluate
