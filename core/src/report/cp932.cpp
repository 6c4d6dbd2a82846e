// UTF-8 → CP932 with iconv (cp932.hpp). No transliteration: a character that CP932 cannot hold is an
// error, never a silent "?".
#include "report/cp932.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace sosei::report {
namespace {

// The code point starting at `p` (valid UTF-8 is assumed; the text comes from our own model).
std::string describe(const char* p, std::size_t left) {
  const auto b = static_cast<unsigned char>(p[0]);
  const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  uint32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t i = 1; i < n && i < left; ++i) cp = (cp << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return std::string(buf) + " '" + std::string(p, std::min(n, left)) + "'";
}

}  // namespace

std::string utf8_to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Cp932Error("this system's iconv has no CP932 converter");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {  // cannot happen (CP932 needs at most 2 bytes per character), but be safe
      const std::size_t used = dst - out.data();
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const std::string what = describe(in, in_left);
    iconv_close(cd);
    throw Cp932Error("character " + what + " has no CP932 form");
  }
  out.resize(dst - out.data());
  iconv_close(cd);
  return out;
}

}  // namespace sosei::report
