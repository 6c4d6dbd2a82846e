// Durations ("30s", "10m", "6h", "1d", "1h30m") and byte sizes ("512MiB", "1GiB") as written in the
// configuration. Pure text → value; the loaders turn a nullopt into a located error.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sosei::config {

// One or more NUMBER UNIT pairs, unit s, m, h or d ("1h30m"); "0" alone is zero. nullopt otherwise
// (no unit, unknown unit, overflow).
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The shortest text parse_duration reads back: 5400s → "1h30m", 0 → "0s".
std::string format_duration(std::chrono::seconds d);

// A whole number of bytes, optionally with a binary unit B, KiB, MiB, GiB or TiB ("512MiB"); nullopt
// otherwise (decimal units such as MB are refused: they are ambiguous).
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

}  // namespace sosei::config
