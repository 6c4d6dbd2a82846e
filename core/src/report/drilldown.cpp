// Dimensioned totals (summed per dimension set and month by the store) → drill-down tables
// (drilldown.hpp). The work grows with the dimension sets and months, not with the observations.
#include "report/drilldown.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "report/drilldown_caption.hpp"
#include "report/labels.hpp"
#include "report/number_format.hpp"

namespace sosei::report {
namespace {

int year_of(const config::Kpi& kpi, const Period& p) {
  return kpi.period_type == config::PeriodType::CalendarYear ? p.calendar_year_of() : p.fiscal_year_of();
}

// A value counts once the whole year it is summed into is published, as the KPI's own value would be.
bool published(const config::Kpi& kpi, int year, const Date& as_of) {
  const Period whole =
      kpi.period_type == config::PeriodType::CalendarYear ? Period::calendar_year(year) : Period::fiscal_year(year);
  return published_on(whole, kpi.publication_lag_months) <= as_of;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether `a` and `b` name the same things one to one over these totals.
bool one_to_one(const std::vector<const store::DimensionTotal*>& totals, const std::string& a, const std::string& b) {
  std::map<std::string, std::string> ab, ba;
  for (const auto* t : totals) {
    const auto ia = t->dimensions.find(a), ib = t->dimensions.find(b);
    if (ia == t->dimensions.end() || ib == t->dimensions.end()) return false;
    const auto x = ab.try_emplace(ia->second, ib->second).first;
    const auto y = ba.try_emplace(ib->second, ia->second).first;
    if (x->second != ib->second || y->second != ia->second) return false;
  }
  return true;
}

// Keys worth a column: every key except a code twin of a name, most distinct values first.
std::vector<std::string> shown_keys(const std::vector<const store::DimensionTotal*>& totals) {
  std::map<std::string, std::set<std::string>> distinct;
  for (const auto* t : totals)
    for (const auto& [k, v] : t->dimensions) distinct[k].insert(v);
  std::vector<std::string> keys;
  for (const auto& [k, values] : distinct) {
    bool twin = false;
    for (const auto& entry : distinct) {
      const std::string& other = entry.first;
      if (other != k && (ends_with(k, "_code") || other == k + "_name") && one_to_one(totals, k, other)) twin = true;
    }
    if (!twin) keys.push_back(k);
  }
  // Most distinct values first (district before covered); on a tie a name before a flag.
  std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    if (distinct[a].size() != distinct[b].size()) return distinct[a].size() > distinct[b].size();
    return ends_with(a, "_name") && !ends_with(b, "_name");
  });
  return keys;
}

// Largest latest value first; a row without one is ranked by its latest earlier year.
void order_rows(Drilldown& d) {
  std::stable_sort(d.rows.begin(), d.rows.end(), [](const DrilldownRow& a, const DrilldownRow& b) {
    for (std::size_t i = a.values.size(); i-- > 0;) {
      const double x = a.values[i].value_or(-1e300), y = b.values[i].value_or(-1e300);
      if (x != y) return x > y;
    }
    return false;
  });
}

std::optional<Drilldown> build_one(const config::Kpi& kpi, const DimensionedSeries& s, const Date& as_of,
                                   const ReportOptions& options) {
  std::vector<const store::DimensionTotal*> totals;
  for (const auto& t : s.totals)
    if (!t.dimensions.empty() && published(kpi, year_of(kpi, t.period), as_of)) totals.push_back(&t);
  if (totals.empty()) return std::nullopt;

  Drilldown d;
  d.series = s.series;
  d.unit = s.unit;
  d.help = s.help;
  d.dimension_keys = shown_keys(totals);
  const Lang lang = options.lang;
  for (const auto& k : d.dimension_keys) d.dimension_names.push_back(display_name(s.names.find_dimension(k), lang, k));
  d.name = display_name(&s.name, lang, s.series);
  PeriodKind finest = PeriodKind::FiscalYear;  // the series' own period, for the caption
  std::set<int> years;
  std::map<std::vector<std::string>, std::map<int, double>> cells;
  for (const auto* t : totals) {
    std::vector<std::string> row;
    for (const auto& k : d.dimension_keys) {
      const auto it = t->dimensions.find(k);
      row.push_back(it == t->dimensions.end() ? "" : it->second);
    }
    if (static_cast<int>(t->stored_kind) > static_cast<int>(finest)) finest = t->stored_kind;
    const int y = year_of(kpi, t->period);
    years.insert(y);
    cells[row][y] += t->sum;
    if (t->stored_kind == PeriodKind::Month || t->stored_kind == PeriodKind::Date) d.months_summed = true;
  }
  // A calendar year is labelled 2024 in both styles: R6 would read as a fiscal year.
  const bool calendar = kpi.period_type == config::PeriodType::CalendarYear;
  for (int y : years) d.years.push_back({y, calendar ? std::to_string(y) : year_label(y, options.years)});
  d.caption = drilldown_caption(d.name, finest, d.dimension_names, lang);
  for (const auto& [dims, by_year] : cells) {
    DrilldownRow r{dims, {}, {}};
    for (int y : years) {
      const auto it = by_year.find(y);
      r.values.push_back(it == by_year.end() ? std::nullopt : std::optional<double>(it->second));
    }
    d.rows.push_back(std::move(r));
  }
  order_rows(d);
  // Display names for every row: which rows are shown is decided later (fold_drilldown_rows), after
  // a final report has left its unapproved years empty.
  for (auto& r : d.rows)
    for (std::size_t i = 0; i < r.dimensions.size(); ++i)
      r.labels.push_back(display_name(s.names.find_value(d.dimension_keys[i], r.dimensions[i]), lang, r.dimensions[i]));
  return d;
}

}  // namespace

void fold_drilldown_rows(Drilldown& d, std::size_t shown, Lang lang) {
  order_rows(d);  // again: a final report may have emptied the latest year since build_drilldowns
  // 0 shows every row; a single row beyond the shown ones is shown rather than summed alone.
  if (shown == 0 || d.rows.size() <= shown + 1) return;
  DrilldownOthers others;
  others.rows = d.rows.size() - shown;
  others.values.assign(d.years.size(), std::nullopt);
  for (std::size_t r = shown; r < d.rows.size(); ++r)
    for (std::size_t y = 0; y < d.years.size(); ++y)
      if (const auto& v = d.rows[r].values[y]) others.values[y] = others.values[y].value_or(0) + *v;
  const std::string count = grouped(static_cast<double>(others.rows));
  others.label = lang == Lang::Ja ? std::string(labels_for(lang).others) + "（" + count + "件）"
                                  : std::string(labels_for(lang).others) + " (" + count + ")";
  d.rows.resize(shown);
  d.others = std::move(others);
}

std::vector<Drilldown> build_drilldowns(const config::Kpi& kpi, const std::vector<DimensionedSeries>& series,
                                        const Date& as_of, const ReportOptions& options) {
  std::vector<Drilldown> all;
  for (const auto& s : series)
    if (auto d = build_one(kpi, s, as_of, options)) all.push_back(std::move(*d));
  // bus_ridership stores boardings per route both by month and by fiscal year: show the year once.
  std::vector<Drilldown> out;
  for (const auto& d : all) {
    const bool yearly_twin = d.months_summed && std::any_of(all.begin(), all.end(), [&](const Drilldown& o) {
                               return !o.months_summed && o.dimension_keys == d.dimension_keys;
                             });
    if (!yearly_twin) out.push_back(d);
  }
  return out;
}

}  // namespace sosei::report
