// A DimensionTotal from a store's grouped row (dimension_total.hpp).
#include "store/dimension_total.hpp"

#include "store/canonical_json.hpp"

namespace sosei::store {

DimensionTotal dimension_total(const Period& grouped, std::string_view dimensions_json, double sum, int64_t values) {
  DimensionTotal t;
  t.dimensions = parse_dimensions(dimensions_json);
  t.stored_kind = grouped.kind;
  t.period = grouped.kind == PeriodKind::Date ? Period::month_of(grouped.year, grouped.month) : grouped;
  t.sum = sum;
  t.values = values;
  return t;
}

}  // namespace sosei::store
