// Internal to the store concern: a DimensionTotal from the row each store's GROUP BY returns, so that
// both stores give the same totals.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/store.hpp"

namespace sosei::store {

// `grouped` is the stored period with its day left out of the grouping (a date's day is ignored):
// daily values become their month, other periods stay as they are.
DimensionTotal dimension_total(const Period& grouped, std::string_view dimensions_json, double sum, int64_t values);

}  // namespace sosei::store
