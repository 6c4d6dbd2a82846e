// CP932 (Shift_JIS with the NEC and IBM extensions: ①, ㈱, 髙) to UTF-8 through glibc iconv,
// chunk by chunk: a two-byte character cut at the end of a chunk waits for the next one.
#pragma once

#include <cstddef>

namespace sosei::input {

class Cp932Decoder {
 public:
  enum class Result {
    InputUsed,   // all input converted, or a cut character left for the next chunk
    OutputFull,  // stopped because the output is full; call again with more room
    Invalid      // `in` points at a byte sequence that is not CP932
  };

  Cp932Decoder();  // throws InputError when iconv lacks CP932
  ~Cp932Decoder();
  Cp932Decoder(const Cp932Decoder&) = delete;
  Cp932Decoder& operator=(const Cp932Decoder&) = delete;

  // Converts from [in, in + in_left) into [out, out + out_left), advancing all four. A cut
  // character at the end of the input is not consumed (in_left stays > 0 with InputUsed).
  Result convert(const char*& in, std::size_t& in_left, char*& out, std::size_t& out_left);

 private:
  void* descriptor_;  // iconv_t
};

}  // namespace sosei::input
