// The core's own observation: what a plugin emitted, converted from the SDK's C struct once, where it
// enters the core (the host's emit, the worker's decoder). Validation, storage and `plugin check`
// see only this type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/period.hpp"
#include "sosei/sdk.h"

namespace sosei {

// Dimensions of an observation (route, spot, district…), ordered by key so equal sets compare equal.
using Dimensions = std::map<std::string, std::string>;

struct Observation {
  std::string series;  // as the plugin named it: a KPI id or a series it declares
  Period period;       // as sent: valid() may be false, for the validator to say so
  Dimensions dimensions;
  Value value;         // as sent: the kind may be unknown or the number not finite
  uint32_t flags = 0;  // SOSEI_OBS_*
  std::string note;
  std::string location;  // "file.csv:12", the file alone, or ""
};

// Fills `out` from a plugin's C observation, reusing out's memory: called once per observation, it
// allocates nothing once warmed up. Returns why the struct itself is unusable (too small for this
// SDK, dimensions missing, a dimension given twice); `out.location` is set whenever it can be read.
std::optional<std::string> assign_observation(const sosei_observation& c, Observation& out);

// "file:line", the file alone when the line is 0, or "" — into `out`, reusing its memory.
void assign_location(std::string_view file, uint64_t line, std::string& out);

}  // namespace sosei
