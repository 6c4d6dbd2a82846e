// Streaming UTF-8 validation (RFC 3629: no overlongs, surrogates or code points above U+10FFFF),
// fed in chunks so that a character may be split between two of them.
#pragma once

#include <cstddef>
#include <string_view>

namespace sosei::input {

class Utf8Validator {
 public:
  static constexpr std::size_t kValid = static_cast<std::size_t>(-1);

  // Checks the next bytes; returns the index of the first byte that cannot be part of valid
  // UTF-8, or kValid. After an invalid byte the validator is reset.
  std::size_t check(std::string_view bytes);
  // True when the bytes so far end in the middle of a character.
  bool in_character() const { return remaining_ != 0; }

 private:
  int remaining_ = 0;         // continuation bytes still expected
  unsigned char low_ = 0x80;  // bounds of the next continuation byte
  unsigned char high_ = 0xBF;
};

// True when `bytes` is valid UTF-8, allowing a character cut at the end when `may_be_cut`.
bool looks_like_utf8(std::string_view bytes, bool may_be_cut);

}  // namespace sosei::input
