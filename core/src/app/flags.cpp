// Data-quality flags for people (flags.hpp).
#include "app/flags.hpp"

#include <algorithm>
#include <stdexcept>

#include "status/status.hpp"

namespace sosei::app {

std::string series_department(const config::AppConfig& config, const std::string& series) {
  if (const config::Kpi* k = config.strategy.find_kpi(series)) return k->department;
  const auto slash = series.find('/');
  if (slash == std::string::npos) return "";
  const config::Source* s = config.find_source(series.substr(0, slash));
  if (!s) return "";
  for (const auto& id : s->kpis)
    if (const config::Kpi* k = config.strategy.find_kpi(id)) return k->department;
  return "";
}

std::vector<FlagRow> list_flags(const config::AppConfig& config, store::Store& store, const FlagFilter& filter) {
  std::vector<FlagRow> rows;
  for (auto& f : store.flags({filter.kpi, filter.open_only, std::nullopt})) {
    std::string department = series_department(config, f.key.series);
    if (!filter.department.empty() && department != filter.department) continue;
    rows.push_back({std::move(f), std::move(department)});
  }
  return rows;
}

bool resolve_flag(const config::AppConfig& config, store::Store& store, int64_t id, const Signer& who,
                  const std::string& note) {
  const auto found = store.flags({"", true, id});
  if (found.empty()) return false;
  const store::QualityFlag& flag = found[0];
  if (who.role == store::TokenRole::Department && series_department(config, flag.key.series) != who.actor.department)
    throw std::invalid_argument("flag " + std::to_string(id) + " belongs to another department");
  store::AuditEvent event;
  event.who = who.actor;
  event.action = "flag.resolve";
  event.kpi = flag.key.series;
  event.period = flag.key.period;
  event.dimensions = flag.key.dimensions;
  event.before = flag.raised.rule + " open";
  event.after = "resolved";
  event.reason = note;
  return store.resolve_flag(id, event);
}

std::set<std::string> flagged_kpis(store::Store& store, const evaluate::Evaluation& evaluation) {
  std::set<std::string> flagged;
  const auto open = store.flags({"", true, std::nullopt});
  if (open.empty()) return flagged;
  for (const auto& e : evaluation.kpis)
    for (const auto& f : open)
      if (f.key.series == e.kpi.id &&
          std::find(e.actual.periods.begin(), e.actual.periods.end(), f.key.period) != e.actual.periods.end())
        flagged.insert(e.kpi.id);
  return flagged;
}

int open_errors_due(const config::AppConfig& config, store::Store& store, const Date& today) {
  int count = 0;
  for (const auto& f : store.flags({"", true, std::nullopt})) {
    if (f.raised.level != store::FlagLevel::Error) continue;
    const config::Kpi* kpi = config.strategy.find_kpi(f.key.series);
    const Period& p = f.key.period;
    const int year =
        p.kind == PeriodKind::FiscalYear || p.kind == PeriodKind::CalendarYear ? p.year : p.fiscal_year_of();
    // A period is due once its data were due (the KPI's data_due); a plugin series' once its year ended.
    std::optional<Date> due = kpi ? status::due_date(*kpi, year) : std::nullopt;
    if (!due) due = Date{year + 1, 3, 31};
    if (!(today < *due)) ++count;
  }
  return count;
}

}  // namespace sosei::app
