// How core types are stored in columns: the text of each enum (readable with the sqlite3 CLI) and
// the (kind, number) column pair of a value.
#pragma once

#include <string_view>

#include "common/period.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace sosei::store {

const char* column_text(ValueKind kind);
const char* column_text(PeriodKind kind);
const char* column_text(RunStatus status);

// Throw StoreError for text the code does not know (a hand-edited or newer database).
ValueKind value_kind_column(std::string_view text);
PeriodKind period_kind_column(std::string_view text);
RunStatus run_status_column(std::string_view text);

// A value is two columns: its kind and its number (NULL unless the kind is "number").
void bind_value(sqlite::Statement& s, int kind_index, const Value& v);
Value read_value(const sqlite::Statement& s, int kind_column);

// Binds period_kind, period_year, period_month, period_day at `first_index`…+3.
void bind_period(sqlite::Statement& s, int first_index, const Period& p);
Period read_period(const sqlite::Statement& s, int first_column);

}  // namespace sosei::store
