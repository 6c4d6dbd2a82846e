// Matching the roster's districts to the register by name, for registers that give no code (the
// standard set 「地域・年齢別人口」 often leaves 地域コード empty). Only normalisation, never a guess:
// 「山野」 does not match 「稲築町山野」, and a name that matches nothing or several districts is an
// error that shows the nearest names of the register.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coverage.hpp"

namespace disaster_coverage {

// A district name as a lookup key: full-width ASCII folded (１丁目 → 1丁目), half-width katakana
// widened (ﾔﾏﾉ → ヤマノ, ｶﾞ → ガ), spaces removed (ASCII and
// ideographic, also inside), and the 丁目 written one way: 一丁目 / 1丁目 / 01丁目 / a bare trailing
// number (本町1) all become 本町1丁目. "" for a blank cell.
std::string name_key(std::string_view name);

// The district key of a register row without a code: its name_key, marked so that it never equals a
// code's key.
std::string key_of_name(std::string_view name);

// Levenshtein distance over code points (UTF-8), for showing the nearest names.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Every district of the register (all years), for resolving the roster's cells.
class DistrictIndex {
 public:
  void add(const District& d);

  // The key of the district a roster token names: a code of the register, else a name that
  // normalises to exactly one district's. nullopt when neither: `why` is then empty for a token that
  // looks like a code (all digits: the caller lists it as an unknown code), else it says that the
  // name is unknown or ambiguous and names the nearest districts of `register_name`.
  std::optional<std::string> resolve(std::string_view token, const std::string& register_name, std::string& why) const;

 private:
  struct Entry {
    std::string key, name, code;
  };
  std::unordered_map<std::string, std::string> codes_;               // code key → code as written
  std::unordered_map<std::string, std::size_t> keys_;                // district key → entries_ index
  std::unordered_map<std::string, std::vector<std::size_t>> names_;  // name_key → entries_ indexes
  std::vector<Entry> entries_;                                       // distinct districts, first seen
};

}  // namespace disaster_coverage
