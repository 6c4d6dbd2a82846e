// Every readable city's numbers of some series (city_numbers.hpp).
#include "store/postgresql/city_numbers.hpp"

#include <nlohmann/json.hpp>

#include "store/postgresql/columns.hpp"

namespace sosei::store::pg {
namespace {

// The names go as one JSON array: any text a series name may hold arrives as it is, and the
// statement stays one prepared statement however many names there are.
constexpr const char* kNumbers =
    "SELECT city, series, period_kind, period_year, period_month, period_day, number FROM observations"
    " WHERE series IN (SELECT jsonb_array_elements_text($1::jsonb)) AND dimensions = '{}'"
    " AND value_kind = 'number'";

}  // namespace

std::map<std::string, SeriesNumbers> read_city_numbers(Session& s, const std::set<std::string>& series) {
  std::map<std::string, SeriesNumbers> out;
  if (series.empty()) return out;
  s.flush_open_import();
  Result rows =
      s.db.prepared("read the cities' numbers", "city_numbers", kNumbers, Params().text(nlohmann::json(series).dump()));
  for (int i = 0; i < rows.rows(); ++i)
    out[rows.string(i, 0)][rows.string(i, 1)][read_period(rows, i, 2)] = rows.real(i, 6);
  return out;
}

}  // namespace sosei::store::pg
