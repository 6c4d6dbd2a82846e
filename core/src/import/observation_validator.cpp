// Validation rules for incoming observations (docs/config.md lists the bounds per unit).
#include "import/observation_validator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/identifiers.hpp"

namespace sosei::import {
namespace {

std::string_view view(const sosei_str& s) { return s.data ? std::string_view(s.data, s.size) : std::string_view(); }

std::string fmt_number(double v) { return Value::of(v).str(); }

}  // namespace

void assign_location(const sosei_observation& o, std::string& out) {
  out.assign(view(o.file));
  if (!out.empty() && o.line) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, o.line).ptr;
    out.append(":").append(digits, end);
  }
}

std::string location_of(const sosei_observation& o) {
  std::string loc;
  assign_location(o, loc);
  return loc;
}

namespace {

// When the observation names the same dimension keys as the map already holds (a plugin's
// observations usually all do), overwrites the values in place: no node or string is allocated.
// The keys in the map were checked when they were inserted; equal counts and every map key found
// once among the observation's keys mean the observation's keys are exactly those, without repeats.
bool reuse_dimensions(const sosei_observation& o, store::Dimensions& dimensions) {
  if (dimensions.empty() || dimensions.size() != o.dimension_count) return false;
  const auto find = [&](const std::string& key) -> const sosei_dimension* {
    for (uint32_t i = 0; i < o.dimension_count; ++i)
      if (view(o.dimensions[i].key) == key) return &o.dimensions[i];
    return nullptr;
  };
  for (const auto& entry : dimensions)
    if (!find(entry.first)) return false;
  for (auto& entry : dimensions) entry.second.assign(view(find(entry.first)->value));
  return true;
}

}  // namespace

ObservationValidator::ObservationValidator(const config::Strategy& strategy, const config::Source& source,
                                           const host::PluginMeta& plugin)
    : strategy_(strategy), source_(source), plugin_(plugin) {}

std::optional<std::string> ObservationValidator::check_kpi(const config::Kpi& kpi, const sosei_observation& o) const {
  if (std::find(source_.kpis.begin(), source_.kpis.end(), kpi.id) == source_.kpis.end())
    return "source '" + source_.id + "' is not bound to KPI '" + kpi.id + "' (add it to the source's kpis)";
  const int want = kpi.period_type == config::PeriodType::FiscalYear ? SOSEI_PERIOD_FISCAL_YEAR
                                                                      : SOSEI_PERIOD_CALENDAR_YEAR;
  if (o.period.kind != want)
    return "KPI '" + kpi.id + "' takes " + (want == SOSEI_PERIOD_FISCAL_YEAR ? "fiscal-year" : "calendar-year") +
           " values, got the period " + Period{static_cast<PeriodKind>(o.period.kind), o.period.year, o.period.month,
                                               o.period.day}.str();
  if (o.value_kind == SOSEI_VALUE_NUMBER) {
    if (kpi.min && o.number < *kpi.min)
      return "value " + fmt_number(o.number) + " of KPI '" + kpi.id + "' is below its minimum " + fmt_number(*kpi.min) +
             (kpi.unit.empty() ? "" : " " + kpi.unit);
    if (kpi.max && o.number > *kpi.max)
      return "value " + fmt_number(o.number) + " of KPI '" + kpi.id + "' is above its maximum " + fmt_number(*kpi.max) +
             (kpi.unit.empty() ? "" : " " + kpi.unit);
  }
  return std::nullopt;
}

std::optional<std::string> ObservationValidator::check(const sosei_observation& o, store::ObservationKey& key,
                                                       store::ObservationData& data) const {
  if (o.struct_size < offsetof(sosei_observation, line) + sizeof(o.line))
    return "malformed observation (struct_size " + std::to_string(o.struct_size) + ")";
  const std::string_view series = view(o.series);
  if (series.empty()) return "observation without a series (KPI id)";

  const Period period{static_cast<PeriodKind>(o.period.kind), o.period.year, o.period.month, o.period.day};
  if (o.period.kind < SOSEI_PERIOD_FISCAL_YEAR || o.period.kind > SOSEI_PERIOD_DATE || !period.valid())
    return "invalid period (kind " + std::to_string(o.period.kind) + ", " + std::to_string(o.period.year) + "-" +
           std::to_string(o.period.month) + "-" + std::to_string(o.period.day) + ")";
  const int year = period.kind == PeriodKind::FiscalYear ? period.year : period.fiscal_year_of();
  if (year < strategy_.history_from || year > strategy_.last_year)
    return "period " + period.str() + " is outside the strategy's range FY" + std::to_string(strategy_.history_from) +
           "–FY" + std::to_string(strategy_.last_year);

  if (o.value_kind < SOSEI_VALUE_NUMBER || o.value_kind > SOSEI_VALUE_DONE)
    return "unknown value kind " + std::to_string(o.value_kind);
  if (o.value_kind == SOSEI_VALUE_NUMBER && !std::isfinite(o.number)) return "the value is not a finite number";

  if (const config::Kpi* kpi = strategy_.find_kpi(series)) {
    if (auto why = check_kpi(*kpi, o)) return why;
    key.series.assign(series);
  } else if (plugin_.declares_series(series)) {
    key.series.assign(source_.id).append("/").append(series);
  } else {
    return "unknown series '" + std::string(series) + "': not a KPI of the strategy nor a series plugin '" +
           plugin_.name + "' declares";
  }

  key.period = period;
  if (o.dimension_count && !o.dimensions) return "dimension_count set without dimensions";
  if (!reuse_dimensions(o, key.dimensions)) {
    key.dimensions.clear();
    for (uint32_t i = 0; i < o.dimension_count; ++i) {
      const std::string k(view(o.dimensions[i].key));
      if (!is_identifier(k)) return "dimension name '" + k + "' is not valid (lower-case letters, digits and _)";
      if (!key.dimensions.emplace(k, std::string(view(o.dimensions[i].value))).second)
        return "dimension '" + k + "' given twice";
    }
  }

  data.value = o.value_kind == SOSEI_VALUE_NUMBER ? Value::of(o.number) : Value::status(static_cast<ValueKind>(o.value_kind));
  data.flags = o.flags;
  data.note.assign(view(o.note));
  assign_location(o, data.location);
  return std::nullopt;
}

}  // namespace sosei::import
