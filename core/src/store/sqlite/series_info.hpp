// Series metadata over SQLite (series_info in docs/schema.md): what each plugin declared about its
// series at its last import, read by the report instead of loading the plugins.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace sosei::store {

// Inserts the row or, when any declared field changed, replaces it; `now` becomes its updated_at.
// Runs inside the caller's transaction (the import's).
void write_sqlite_series_info(sqlite::Connection& db, const SeriesInfo& info, const std::string& now);
std::vector<SeriesInfo> read_sqlite_series_infos(sqlite::Connection& db);

}  // namespace sosei::store
