// Validation rules for incoming observations (docs/config.md lists the bounds per unit).
#include "import/observation_validator.hpp"

#include <algorithm>
#include <cmath>

#include "common/identifiers.hpp"

namespace sosei::import {
namespace {

std::string fmt_number(double v) { return Value::of(v).str(); }

// What any series' value obeys: a valid period within the strategy's years, a known value kind, a
// finite number.
std::optional<std::string> check_period_and_value(const config::Strategy& strategy, const Observation& o) {
  const Period& period = o.period;
  if (!period.valid())
    return "invalid period (kind " + std::to_string(static_cast<int>(period.kind)) + ", " +
           std::to_string(period.year) + "-" + std::to_string(period.month) + "-" + std::to_string(period.day) + ")";
  if (!in_strategy_range(strategy, period))
    return "period " + period.str() + " is outside the strategy's range FY" + std::to_string(strategy.history_from) +
           "–FY" + std::to_string(strategy.last_year);
  const int kind = static_cast<int>(o.value.kind);
  if (kind < SOSEI_VALUE_NUMBER || kind > SOSEI_VALUE_DONE) return "unknown value kind " + std::to_string(kind);
  if (o.value.is_number() && !std::isfinite(o.value.number)) return "the value is not a finite number";
  return std::nullopt;
}

// The KPI's own rules: its period type and bounds.
std::optional<std::string> check_kpi_rules(const config::Kpi& kpi, const Observation& o) {
  const PeriodKind want =
      kpi.period_type == config::PeriodType::FiscalYear ? PeriodKind::FiscalYear : PeriodKind::CalendarYear;
  if (o.period.kind != want)
    return "KPI '" + kpi.id + "' takes " + (want == PeriodKind::FiscalYear ? "fiscal-year" : "calendar-year") +
           " values, got the period " + o.period.str();
  if (o.value.is_number()) {
    const double number = o.value.number;
    if (kpi.min && number < *kpi.min)
      return "value " + fmt_number(number) + " of KPI '" + kpi.id + "' is below its minimum " + fmt_number(*kpi.min) +
             (kpi.unit.empty() ? "" : " " + kpi.unit);
    if (kpi.max && number > *kpi.max)
      return "value " + fmt_number(number) + " of KPI '" + kpi.id + "' is above its maximum " + fmt_number(*kpi.max) +
             (kpi.unit.empty() ? "" : " " + kpi.unit);
  }
  return std::nullopt;
}

// Copies the dimensions into the key. When they name the keys the key holds already (a plugin's
// observations usually all do), only the values are assigned: no node or string is allocated, and
// the names were checked when they were inserted.
std::optional<std::string> assign_dimensions(const Dimensions& from, Dimensions& to) {
  if (!to.empty() && to.size() == from.size() &&
      std::equal(to.begin(), to.end(), from.begin(), [](const auto& a, const auto& b) { return a.first == b.first; })) {
    auto source = from.begin();
    for (auto& entry : to) entry.second.assign((source++)->second);
    return std::nullopt;
  }
  to.clear();
  for (const auto& [name, value] : from) {
    if (!is_identifier(name)) return "dimension name '" + name + "' is not valid (lower-case letters, digits and _)";
    to.emplace_hint(to.end(), name, value);
  }
  return std::nullopt;
}

}  // namespace

bool in_strategy_range(const config::Strategy& strategy, const Period& period) {
  const int year = period.kind == PeriodKind::FiscalYear ? period.year : period.fiscal_year_of();
  return year >= strategy.history_from && year <= strategy.last_year;
}

std::optional<std::string> check_kpi_value(const config::Strategy& strategy, const config::Kpi& kpi,
                                           const Observation& o) {
  if (auto why = check_period_and_value(strategy, o)) return why;
  return check_kpi_rules(kpi, o);
}

ObservationValidator::ObservationValidator(const config::Strategy& strategy, const config::Source& source,
                                           const host::PluginMeta& plugin)
    : strategy_(strategy), source_(source), plugin_(plugin) {}

std::optional<std::string> ObservationValidator::check(const Observation& o, store::ObservationKey& key,
                                                       store::ObservationData& data) const {
  if (o.series.empty()) return "observation without a series (KPI id)";
  if (auto why = check_period_and_value(strategy_, o)) return why;

  if (const config::Kpi* kpi = strategy_.find_kpi(o.series)) {
    if (std::find(source_.kpis.begin(), source_.kpis.end(), kpi->id) == source_.kpis.end())
      return "source '" + source_.id + "' is not bound to KPI '" + kpi->id + "' (add it to the source's kpis)";
    if (auto why = check_kpi_rules(*kpi, o)) return why;
    key.series.assign(o.series);
  } else if (plugin_.declares_series(o.series)) {
    key.series.assign(source_.id).append("/").append(o.series);
  } else {
    return "unknown series '" + o.series + "': not a KPI of the strategy nor a series plugin '" + plugin_.name +
           "' declares";
  }

  key.period = o.period;
  if (auto why = assign_dimensions(o.dimensions, key.dimensions)) return why;
  data.value = o.value;
  data.flags = o.flags;
  data.note.assign(o.note);
  data.location.assign(o.location);
  return std::nullopt;
}

}  // namespace sosei::import
