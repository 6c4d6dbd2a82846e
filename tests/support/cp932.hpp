// CP932 (Shift_JIS as Windows writes it) fixture text, made from UTF-8 with iconv: the one helper the
// input, host and plugin tests share to test encoding detection and conversion.
#pragma once

#include <iconv.h>

#include <stdexcept>
#include <string>

namespace sosei::test_support {

// The UTF-8 text in CP932; throws (failing the test) when iconv lacks CP932 or a character has no
// CP932 form.
inline std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("to_cp932: iconv has no CP932");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  const std::size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("to_cp932: cannot convert the fixture text");
  out.resize(out.size() - ol);
  return out;
}

}  // namespace sosei::test_support
