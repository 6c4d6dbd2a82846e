// Internal to the store concern: DimensionTotals from the rows of each store's dimension_sums, so that
// both stores give the same totals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/store.hpp"

namespace sosei::store {

// `grouped` is the stored period with its day left out of the grouping (a date's day is ignored):
// daily values become their month, other periods stay as they are. A dimension set comes back once
// per month, so each one's JSON is parsed once per read (a page over 10 M daily values reads 330,000
// sums of 5,000 sets).
class DimensionTotalReader {
 public:
  DimensionTotal read(const Period& grouped, std::string_view dimensions_json, double sum, int64_t values);

 private:
  std::unordered_map<std::string, Dimensions> parsed_;
};

}  // namespace sosei::store
