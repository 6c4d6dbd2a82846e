// Checks one observation from a plugin against the strategy before it may be stored: known KPI or
// declared series, the source is bound to it, period type and range, finite number within bounds.
#pragma once

#include <optional>
#include <string>

#include "config/model.hpp"
#include "host/plugin_library.hpp"
#include "sosei/sdk.h"
#include "store/store.hpp"

namespace sosei::import {

class ObservationValidator {
 public:
  ObservationValidator(const config::Strategy& strategy, const config::Source& source, const host::PluginMeta& plugin);

  // Fills key and data and returns nullopt when valid; else the reason, as a sentence.
  std::optional<std::string> check(const sosei_observation& o, store::ObservationKey& key,
                                   store::ObservationData& data) const;

 private:
  std::optional<std::string> check_kpi(const config::Kpi& kpi, const sosei_observation& o) const;

  const config::Strategy& strategy_;
  const config::Source& source_;
  const host::PluginMeta& plugin_;
};

// "file:line" (or the file, or "") of an observation, for messages and the stored location.
std::string location_of(const sosei_observation& o);
// The same into `out`, reusing its memory (once per stored observation).
void assign_location(const sosei_observation& o, std::string& out);

}  // namespace sosei::import
