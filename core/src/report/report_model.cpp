// Evaluation → ReportModel (report_model.hpp): every text a table cell shows, in the chosen language
// and year style, next to the number a spreadsheet stores.
#include "report/report_model.hpp"

#include <cmath>
#include <set>

#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "report/chart.hpp"
#include "report/drilldown.hpp"
#include "report/labels.hpp"
#include "report/number_format.hpp"
#include "report/signoff.hpp"
#include "text/periods.hpp"

namespace sosei::report {
namespace {

constexpr const char* kNone = "—";

// Numbers by the KPI's display rule (decimals, 万人 scale, △ for negatives in Japanese); the
// spreadsheet keeps the full value and formats it with the same decimals (Figure::decimals).
Figure number_figure(std::optional<double> v, const config::Kpi& kpi, Lang lang) {
  if (!v) return {kNone, std::nullopt};
  return {evaluate::shown_number(*v, kpi, lang), *v};
}

Figure value_figure(const Value& v, const config::Kpi& kpi, Lang lang) {
  if (v.is_number()) return number_figure(v.number, kpi, lang);
  return {status_text(v.kind, lang), std::nullopt};
}

// A KPI measured in parts shows them in its actual cell: "小 △2.0 / 中 △5.0" (each: every part is what
// is graded), else the combined value before them: "△3.5（小 △2.0 / 中 △5.0）". A text cell in every
// format; the combined number stays in the evaluation (JSON actual, "how it was formed").
Figure parts_figure(const evaluate::KpiEvaluation& e, Lang lang) {
  std::string parts;
  for (const auto& p : e.parts)
    parts += (parts.empty() ? "" : " / ") + p.label + " " + value_figure(p.value, e.kpi, lang).text;
  if (e.kpi.combine && e.kpi.combine->rule == config::CombineRule::Each) return {parts, std::nullopt};
  const std::string value = value_figure(*e.actual.value, e.kpi, lang).text;
  return {lang == Lang::Ja ? value + "（" + parts + "）" : value + " (" + parts + ")", std::nullopt};
}

Figure percent_figure(std::optional<double> fraction, Lang lang) {
  if (!fraction || !std::isfinite(*fraction)) return {kNone, std::nullopt};
  return {text::format_percent(*fraction, lang), shown_fraction(*fraction)};
}

// "2024年（暦年）" for a value whose own period is not the fiscal year of its column.
std::string period_note(const Period& p, int column_year, Lang lang) {
  if (p.kind == PeriodKind::FiscalYear && p.year == column_year) return "";
  const Labels& l = labels_for(lang);
  if (p.kind == PeriodKind::CalendarYear)
    return lang == Lang::Ja ? std::to_string(p.year) + "年（" + l.calendar_year + "）"
                            : std::string(l.calendar_year) + " " + std::to_string(p.year);
  return p.str();
}

// The fiscal-year column a value sits in: its own fiscal year, or for a calendar-year KPI the fiscal
// year it is published in (the city reports calendar 2024 visitors, published late 2025, under R7).
int column_year(const config::Kpi& kpi, const evaluate::YearValue& v) {
  if (kpi.period_type != config::PeriodType::CalendarYear) return v.year;
  return fiscal_year_of(published_on(v.period, kpi.publication_lag_months));
}

std::vector<YearCell> year_cells(const evaluate::KpiEvaluation& e, const std::vector<YearColumn>& columns, Lang lang) {
  std::vector<YearCell> cells(columns.size());
  for (const auto& v : e.years)
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (column_year(e.kpi, v) == columns[i].year) {
        cells[i] = {value_figure(v.value, e.kpi, lang), period_note(v.period, columns[i].year, lang), v.series_break,
                    v.note, v.period};
      }
  return cells;
}

std::string span_label(std::optional<int> from, std::optional<int> to, YearStyle style) {
  if (!to) return "";
  if (from && *from != *to) return year_label(*from, style) + "→" + year_label(*to, style);
  return year_label(*to, style);
}

Achievement achievement_of(const evaluate::KpiEvaluation& e, Lang lang) {
  const Labels& l = labels_for(lang);
  Achievement a;
  if (!evaluate::ratio_defined(e)) {
    // A target of 0: no ratio, and the cell says why instead of "-∞%".
    return {Achievement::Kind::None, std::nullopt, evaluate::shown_ratio(e, lang)};
  } else if (e.progress) {
    a = {Achievement::Kind::Progress, shown_fraction(*e.progress), evaluate::shown_ratio(e, lang)};
  } else if (e.ratio) {
    a = {Achievement::Kind::Ratio, shown_fraction(*e.ratio), evaluate::shown_ratio(e, lang)};
  } else if (e.achieved) {
    return {Achievement::Kind::Achieved, std::nullopt, *e.achieved ? l.achieved : l.not_achieved};
  } else {
    return {Achievement::Kind::None, std::nullopt, kNone};
  }
  return a;  // shown_ratio adds the achieved / not achieved of reach and at_least targets
}

KpiRow row_of(const evaluate::KpiEvaluation& e, const config::Strategy& strategy,
              const std::vector<YearColumn>& columns, const std::vector<DimensionedSeries>* series, const Date& as_of,
              const ReportOptions& options) {
  const config::Kpi& k = e.kpi;
  const Lang lang = options.lang;
  const Labels& l = labels_for(lang);
  KpiRow r;
  r.id = k.id;
  r.goal_no = k.goal_no;
  r.goal = k.goal;
  r.measure = k.measure;
  r.project = k.project;
  r.name = lang == Lang::En && !k.name_en.empty() ? k.name_en : k.name_ja;
  r.unit = k.unit;
  r.department = k.department;
  r.baseline = k.baseline.number ? number_figure(k.baseline.number, k, lang) : Figure{k.baseline.text, std::nullopt};
  // A project KPI's target as written says how it is counted (5年間に40件); a numeric target is a
  // plain total, printed like its baseline and projection.
  const bool plain_target = k.goal_level && k.target.value.number;
  r.baseline_period = span_label(k.baseline.from_year, k.baseline.year, options.years);
  r.years = year_cells(e, columns, lang);
  r.actual = e.actual.value ? value_figure(*e.actual.value, k, lang) : Figure{kNone, std::nullopt};
  if (e.actual.value && !e.parts.empty()) r.actual = parts_figure(e, lang);
  r.formed = e.actual.formed_shown ? e.actual.formed_shown(text::Locale{lang, options.years}) : e.actual.formed;
  r.target =
      plain_target ? number_figure(k.target.value.number, k, lang) : Figure{k.target.value.text, k.target.value.number};
  r.target_period = span_label(k.target.value.from_year, k.target.year, options.years);
  if (k.target.projection) r.projection = number_figure(k.target.projection, k, lang);
  r.achievement = achievement_of(e, lang);
  r.grade_index = e.grade.index;
  r.grade_symbol = e.grade.symbol;
  r.grade_label = e.grade.label;
  r.grade_basis = e.grade.basis;
  r.pace = percent_figure(e.pace.ratio, lang);
  r.off_track = e.pace.ratio && e.pace.off_track;
  if (r.off_track)
    r.pace.text += lang == Lang::Ja ? std::string("（") + l.off_track + "）" : std::string(" (") + l.off_track + ")";
  r.forecast = number_figure(evaluate::shown_forecast_value(e), k, lang);
  if (e.forecast.value && !evaluate::shown_forecast_value(e))
    r.forecast.text = labels_for(lang).forecast_not_meaningful;
  r.decimals = k.shown.decimals;
  r.scale = k.shown.scale;
  if (!k.shown.scale_unit.empty()) r.unit = k.shown.scale_unit;
  r.flagged = options.flagged_kpis.contains(k.id);
  if (r.flagged) {
    r.actual.text += "※";
    r.notes.push_back(l.flag_marker_legend);
  }
  if (!k.note.empty()) r.notes.push_back(k.note);
  r.strategy_note = k.note;
  for (const auto& n : e.notes_shown) r.notes.push_back(n(text::Locale{lang, options.years}));
  r.chart = chart_of(e, strategy);
  if (series) r.drilldowns = build_drilldowns(k, *series, as_of, options);
  return r;
}

std::vector<YearColumn> columns(int from, int to, YearStyle style) {
  std::vector<YearColumn> out;
  for (int y = from; y <= to; ++y) out.push_back({y, year_label(y, style)});
  return out;
}

SummaryRow summary_of(const evaluate::Rollup& r, bool total) {
  SummaryRow s{r.key, r.name, r.kpis, {}, total};
  for (const auto& g : r.grades) s.grades.push_back({g.count, g.share_percent});
  return s;
}

}  // namespace

ReportModel build_report(const evaluate::Evaluation& ev, const config::Strategy& strategy,
                         const DrilldownInput& drilldowns, const ReportOptions& options, const SignoffInput& signoff) {
  ReportModel m;
  m.options = options;
  m.city = ev.city;
  m.strategy = ev.strategy;
  m.as_of = ev.as_of.str();
  m.as_of_text = text::date_text(ev.as_of, options.lang);
  m.scheme = ev.scheme;
  m.scheme_title = ev.scheme_title;
  m.years = columns(ev.first_year, ev.last_year, options.years);

  // The numeric targets' columns: every year of their windows (R8…R12 for Kama City).
  std::set<int> target_years;
  for (const auto& e : ev.kpis)
    if (e.kpi.goal_level)
      for (int y = e.kpi.target.value.from_year.value_or(ev.first_year); y <= e.kpi.target.year; ++y)
        target_years.insert(y);
  for (int y : target_years) m.target_years.push_back({y, year_label(y, options.years)});

  for (const auto& e : ev.kpis) {
    const auto found = drilldowns.find(e.kpi.id);
    const auto* series = found == drilldowns.end() ? nullptr : &found->second;
    if (e.kpi.goal_level)
      m.numeric_targets.push_back(row_of(e, strategy, m.target_years, series, ev.as_of, options));
    else
      m.projects.push_back(row_of(e, strategy, m.years, series, ev.as_of, options));
  }
  for (const auto& g : ev.total.grades) m.grades.push_back({g.symbol, g.label});
  for (const auto& g : ev.goals) m.goal_summary.push_back(summary_of(g, false));
  SummaryRow total = summary_of(ev.total, true);
  total.name = labels_for(options.lang).total;
  m.goal_summary.push_back(std::move(total));
  apply_signoff(m, signoff, ev.as_of);
  for (auto* rows : {&m.projects, &m.numeric_targets})
    for (auto& row : *rows)
      for (auto& d : row.drilldowns) fold_drilldown_rows(d, options.drilldown_rows, options.lang);
  return m;
}

}  // namespace sosei::report
