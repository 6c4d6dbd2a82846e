// Whether a KPI's data is overdue: the newest period whose due date has passed must be present.
#include <algorithm>

#include "status/status.hpp"

namespace sosei::status {
namespace {

Period period_of(const config::Kpi& kpi, int year) {
  return kpi.period_type == config::PeriodType::FiscalYear ? Period::fiscal_year(year) : Period::calendar_year(year);
}

// Compares yearly periods by year; a finer period (month, date) counts for the year it falls in.
int year_of(const Period& p, config::PeriodType type) {
  if (p.kind == PeriodKind::FiscalYear || p.kind == PeriodKind::CalendarYear) return p.year;
  if (type == config::PeriodType::FiscalYear && p.month > 0 && p.month < 4) return p.year - 1;
  return p.year;
}

}  // namespace

std::optional<Date> due_date(const config::Kpi& kpi, int year) {
  if (!kpi.data_due) return std::nullopt;
  const Date available = published_on(period_of(kpi, year), kpi.publication_lag_months);
  Date due{available.year, kpi.data_due->month, kpi.data_due->day};
  if (due <= available) due.year += 1;  // the first such day after the data can exist
  return due;
}

KpiFreshness kpi_freshness(const config::Strategy& strategy, const config::Kpi& kpi,
                           const std::optional<Period>& latest, const Date& today) {
  KpiFreshness f;
  f.id = kpi.id;
  f.name = kpi.name_ja;
  f.department = kpi.department;
  f.latest = latest;
  // Data are expected for the strategy's years (and the baseline years before them), never after. A
  // target with its own window (a goal's numeric target, a 5-year total R8→R12) expects the years of
  // that window only: nothing is due before its first year's data can exist, and its last year
  // (R12, after the strategy period) is expected like the others.
  int newest = strategy.last_year, oldest = strategy.history_from;
  if (kpi.target.value.from_year) {
    oldest = *kpi.target.value.from_year;
    newest = kpi.target.year;
  }
  for (int y = newest; y >= oldest; --y) {
    const auto due = due_date(kpi, y);
    if (!due) break;
    if (*due < today) {
      f.expected = period_of(kpi, y);
      f.due = due->str();
      break;
    }
  }
  if (f.expected) f.overdue = !latest || year_of(*latest, kpi.period_type) < f.expected->year;
  return f;
}

StatusReport build_status(const config::AppConfig& config, store::Store& store, const Date& today,
                          const std::function<std::optional<std::string>(const config::Source&)>& next_run) {
  StatusReport report;
  report.as_of = today.str();
  const auto quarantines = store.quarantines();
  for (const auto& source : config.sources) {
    SourceStatus s;
    s.id = source.id;
    s.plugin = source.plugin;
    if (source.schedule)
      s.schedule = !source.schedule->cron.empty() ? source.schedule->cron
                                                  : "every " + std::to_string(source.schedule->every.count()) + "s";
    const auto runs = store.runs(50, source.id);
    if (!runs.empty()) s.last_run = runs.front();
    for (const auto& r : runs)
      if (r.status == store::RunStatus::Succeeded || r.status == store::RunStatus::Unchanged) {
        s.last_success = r.started_at;  // the same event as last_run: both are starts
        break;
      }
    s.consecutive_failures = consecutive_failures(runs);
    for (const auto& q : quarantines)
      if (q.source == source.id) s.quarantine = q;
    if (!s.quarantine && next_run) s.next_run = next_run(source);
    report.sources.push_back(std::move(s));
  }
  for (const auto& kpi : config.strategy.kpis) {
    std::optional<Period> latest;
    for (const auto& o : store.values({kpi.id, std::nullopt, std::nullopt}))
      if (!latest || year_of(o.key.period, kpi.period_type) > year_of(*latest, kpi.period_type)) latest = o.key.period;
    report.kpis.push_back(kpi_freshness(config.strategy, kpi, latest, today));
  }
  return report;
}

}  // namespace sosei::status
