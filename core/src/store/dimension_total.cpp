// DimensionTotals from a store's grouped rows (dimension_total.hpp).
#include "store/dimension_total.hpp"

#include "store/canonical_json.hpp"

namespace sosei::store {

DimensionTotal DimensionTotalReader::read(const Period& grouped, std::string_view dimensions_json, double sum,
                                          int64_t values) {
  auto found = parsed_.find(dimensions_json);
  if (found == parsed_.end())
    found = parsed_
                .emplace(std::string(dimensions_json),
                         Parsed{std::make_shared<const Dimensions>(parse_dimensions(dimensions_json)), parsed_.size()})
                .first;
  DimensionTotal t;
  t.dimensions = found->second.dimensions;
  t.set = found->second.set;
  t.stored_kind = grouped.kind;
  t.period = grouped.kind == PeriodKind::Date ? Period::month_of(grouped.year, grouped.month) : grouped;
  t.sum = sum;
  t.values = values;
  return t;
}

}  // namespace sosei::store
