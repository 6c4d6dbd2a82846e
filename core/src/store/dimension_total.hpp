// Internal to the store concern: DimensionTotals from the rows of each store's dimension_sums, so that
// both stores give the same totals.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/store.hpp"

namespace sosei::store {

// `grouped` is the stored period with its day left out of the grouping (a date's day is ignored):
// daily values become their month, other periods stay as they are. A dimension set comes back once
// per month, so each one's JSON is parsed once per read (a page over 10 M daily values reads 330,000
// sums of 5,000 sets), and numbered (DimensionTotal::set).
class DimensionTotalReader {
 public:
  DimensionTotal read(const Period& grouped, std::string_view dimensions_json, double sum, int64_t values);

 private:
  // Looked up by the row's own text, without making a string of it (a transparent hash).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct Parsed {
    std::shared_ptr<const Dimensions> dimensions;
    std::size_t set;
  };
  std::unordered_map<std::string, Parsed, TextHash, std::equal_to<>> parsed_;
};

}  // namespace sosei::store
