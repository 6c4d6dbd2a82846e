// `sosei store copy` over PostgreSQL (table_copy.cpp): every table read through a cursor in one
// snapshot, rows written with COPY in one transaction, the id sequences advanced past them.
#pragma once

#include <functional>

#include "store/postgresql/session.hpp"
#include "store/table_copy.hpp"

namespace sosei::store::pg {

void read_tables(Session& session, RowSink& sink);
bool load_tables(Session& session, const std::function<bool(TableWriter&)>& load);

}  // namespace sosei::store::pg
