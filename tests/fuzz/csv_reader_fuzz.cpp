// Fuzz target: the SDK's CsvReader over arbitrary bytes (every plugin reads outside files with it).
// Invariant: it reads every record or throws CsvError — never crashes, never reads past its input,
// and never holds more than its record cap (a small buffer and cap here, so doubling is exercised).
// Round trip: a record's fields re-joined with the delimiter never exceed the input's size.
#include <algorithm>
#include <cstring>

#include "fuzz_target.hpp"
#include "sosei/csv.hpp"

namespace {

class Bytes final : public sosei::ByteReader {
 public:
  Bytes(const uint8_t* data, std::size_t size) : data_(data), left_(size) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    // Short reads, as a pipe or a zip member gives them: records straddle every refill.
    const std::size_t n = std::min({capacity, left_, std::size_t{7}});
    std::memcpy(buffer, data_, n);
    data_ += n;
    left_ -= n;
    return n;
  }

 private:
  const uint8_t* data_;
  std::size_t left_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  for (const char delimiter : {'\0', ',', '\t'}) {
    Bytes bytes(data, size);
    try {
      sosei::CsvReader reader(bytes, delimiter, 16, 4096);
      while (reader.next()) {
        std::size_t joined = 0;
        for (std::size_t i = 0; i < reader.size(); ++i) joined += reader.field(i).size() + (i > 0 ? 1 : 0);
        if (joined > size) __builtin_trap();  // a field longer than the input: read past it
      }
    } catch (const sosei::CsvError&) {
    }
  }
  return 0;
}
