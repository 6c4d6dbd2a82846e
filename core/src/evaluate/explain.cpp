// Phrases of periods, values and notes (explain.hpp).
#include "evaluate/explain.hpp"

#include "text/catalogue.hpp"
#include "text/periods.hpp"

#include <algorithm>
#include <cmath>

namespace sosei::evaluate {

text::Phrase period_phrase(const Period& period) {
  return [period](const text::Locale& l) { return text::period_text(period, l.years, l.lang); };
}

text::Phrase date_phrase(const Date& date) {
  return [date](const text::Locale& l) { return text::date_text(date, l.lang); };
}

text::Phrase number_phrase(double number, const text::DisplayRule& rule) {
  return [number, rule](const text::Locale& l) { return text::format_number(number, rule, l.lang) + rule.scale_unit; };
}

text::Phrase value_phrase(const Value& value, const text::DisplayRule& rule) {
  if (value.is_number()) return number_phrase(value.number, rule);
  return [kind = value.kind](const text::Locale& l) { return text::status_text(kind, l.lang); };
}

void add_note(KpiEvaluation& e, text::Phrase note) {
  e.notes.push_back(note(text::Locale{text::Lang::En, text::YearStyle::Western}));
  e.notes_shown.push_back(std::move(note));
}

}  // namespace sosei::evaluate

namespace sosei::evaluate {

std::string shown_number(double v, const config::Kpi& kpi, text::Lang lang) {
  // A scaled figure carries its scale ("19.9万人"), so it is never read as persons.
  return text::format_number(v, kpi.shown, lang) + kpi.shown.scale_unit;
}

std::string shown_value(const Value& v, const config::Kpi& kpi, text::Lang lang) {
  return v.is_number() ? shown_number(v.number, kpi, lang) : text::status_text(v.kind, lang);
}

bool ratio_defined(const KpiEvaluation& e) {
  const auto& t = e.kpi.target.value.number;
  if (e.progress) return std::isfinite(*e.progress);
  if (!e.ratio) return true;
  return std::isfinite(*e.ratio) && !(t && *t == 0);
}

std::string shown_ratio(const KpiEvaluation& e, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  if (!ratio_defined(e)) return c.ratio_undefined;
  std::string s;
  if (e.progress)
    s = text::format_percent(*e.progress, lang) + c.progress_suffix;
  else if (e.ratio)
    s = text::format_percent(*e.ratio, lang);
  else
    return e.achieved ? (*e.achieved ? c.achieved : c.not_achieved) : "—";
  // reach / at_least: the yes-or-no that graded it, beside the ratio.
  if (e.achieved) {
    const char* word = *e.achieved ? c.achieved : c.not_achieved;
    s += lang == text::Lang::Ja ? std::string("（") + word + "）" : std::string(" (") + word + ")";
  }
  return s;
}

std::string shown_pace(const KpiEvaluation& e, text::Lang lang) {
  const Pace& p = e.pace;
  if (!p.ratio || !p.expected) return "—";
  const text::Catalogue& c = text::catalogue(lang);
  // The expected value is computed, not counted: one decimal more than the KPI shows, at most two.
  const int decimals = e.kpi.shown.decimals < 0 ? 2 : std::min(2, e.kpi.shown.decimals + 1);
  std::string s =
      fmt::format(fmt::runtime(c.pace_expected),
                  text::format_number_trimmed(*p.expected / e.kpi.shown.scale, decimals, lang) + e.kpi.shown.scale_unit,
                  text::format_percent(*p.ratio, lang));
  if (p.off_track)
    s += lang == text::Lang::Ja ? std::string("（") + c.off_track + "）" : std::string(" (") + c.off_track + ")";
  return s;
}

std::optional<double> shown_forecast_value(const KpiEvaluation& e) {
  if (!e.forecast.value) return std::nullopt;
  const double v = *e.forecast.value;
  if (e.kpi.min && v < *e.kpi.min) return std::nullopt;  // a count below zero means nothing
  return v;
}

std::string shown_forecast(const KpiEvaluation& e, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  const Forecast& f = e.forecast;
  if (!f.value) return fmt::format(fmt::runtime(c.forecast_points), f.points);
  const auto v = shown_forecast_value(e);
  if (!v) return c.forecast_not_meaningful;
  std::string s = shown_number(*v, e.kpi, lang);
  if (f.ratio && std::isfinite(*f.ratio))
    s += lang == text::Lang::Ja ? "（" + text::format_percent(*f.ratio, lang) + "）"
                                : " (" + text::format_percent(*f.ratio, lang) + ")";
  return s;
}

}  // namespace sosei::evaluate
