// Validation rules for incoming observations (docs/config.md lists the bounds per unit).
#include "import/observation_validator.hpp"

#include <algorithm>
#include <cmath>

#include "common/identifiers.hpp"
#include "text/import_messages.hpp"
#include "text/periods.hpp"

namespace sosei::import {
namespace {

using text::ImportMessages;
using text::say;

std::string fmt_number(double v) { return Value::of(v).str(); }

// What any series' value obeys: a valid period within the strategy's years, a known value kind, a
// finite number.
std::optional<std::string> check_period_and_value(const config::Strategy& strategy, const Observation& o,
                                                  const text::Locale& l) {
  const Period& period = o.period;
  if (!period.valid())
    return say(l.lang, &ImportMessages::invalid_period, static_cast<int>(period.kind), period.year, period.month,
               period.day);
  if (!in_strategy_range(strategy, period))
    return say(l.lang, &ImportMessages::outside_strategy, text::period_text(period, l.years, l.lang),
               text::fiscal_year_text(strategy.history_from, l.years, l.lang),
               text::fiscal_year_text(strategy.last_value_year(), l.years, l.lang));
  const int kind = static_cast<int>(o.value.kind);
  if (kind < SOSEI_VALUE_NUMBER || kind > SOSEI_VALUE_DONE)
    return say(l.lang, &ImportMessages::unknown_value_kind, kind);
  if (o.value.is_number() && !std::isfinite(o.value.number)) return say(l.lang, &ImportMessages::not_finite);
  return std::nullopt;
}

// The KPI's own rules: its period type and bounds.
std::optional<std::string> check_kpi_rules(const config::Kpi& kpi, const Observation& o, text::Lang lang) {
  const PeriodKind want =
      kpi.period_type == config::PeriodType::FiscalYear ? PeriodKind::FiscalYear : PeriodKind::CalendarYear;
  if (o.period.kind != want)
    return say(lang, &ImportMessages::wrong_period_kind, kpi.id,
               say(lang, want == PeriodKind::FiscalYear ? &ImportMessages::fiscal_year_values
                                                        : &ImportMessages::calendar_year_values),
               o.period.str());
  if (o.value.is_number()) {
    const double number = o.value.number;
    const std::string unit = kpi.unit.empty() ? "" : " " + kpi.unit;
    if (kpi.min && number < *kpi.min)
      return say(lang, &ImportMessages::below_minimum, fmt_number(number), kpi.id, fmt_number(*kpi.min) + unit);
    if (kpi.max && number > *kpi.max)
      return say(lang, &ImportMessages::above_maximum, fmt_number(number), kpi.id, fmt_number(*kpi.max) + unit);
  }
  return std::nullopt;
}

// Copies the dimensions into the key. When they name the keys the key holds already (a plugin's
// observations usually all do), only the values are assigned: no node or string is allocated, and
// the names were checked when they were inserted.
std::optional<std::string> assign_dimensions(const Dimensions& from, Dimensions& to, text::Lang lang) {
  if (!to.empty() && to.size() == from.size() &&
      std::equal(to.begin(), to.end(), from.begin(), [](const auto& a, const auto& b) { return a.first == b.first; })) {
    auto source = from.begin();
    for (auto& entry : to) entry.second.assign((source++)->second);
    return std::nullopt;
  }
  to.clear();
  for (const auto& [name, value] : from) {
    if (!is_identifier(name)) return say(lang, &ImportMessages::bad_dimension_name, name);
    to.emplace_hint(to.end(), name, value);
  }
  return std::nullopt;
}

}  // namespace

bool in_strategy_range(const config::Strategy& strategy, const Period& period) {
  const int year = period.kind == PeriodKind::FiscalYear ? period.year : period.fiscal_year_of();
  return year >= strategy.history_from && year <= strategy.last_value_year();
}

std::optional<std::string> check_kpi_value(const config::Strategy& strategy, const config::Kpi& kpi,
                                           const Observation& o, const text::Locale& locale) {
  if (auto why = check_period_and_value(strategy, o, locale)) return why;
  return check_kpi_rules(kpi, o, locale.lang);
}

ObservationValidator::ObservationValidator(const config::Strategy& strategy, const config::Source& source,
                                           const host::PluginMeta& plugin, const text::Locale& locale)
    : strategy_(strategy), source_(source), plugin_(plugin), locale_(locale) {}

std::optional<std::string> ObservationValidator::check(const Observation& o, store::ObservationKey& key,
                                                       store::ObservationData& data) const {
  const text::Lang lang = locale_.lang;
  if (o.series.empty()) return say(lang, &ImportMessages::no_series);
  if (auto why = check_period_and_value(strategy_, o, locale_)) return why;

  if (const config::Kpi* kpi = strategy_.find_kpi(o.series)) {
    if (std::find(source_.kpis.begin(), source_.kpis.end(), kpi->id) == source_.kpis.end())
      return say(lang, &ImportMessages::source_not_bound, source_.id, kpi->id);
    if (auto why = check_kpi_rules(*kpi, o, lang)) return why;
    key.series.assign(o.series);
  } else if (plugin_.declares_series(o.series)) {
    key.series.assign(source_.id).append("/").append(o.series);
  } else {
    return say(lang, &ImportMessages::unknown_series, o.series, plugin_.name);
  }

  key.period = o.period;
  if (auto why = assign_dimensions(o.dimensions, key.dimensions, lang)) return why;
  data.value = o.value;
  data.flags = o.flags;
  data.note.assign(o.note);
  data.location.assign(o.location);
  return std::nullopt;
}

}  // namespace sosei::import
