// Column forms of values, periods and run statuses, and RunStatus's text for messages.
#include "store/sqlite/columns.hpp"

#include <iterator>

namespace sosei::store {
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

ValueKind value_kind_column(std::string_view text) {
  return static_cast<ValueKind>(index_of(kValueKinds, text, "value kind"));
}
PeriodKind period_kind_column(std::string_view text) {
  return static_cast<PeriodKind>(index_of(kPeriodKinds, text, "period kind") + 1);
}
RunStatus run_status_column(std::string_view text) {
  return static_cast<RunStatus>(index_of(kRunStatuses, text, "run status"));
}

std::string to_string(RunStatus status) { return column_text(status); }

void bind_value(sqlite::Statement& s, int kind_index, const Value& v) {
  s.bind(kind_index, column_text(v.kind));
  if (v.is_number())
    s.bind(kind_index + 1, v.number);
  else
    s.bind_null(kind_index + 1);
}

Value read_value(const sqlite::Statement& s, int kind_column) {
  Value v;
  v.kind = value_kind_column(s.text(kind_column));
  v.number = v.is_number() ? s.real(kind_column + 1) : 0;
  return v;
}

void bind_period(sqlite::Statement& s, int first_index, const Period& p) {
  s.bind(first_index, column_text(p.kind));
  s.bind(first_index + 1, p.year);
  s.bind(first_index + 2, p.month);
  s.bind(first_index + 3, p.day);
}

Period read_period(const sqlite::Statement& s, int first_column) {
  return {period_kind_column(s.text(first_column)), static_cast<int>(s.int64(first_column + 1)),
          static_cast<int>(s.int64(first_column + 2)), static_cast<int>(s.int64(first_column + 3))};
}

}  // namespace sosei::store

namespace sosei::store {

std::string to_string(FlagLevel level) { return level == FlagLevel::Error ? "error" : "warning"; }

std::string to_string(FlagState state) {
  switch (state) {
    case FlagState::Open:
      return "open";
    case FlagState::Cleared:
      return "cleared";
    case FlagState::Resolved:
      return "resolved";
  }
  return "open";
}

}  // namespace sosei::store
