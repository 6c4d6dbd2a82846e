// Streaming UTF-8 validation; the byte ranges follow the table in RFC 3629 section 4.
#include "input/utf8_validator.hpp"

namespace sosei::input {

std::size_t Utf8Validator::check(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (remaining_ > 0) {
      if (b < low_ || b > high_) {
        remaining_ = 0;
        return i;
      }
      --remaining_;
      low_ = 0x80;
      high_ = 0xBF;
      continue;
    }
    if (b < 0x80) continue;
    if (b >= 0xC2 && b <= 0xDF) {
      remaining_ = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      remaining_ = 2;
      if (b == 0xE0) low_ = 0xA0;   // no overlongs
      if (b == 0xED) high_ = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      remaining_ = 3;
      if (b == 0xF0) low_ = 0x90;
      if (b == 0xF4) high_ = 0x8F;  // up to U+10FFFF
    } else {
      return i;
    }
  }
  return kValid;
}

bool looks_like_utf8(std::string_view bytes, bool may_be_cut) {
  Utf8Validator validator;
  if (validator.check(bytes) != Utf8Validator::kValid) return false;
  return may_be_cut || !validator.in_character();
}

}  // namespace sosei::input
