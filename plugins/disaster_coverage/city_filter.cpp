// Keeping the city's rows (see city_filter.hpp).
#include "city_filter.hpp"

#include <sosei/notation.hpp>

namespace disaster_coverage {

std::string city_key(std::string_view code) {
  std::string key = sosei::fold_full_width(sosei::trim(code));
  if (key.size() == 6 && key.find_first_not_of("0123456789") == std::string::npos) key.pop_back();
  return key;
}

bool CityFilter::keep(std::string_view cell, const std::string& file, uint64_t line) {
  if (sosei::trim(cell).empty()) return true;
  const std::string city = city_key(cell);
  if (!wanted_.empty() && city != wanted_) {
    if (skipped_rows_++ == 0) {
      skipped_ = city;
      skipped_line_ = line;
    }
    return false;
  }
  if (first_.empty()) {
    first_ = city;
    first_line_ = line;
  } else if (city != first_) {
    const std::string where =
        "全国地方公共団体コード " + first_ + " at line " + std::to_string(first_line_) + ", " + city + " here";
    throw sosei::PluginError(SOSEI_ERR_CONFIG, file + ":" + std::to_string(line) +
                                                   ": the file has rows of several municipalities (" + where +
                                                   "): set city_code to the city's code (e.g. 40227 or 402273) to "
                                                   "read only its rows");
  }
  return true;
}

void CityFilter::finish(const sosei::Context& ctx, const std::string& file, bool kept_any) const {
  if (skipped_rows_ == 0) return;
  if (!kept_any)
    throw sosei::PluginError(SOSEI_ERR_CONFIG, file + ": no row is of city_code " + setting_ +
                                                   " (全国地方公共団体コード " + wanted_ +
                                                   "); the rows are of other municipalities, e.g. " + skipped_ +
                                                   " at line " + std::to_string(skipped_line_) + ": check city_code");
  ctx.info(file + ": skipped " + std::to_string(skipped_rows_) + " rows of other municipalities (city_code " +
           setting_ + ")");
}

}  // namespace disaster_coverage
