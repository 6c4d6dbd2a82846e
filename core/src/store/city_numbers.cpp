// Store::city_numbers() for a store that holds one city (SQLite): its own series through values(),
// under the code "" (such a store ignores codes). A shared store reads every city at once.
#include "store/store.hpp"

namespace sosei::store {

std::map<std::string, SeriesNumbers> Store::city_numbers(const std::set<std::string>& series) {
  SeriesNumbers numbers;
  for (const auto& name : series) {
    auto& by_period = numbers[name];
    for (const auto& o : values({name, std::nullopt, Dimensions{}}))
      if (o.data.value.is_number()) by_period[o.key.period] = o.data.value.number;
    if (by_period.empty()) numbers.erase(name);
  }
  return {{"", std::move(numbers)}};
}

}  // namespace sosei::store
