// The one conversion of the SDK's C observation into the core's (observation.hpp).
#include "common/observation.hpp"

#include <charconv>
#include <cstddef>

namespace sosei {
namespace {

std::string_view view(const sosei_str& s) { return s.data ? std::string_view(s.data, s.size) : std::string_view(); }

// When the observation names the same dimension keys as the map already holds (a plugin's
// observations usually all do), overwrites the values in place: no node or string is allocated.
// The map's keys are distinct; equal counts and every map key found among the observation's keys
// mean the observation's keys are exactly those, without repeats.
bool reuse_dimensions(const sosei_observation& o, Dimensions& dimensions) {
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

void assign_location(std::string_view file, uint64_t line, std::string& out) {
  out.assign(file);
  if (!out.empty() && line) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
    out.append(":").append(digits, end);
  }
}

std::optional<std::string> assign_observation(const sosei_observation& c, Observation& out) {
  // A plugin built against an older SDK hands a shorter struct: read no field it does not have.
  if (c.struct_size < offsetof(sosei_observation, line) + sizeof(c.line)) {
    out.location.clear();
    return "malformed observation (struct_size " + std::to_string(c.struct_size) + ")";
  }
  assign_location(view(c.file), c.line, out.location);
  out.series.assign(view(c.series));
  out.period = Period::from(c.period);
  out.value = Value::from(c.value_kind, c.number);
  out.flags = c.flags;
  out.note.assign(view(c.note));
  if (c.dimension_count && !c.dimensions) return "dimension_count set without dimensions";
  if (!reuse_dimensions(c, out.dimensions)) {
    out.dimensions.clear();
    for (uint32_t i = 0; i < c.dimension_count; ++i)
      if (!out.dimensions.emplace(view(c.dimensions[i].key), view(c.dimensions[i].value)).second)
        return "dimension '" + std::string(view(c.dimensions[i].key)) + "' given twice";
  }
  return std::nullopt;
}

}  // namespace sosei
