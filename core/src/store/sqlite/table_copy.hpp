// `sosei store copy` over SQLite (table_copy.cpp): every table read in one snapshot, rows written with
// their ids in one write transaction.
#pragma once

#include <functional>

#include "store/sqlite/session.hpp"
#include "store/table_copy.hpp"

namespace sosei::store {

void read_sqlite_tables(Session& session, RowSink& sink);
bool load_sqlite_tables(Session& session, const std::function<bool(TableWriter&)>& load);

}  // namespace sosei::store
