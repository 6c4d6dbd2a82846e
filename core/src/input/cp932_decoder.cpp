// CP932 to UTF-8 through glibc iconv ("CP932", not "SHIFT_JIS": only CP932 has the NEC/IBM
// extensions and maps 0x5C/0x7E to \ and ~ as Windows does).
#include "input/cp932_decoder.hpp"

#include <iconv.h>

#include <cerrno>

#include "input/input_stream.hpp"

namespace sosei::input {

Cp932Decoder::Cp932Decoder() {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw InputError(
        "this system's iconv cannot convert CP932; install glibc's gconv modules "
        "or save the file as UTF-8.");
  }
  descriptor_ = cd;
}

Cp932Decoder::~Cp932Decoder() { iconv_close(static_cast<iconv_t>(descriptor_)); }

Cp932Decoder::Result Cp932Decoder::convert(const char*& in, std::size_t& in_left, char*& out, std::size_t& out_left) {
  auto cd = static_cast<iconv_t>(descriptor_);
  char* source = const_cast<char*>(in);  // iconv's signature is not const-correct
  const std::size_t done = iconv(cd, &source, &in_left, &out, &out_left);
  in = source;
  if (done != static_cast<std::size_t>(-1)) return Result::InputUsed;
  switch (errno) {
    case E2BIG:
      return Result::OutputFull;
    case EINVAL:  // a character cut at the end of the input
      return Result::InputUsed;
    default:
      return Result::Invalid;
  }
}

}  // namespace sosei::input
