// Source quarantines over SQLite (quarantines.cpp): the scheduler's "stop trying this source
// until someone has looked at it".
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

void save_sqlite_quarantine(Session& session, const Quarantine& q);
bool delete_sqlite_quarantine(sqlite::Connection& db, const std::string& source);
std::vector<Quarantine> read_sqlite_quarantines(sqlite::Connection& db);

}  // namespace sosei::store
