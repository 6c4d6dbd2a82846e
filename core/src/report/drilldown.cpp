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

// Whether `a` and `b` name the same things one to one over these dimension sets.
bool one_to_one(const std::vector<const store::Dimensions*>& sets, const std::string& a, const std::string& b) {
  std::map<std::string, std::string> ab, ba;
  for (const auto* d : sets) {
    const auto ia = d->find(a), ib = d->find(b);
    if (ia == d->end() || ib == d->end()) return false;
    const auto x = ab.try_emplace(ia->second, ib->second).first;
    const auto y = ba.try_emplace(ib->second, ia->second).first;
    if (x->second != ib->second || y->second != ia->second) return false;
  }
  return true;
}

// Keys worth a column: every key except a code twin of a name, most distinct values first.
std::vector<std::string> shown_keys(const std::vector<const store::Dimensions*>& sets) {
  std::map<std::string, std::set<std::string>> distinct;
  for (const auto* d : sets)
    for (const auto& [k, v] : *d) distinct[k].insert(v);
  std::vector<std::string> keys;
  for (const auto& [k, values] : distinct) {
    bool twin = false;
    for (const auto& entry : distinct) {
      const std::string& other = entry.first;
      if (other != k && (ends_with(k, "_code") || other == k + "_name") && one_to_one(sets, k, other)) twin = true;
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

// The published totals of one dimension set, summed per year.
struct SetSums {
  const store::Dimensions* dimensions;
  std::map<int, double> by_year;
};

// Groups the totals by dimension set: by the store's set number first, so each total costs one
// comparison of its dimensions with its set's (10 M daily values: 330,000 totals of 5,000 sets), then
// by the dimensions themselves, so totals numbered otherwise (built by hand) still group right.
std::vector<SetSums> sums_per_set(const config::Kpi& kpi, const DimensionedSeries& s, const Date& as_of,
                                  PeriodKind& finest, bool& months_summed) {
  std::vector<SetSums> sets;
  std::vector<std::vector<std::size_t>> sets_numbered;  // the store's set number → indices into `sets`
  for (const auto& t : s.totals) {
    if (t.dimensions->empty()) continue;
    const int y = year_of(kpi, t.period);
    if (!published(kpi, y, as_of)) continue;
    if (t.set >= sets_numbered.size()) sets_numbered.resize(t.set + 1);
    auto& candidates = sets_numbered[t.set];
    const auto same = std::find_if(candidates.begin(), candidates.end(), [&](std::size_t i) {
      return sets[i].dimensions == t.dimensions.get() || *sets[i].dimensions == *t.dimensions;
    });
    std::size_t index = 0;
    if (same != candidates.end()) {
      index = *same;
    } else {
      index = sets.size();
      sets.push_back({t.dimensions.get(), {}});
      candidates.push_back(index);
    }
    sets[index].by_year[y] += t.sum;
    if (static_cast<int>(t.stored_kind) > static_cast<int>(finest)) finest = t.stored_kind;
    if (t.stored_kind == PeriodKind::Month || t.stored_kind == PeriodKind::Date) months_summed = true;
  }
  return sets;
}

std::optional<Drilldown> build_one(const config::Kpi& kpi, const DimensionedSeries& s, const Date& as_of,
                                   const ReportOptions& options) {
  Drilldown d;
  PeriodKind finest = PeriodKind::FiscalYear;  // the series' own period, for the caption
  const std::vector<SetSums> sets = sums_per_set(kpi, s, as_of, finest, d.months_summed);
  if (sets.empty()) return std::nullopt;
  std::vector<const store::Dimensions*> dimensions;
  dimensions.reserve(sets.size());
  for (const auto& set : sets) dimensions.push_back(set.dimensions);

  d.series = s.series;
  d.unit = s.unit;
  d.help = s.help;
  d.dimension_keys = shown_keys(dimensions);
  const Lang lang = options.lang;
  for (const auto& k : d.dimension_keys) d.dimension_names.push_back(display_name(s.names.find_dimension(k), lang, k));
  d.name = display_name(&s.name, lang, s.series);
  std::set<int> years;
  std::map<std::vector<std::string>, std::map<int, double>> cells;
  for (const auto& set : sets) {
    std::vector<std::string> row;
    for (const auto& k : d.dimension_keys) {
      const auto it = set.dimensions->find(k);
      row.push_back(it == set.dimensions->end() ? "" : it->second);
    }
    auto& cell = cells[row];
    for (const auto& [y, sum] : set.by_year) {
      years.insert(y);
      cell[y] += sum;
    }
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
  const std::string count = grouped(static_cast<double>(others.rows), lang);
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
