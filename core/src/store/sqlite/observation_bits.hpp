// A set of observation ids as one bit each: ids are the table's dense INTEGER PRIMARY KEY, so the
// observations one run has seen cost an eighth of a byte each (10 M rows: 1.2 MiB), where a hash
// set would cost tens of bytes per row and break the import's flat memory.
#pragma once

#include <cstdint>
#include <vector>

namespace sosei::store {

class ObservationBits {
 public:
  bool test(int64_t id) const {
    const auto i = static_cast<uint64_t>(id);
    return i / 64 < words_.size() && (words_[i / 64] >> (i % 64) & 1U) != 0;
  }
  void set(int64_t id) {
    const auto i = static_cast<uint64_t>(id);
    if (i / 64 >= words_.size()) words_.resize(i / 64 + 1 + words_.size() / 2);  // amortised growth
    words_[i / 64] |= uint64_t{1} << (i % 64);
  }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace sosei::store
