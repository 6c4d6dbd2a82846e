// How core types are stored in the PostgreSQL store's columns: the same texts as the SQLite store's
// (docs/schema.md), and the (kind, number) pair of a value.
#pragma once

#include <string_view>

#include "common/period.hpp"
#include "store/postgresql/connection.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

const char* column_text(ValueKind kind);
const char* column_text(PeriodKind kind);
const char* column_text(RunStatus status);
RunStatus run_status_column(std::string_view text);

// Appends kind and number (NULL unless a number).
Params& add_value(Params& p, const Value& v);
Value read_value(const Result& r, int row, int kind_column);
// Appends period_kind, period_year, period_month, period_day.
Params& add_period(Params& p, const Period& period);
Period read_period(const Result& r, int row, int first_column);

// A time stamp column read through iso_utc(), NULL as empty.
#define SOSEI_PG_TIME(column) "coalesce(iso_utc(" column "), '')"

}  // namespace sosei::store::pg
