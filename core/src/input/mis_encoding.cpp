// Counting replacement and private-use characters in decoded text (mis_encoding.hpp).
#include "input/mis_encoding.hpp"

#include <cstddef>

namespace sosei::input {

std::optional<std::string> mis_encoding(std::string_view s) {
  std::size_t non_ascii = 0, replacement = 0, private_use = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0xC0) continue;  // ASCII, or a continuation byte
    ++non_ascii;
    if (s.substr(i, 3) == "\xEF\xBF\xBD") ++replacement;
    // U+E000–U+F8FF: EE 80 80 … EF A3 BF.
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == 0xEE || (c == 0xEF && next >= 0x80 && next <= 0xA3)) ++private_use;
  }
  constexpr std::size_t kAtLeast = 4;
  auto mostly = [&](std::size_t n) { return n >= kAtLeast && 2 * n >= non_ascii; };
  if (mostly(replacement))
    return std::to_string(replacement) + " of " + std::to_string(non_ascii) +
           " non-ASCII characters are U+FFFD, the replacement character left where text could not be decoded";
  if (mostly(private_use))
    return std::to_string(private_use) + " of " + std::to_string(non_ascii) +
           " non-ASCII characters are unassigned (private use) in CP932";
  return std::nullopt;
}

}  // namespace sosei::input
