// Fuzz target: the text stream every CSV/TSV import reads through (BOM, UTF-8/CP932 detection, CP932
// conversion, UTF-8 validation, mis-encoding detection), over arbitrary bytes in each encoding mode.
// Invariants: it gives text or throws InputError — never a crash; never invalid UTF-8 out when it
// decides or converts the encoding (Auto, Cp932: what plugins receive is UTF-8 by contract); never
// more than three bytes of output per input byte.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "fuzz_target.hpp"
#include "input/text_stream.hpp"

namespace {

class Bytes final : public sosei::input::ByteSource {
 public:
  Bytes(const uint8_t* data, std::size_t size) : data_(data), left_(size) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min(capacity, left_);
    std::memcpy(buffer, data_, n);
    data_ += n;
    left_ -= n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  const uint8_t* data_;
  std::size_t left_;
  std::string name_ = "fuzz.csv";
};

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using sosei::input::Encoding;
  for (const Encoding encoding : {Encoding::Auto, Encoding::Utf8, Encoding::Cp932}) {
    std::string out;
    try {
      auto stream = sosei::input::open_text_stream(std::make_unique<Bytes>(data, size), encoding);
      char buffer[4096];
      while (const std::size_t n = stream->read(buffer, sizeof buffer)) out.append(buffer, n);
    } catch (const sosei::input::InputError&) {
      continue;
    }
    if (out.size() > 3 * size + 3) __builtin_trap();  // CP932 → UTF-8 is at most 3 bytes per byte
    // Utf8 passes the bytes after a BOM as they are (input_stream.hpp): the SDK's readers validate.
    if (encoding != Encoding::Utf8 && !valid_utf8(out)) __builtin_trap();
  }
  return 0;
}
