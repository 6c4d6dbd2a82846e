// A value from a file as a reason quotes it: in 「」 and cut short, so that a 10 MiB cell does not
// become a 10 MiB reason in every row's record. The cut falls between characters, never inside one:
// a ride file's stop names are Japanese, and half a character is an invalid byte in the reason.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bus_ridership {

inline constexpr std::size_t kQuotedBytes = 80;

inline std::string quoted(std::string_view value) {
  if (value.size() > kQuotedBytes) {
    std::size_t cut = kQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
    return "「" + std::string(value.substr(0, cut)) + "…」";
  }
  return "「" + std::string(value) + "」";
}

}  // namespace bus_ridership
