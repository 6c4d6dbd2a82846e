// The rows of one municipality in a file that may hold several: the standard open-data sets are
// often published by a prefecture or a portal for all its municipalities at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sosei/plugin.hpp>

namespace disaster_coverage {

// 全国地方公共団体コード is six digits with a check digit (402273), often quoted without it (40227):
// both compare equal.
std::string city_key(std::string_view code);

class CityFilter {
 public:
  // `city_code`: the setting; empty = the file must hold one municipality.
  explicit CityFilter(std::string_view city_code) : setting_(city_code), wanted_(city_key(city_code)) {}

  // Whether the row whose 全国地方公共団体コード cell is `cell` is kept (an empty cell is). Without
  // city_code, a second municipality is a PluginError (config) naming both and the lines.
  bool keep(std::string_view cell, const std::string& file, uint64_t line);

  // After the file: logs how many rows were skipped; a PluginError (config) when rows were skipped
  // and none was kept, since city_code is then wrong.
  void finish(const sosei::Context& ctx, const std::string& file, bool kept_any) const;

 private:
  std::string setting_, wanted_;
  std::string first_, skipped_;  // the first municipality kept, the first one skipped
  uint64_t first_line_ = 0, skipped_line_ = 0, skipped_rows_ = 0;
};

}  // namespace disaster_coverage
