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
        std::to_string(first_line_) + " 行目は全国地方公共団体コード " + first_ + "、この行は " + city;
    throw sosei::PluginError(SOSEI_ERR_CONFIG, file + ":" + std::to_string(line) +
                                                   ": この表には複数の市区町村の行があります（" + where +
                                                   "）。市の行だけを読むには、設定 'city_code' に市のコード"
                                                   "（例: 40227 または 402273）を書いてください");
  }
  return true;
}

void CityFilter::finish(const sosei::Context& ctx, const std::string& file, bool kept_any) const {
  if (skipped_rows_ == 0) return;
  if (!kept_any)
    throw sosei::PluginError(
        SOSEI_ERR_CONFIG,
        file + ": 設定 'city_code' の " + setting_ + "（全国地方公共団体コード " + wanted_ +
            "）の行が1行もありません。表にあるのは他の市区町村の行です（例: " + std::to_string(skipped_line_) +
            " 行目の " + skipped_ + "）。city_code を確かめてください");
  ctx.info(file + ": 他の市区町村の行を " + std::to_string(skipped_rows_) + " 行読み飛ばしました（city_code " +
           setting_ + "）");
}

}  // namespace disaster_coverage
