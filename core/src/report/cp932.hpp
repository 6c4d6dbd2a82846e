// UTF-8 → CP932 (Shift_JIS as Windows writes it) for CSV files that older Excel and city systems
// read, through glibc's iconv.
#pragma once

#include <stdexcept>
#include <string>

namespace sosei::report {

// A character with no CP932 form; what() names it ("U+1F600 '😀'").
class Cp932Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string utf8_to_cp932(const std::string& utf8);

}  // namespace sosei::report
