// Summing the months an import run touched (dimension_sums.hpp).
#include "store/postgresql/dimension_sums.hpp"

#include "store/postgresql/columns.hpp"
#include "store/postgresql/migrations.hpp"

namespace sosei::store::pg {
namespace {

// Held to the end of the run's transaction: the statements after it see the other run's sums once it
// has committed. Taken in the set's order, so two runs never wait for each other in a circle.
constexpr const char* kLockMonth =
    "SELECT pg_advisory_xact_lock($5::integer, hashtext(current_setting('sosei.city') || '/' || $1::text || '/' ||"
    " $2::text || '/' || $3::text || '/' || $4::text))";
constexpr const char* kDropMonth =
    "DELETE FROM dimension_sums WHERE city = current_setting('sosei.city') AND series = $1 AND period_kind = $2"
    " AND period_year = $3 AND period_month = $4";
constexpr const char* kSumMonth =
    "INSERT INTO dimension_sums(series, period_kind, period_year, period_month, dimensions, total, value_count)"
    " SELECT series, period_kind, period_year, period_month, dimensions, sum(number), count(*) FROM observations"
    " WHERE city = current_setting('sosei.city') AND series = $1 AND period_kind = $2 AND period_year = $3"
    " AND period_month = $4 AND dimensions <> '{}' AND value_kind = 'number'"
    " GROUP BY series, period_kind, period_year, period_month, dimensions";
constexpr const char* kRebuild =
    "DELETE FROM dimension_sums WHERE city = current_setting('sosei.city');"
    "INSERT INTO dimension_sums(series, period_kind, period_year, period_month, dimensions, total, value_count)"
    " SELECT series, period_kind, period_year, period_month, dimensions, sum(number), count(*) FROM observations"
    " WHERE city = current_setting('sosei.city') AND dimensions <> '{}' AND value_kind = 'number'"
    " GROUP BY series, period_kind, period_year, period_month, dimensions";

}  // namespace

void TouchedMonths::resum(Connection& db) {
  // The key's parts by std::get: clang before 16 cannot capture structured bindings in a lambda.
  const auto params = [](const Key& key) {
    return Params()
        .text(std::get<0>(key))
        .text(column_text(static_cast<PeriodKind>(std::get<1>(key))))
        .int64(std::get<2>(key))
        .int64(std::get<3>(key));
  };
  for (const Key& key : touched_) {
    db.prepared("wait for another run summing the month", "dimension_sums_lock", kLockMonth,
                params(key).int64(kSumsClass));
    db.prepared("sum a month again: drop its sums", "dimension_sums_drop", kDropMonth, params(key));
    db.prepared("sum a month again", "dimension_sums_month", kSumMonth, params(key));
  }
  clear();
}

void rebuild_dimension_sums(Connection& db) { db.exec("sum the values by dimensions", kRebuild); }

}  // namespace sosei::store::pg
