// Reading and writing the duration and byte-size notations of the configuration.
#include "config/quantities.hpp"

#include <cctype>
#include <limits>
#include <utility>

namespace sosei::config {
namespace {

// Reads the digits at `text[i…]`; false when there are none or the number overflows.
bool read_number(std::string_view text, size_t& i, std::uint64_t& value) {
  const size_t start = i;
  value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    const auto digit = static_cast<std::uint64_t>(text[i] - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return false;
    value = value * 10 + digit;
    ++i;
  }
  return i > start;
}

constexpr std::pair<char, std::uint64_t> kDurationUnits[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
constexpr std::pair<std::string_view, int> kByteUnits[] = {{"", 0},     {"B", 0},    {"KiB", 10},
                                                           {"MiB", 20}, {"GiB", 30}, {"TiB", 40}};

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text == "0") return std::chrono::seconds{0};
  // Ten years is far beyond any sensible schedule and keeps every sum far from overflow.
  constexpr std::uint64_t kMax = 10ULL * 366 * 86400;
  std::uint64_t total = 0;
  size_t i = 0;
  if (text.empty()) return std::nullopt;
  while (i < text.size()) {
    std::uint64_t n = 0;
    if (!read_number(text, i, n) || i == text.size()) return std::nullopt;
    std::uint64_t unit = 0;
    for (auto [letter, size] : kDurationUnits)
      if (text[i] == letter) unit = size;
    if (unit == 0) return std::nullopt;
    ++i;
    if (n > kMax / unit) return std::nullopt;
    total += n * unit;
    if (total > kMax) return std::nullopt;
  }
  return std::chrono::seconds{static_cast<std::int64_t>(total)};
}

std::string format_duration(std::chrono::seconds d) {
  if (d.count() == 0) return "0s";
  std::string out;
  std::int64_t left = d.count();
  for (auto [size, unit] : {std::pair<std::int64_t, char>{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}) {
    if (left >= size) {
      out += std::to_string(left / size) + unit;
      left %= size;
    }
  }
  return out;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  size_t i = 0;
  std::uint64_t n = 0;
  if (!read_number(text, i, n)) return std::nullopt;
  const std::string_view unit = text.substr(i);
  int shift = -1;
  for (auto [name, bits] : kByteUnits)
    if (unit == name) shift = bits;
  if (shift < 0) return std::nullopt;
  if (n > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
  return n << shift;
}

}  // namespace sosei::config
