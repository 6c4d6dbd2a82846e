// Column forms of values, periods and run statuses in the PostgreSQL store.
#include "store/postgresql/columns.hpp"

#include <iterator>
#include <string>

namespace sosei::store::pg {
namespace {

constexpr const char* kValueKinds[] = {"number", "missing", "not_carried_out", "not_started", "in_progress", "done"};
constexpr const char* kPeriodKinds[] = {"fiscal_year", "calendar_year", "month", "date"};
constexpr const char* kRunStatuses[] = {"running", "succeeded", "failed", "unchanged", "aborted"};

template <std::size_t N>
int index_of(const char* const (&names)[N], std::string_view text, const char* what) {
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<int>(i);
  throw StoreError("unknown " + std::string(what) + " '" + std::string(text) +
                   "' in the database — was it written by a newer sosei?");
}

}  // namespace

const char* column_text(ValueKind kind) { return kValueKinds[static_cast<int>(kind)]; }
const char* column_text(PeriodKind kind) { return kPeriodKinds[static_cast<int>(kind) - 1]; }
const char* column_text(RunStatus status) { return kRunStatuses[static_cast<int>(status)]; }
RunStatus run_status_column(std::string_view text) {
  return static_cast<RunStatus>(index_of(kRunStatuses, text, "run status"));
}

Params& add_value(Params& p, const Value& v) {
  p.text(column_text(v.kind));
  return v.is_number() ? p.real(v.number) : p.null();
}

Value read_value(const Result& r, int row, int kind_column) {
  Value v;
  v.kind = static_cast<ValueKind>(index_of(kValueKinds, r.text(row, kind_column), "value kind"));
  v.number = v.is_number() ? r.real(row, kind_column + 1) : 0;
  return v;
}

Params& add_period(Params& p, const Period& period) {
  return p.text(column_text(period.kind)).int64(period.year).int64(period.month).int64(period.day);
}

Period read_period(const Result& r, int row, int first_column) {
  return {static_cast<PeriodKind>(index_of(kPeriodKinds, r.text(row, first_column), "period kind") + 1),
          static_cast<int>(r.int64(row, first_column + 1)), static_cast<int>(r.int64(row, first_column + 2)),
          static_cast<int>(r.int64(row, first_column + 3))};
}

}  // namespace sosei::store::pg
