// Internal to the config concern: a source's `schedule:`, `isolation:` and `memory_limit:` values
// read and checked, each error at the value's file:line:column.
#pragma once

#include <cstdint>

#include "config/yaml_reader.hpp"

namespace sosei::config::detail {

// `schedule:` as a string (cron text, a macro such as @daily, or "every 6h") or a map with cron |
// every, jitter, timeout, retries, backoff, catch_up. `source` is the source's map reader.
ScheduleSpec read_schedule(const Document& doc, const MapReader& source);

Isolation read_isolation(const MapReader& source);

// `memory_limit:` in bytes (default 1 GiB, 0 = no limit).
std::uint64_t read_memory_limit(const MapReader& source);

}  // namespace sosei::config::detail
