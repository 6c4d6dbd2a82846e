// Checks one observation against the strategy before it may be stored: known KPI or declared series,
// the source is bound to it, period type and range, finite number within bounds. Hand entry applies
// the KPI rules alone (check_kpi_value).
#pragma once

#include <optional>
#include <string>

#include "common/observation.hpp"
#include "config/model.hpp"
#include "host/plugin_library.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::import {

// Whether a (valid) period falls in the strategy's years, FY history_from to FY last_year: no value
// outside them is ever stored.
bool in_strategy_range(const config::Strategy& strategy, const Period& period);

// The rules every value of `kpi` obeys, whoever enters it: a valid period within the strategy's
// years, of the KPI's period type, a known value kind, a finite number within the KPI's bounds. The
// reason is worded in `locale` (the city's language and year style).
std::optional<std::string> check_kpi_value(const config::Strategy& strategy, const config::Kpi& kpi,
                                           const Observation& o, const text::Locale& locale);

class ObservationValidator {
 public:
  // Reasons are worded in `locale`: the city's language, as sosei.yaml's `locale:` says.
  ObservationValidator(const config::Strategy& strategy, const config::Source& source, const host::PluginMeta& plugin,
                       const text::Locale& locale);

  // Fills key and data and returns nullopt when valid; else the reason, as a sentence. The import
  // passes the same key and data every time: once warmed up, this allocates nothing.
  std::optional<std::string> check(const Observation& o, store::ObservationKey& key,
                                   store::ObservationData& data) const;
  const text::Locale& locale() const { return locale_; }

 private:
  const config::Strategy& strategy_;
  const config::Source& source_;
  const host::PluginMeta& plugin_;
  text::Locale locale_;
};

}  // namespace sosei::import
