// Which stored values count for a KPI as of a date: published by then, inside the KPI's window, one
// per year. Everything left out is said in a note, because a council member will ask.
#include <algorithm>
#include <map>

#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"
#include "sosei/sdk.h"
#include "text/periods.hpp"

namespace sosei::evaluate {

bool is_flow(config::TargetKind kind) {
  return kind == config::TargetKind::Cumulative || kind == config::TargetKind::VsProjection;
}

Window window_of(const config::Strategy& strategy, const config::Kpi& kpi) {
  const int to = std::max(kpi.target.year, strategy.first_year);
  if (kpi.target.kind == config::TargetKind::VsProjection)
    return {kpi.target.value.from_year.value_or(strategy.first_year), to};
  if (is_flow(kpi.target.kind)) return {strategy.first_year, to};
  // A level is the latest value after the baseline: tourism's calendar 2024 is the figure the city
  // reports for FY2025, although it precedes the strategy period.
  const int after_baseline = kpi.baseline.year ? *kpi.baseline.year + 1 : strategy.first_year;
  return {std::min(after_baseline, strategy.first_year), to};
}

int year_of(const config::Kpi& kpi, const Period& period) {
  return kpi.period_type == config::PeriodType::CalendarYear ? period.calendar_year_of() : period.fiscal_year_of();
}

std::vector<YearValue> select_years(const config::Strategy& strategy, const config::Kpi& kpi,
                                    const std::vector<store::StoredObservation>& observations, const Date& as_of,
                                    std::vector<text::Phrase>& notes) {
  const Window w = window_of(strategy, kpi);
  std::map<int, YearValue> by_year;
  std::map<int, std::map<std::string, PartValue> > parts_by_year;  // a KPI measured in parts
  std::vector<text::Phrase> unpublished;
  std::vector<int> doubled;
  int with_dimensions = 0;
  for (const auto& o : observations) {
    const auto part = part_of(kpi, o);
    if (!o.key.dimensions.empty() && !part) {  // a breakdown (route, spot…); the KPI is its total
      ++with_dimensions;
      continue;
    }
    const int y = year_of(kpi, o.key.period);
    if (y < w.from || y > w.to) continue;
    const Date published = published_on(o.key.period, kpi.publication_lag_months);
    if (published > as_of) {
      unpublished.push_back(
          text::phrase(&text::Catalogue::note_published_on, period_phrase(o.key.period), date_phrase(published)));
      continue;
    }
    const bool series_break = (o.data.flags & SOSEI_OBS_SERIES_BREAK) != 0;
    if (part) {  // the latest period of a year wins for each part, as for totals
      PartValue pv{*part, kpi.combine->label_of(*part), o.data.value, o.key.period, series_break, o.run_id};
      auto [it, fresh] = parts_by_year[y].try_emplace(*part, pv);
      if (!fresh) {
        Date a, b;
        it->second.period.end_date(a.year, a.month, a.day);
        o.key.period.end_date(b.year, b.month, b.day);
        if (b > a) it->second = pv;
      }
      continue;
    }
    YearValue v{y, o.key.period, o.data.value, series_break, o.data.note, o.run_id, {}};
    auto [it, fresh] = by_year.try_emplace(y, v);
    if (!fresh) {
      Date a, b;
      it->second.period.end_date(a.year, a.month, a.day);
      o.key.period.end_date(b.year, b.month, b.day);
      if (b > a) it->second = v;
      doubled.push_back(y);
    }
  }
  if (!unpublished.empty())
    notes.push_back(text::phrase(&text::Catalogue::note_unpublished, date_phrase(as_of),
                                 text::joined(std::move(unpublished), "、", ", ")));
  for (const int y : doubled) {
    // A year key: a fiscal year, or a calendar year for a calendar-year KPI.
    const Period p =
        kpi.period_type == config::PeriodType::CalendarYear ? Period::calendar_year(y) : Period::fiscal_year(y);
    notes.push_back([y, p](const text::Locale& l) {
      return fmt::format(fmt::runtime(text::catalogue(l.lang).note_several_values),
                         l.lang == text::Lang::En ? std::to_string(y) : text::period_text(p, l.years, l.lang));
    });
  }
  // The parts form the year's value by the KPI's rule; a total stored for the same year is left out.
  for (auto& [y, parts] : parts_by_year) {
    std::vector<PartValue> list;
    for (auto& [_, p] : parts) list.push_back(std::move(p));
    if (auto total = by_year.find(y); total != by_year.end())
      notes.push_back(text::phrase(&text::Catalogue::note_parts_replace_total, period_phrase(total->second.period),
                                   kpi.combine->by));
    by_year[y] = combine_year(kpi, y, std::move(list));
  }
  if (with_dimensions > 0) notes.push_back(text::phrase(&text::Catalogue::note_dimensions_left_out, with_dimensions));
  std::vector<YearValue> out;
  for (auto& [y, v] : by_year) out.push_back(std::move(v));
  return out;
}

int elapsed_years(const config::Strategy& strategy, const config::Kpi& kpi, const Date& as_of) {
  const Window w = window_of(strategy, kpi);
  const int from = is_flow(kpi.target.kind) ? w.from : strategy.first_year;
  int k = 0;
  for (int y = from; y <= w.to; ++y) {
    const Period p =
        kpi.period_type == config::PeriodType::CalendarYear ? Period::calendar_year(y) : Period::fiscal_year(y);
    if (published_on(p, kpi.publication_lag_months) <= as_of) ++k;
  }
  return k;
}

}  // namespace sosei::evaluate
