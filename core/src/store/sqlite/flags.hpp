// Data-quality flags over SQLite (flags.cpp): raised, kept or cleared by an import run's rule check,
// listed, and resolved by a person.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

// Inside the run's transaction: the findings for one key (ImportTransaction::set_flags).
void write_sqlite_flags(sqlite::Connection& db, const ObservationKey& key, std::string_view dimensions,
                        const std::vector<FlagRaise>& raised, int64_t run_id, const std::string& stamp);
std::vector<QualityFlag> read_sqlite_flags(sqlite::Connection& db, const FlagQuery& q);
bool resolve_sqlite_flag(Session& session, int64_t id, const std::string& who, const std::string& note);

}  // namespace sosei::store
