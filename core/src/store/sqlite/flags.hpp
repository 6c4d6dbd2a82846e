// Data-quality flags over SQLite (flags.cpp): raised, kept or cleared by an import run's rule check,
// listed, and resolved by a person.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

// Inside the run's transaction: the findings for one key (ImportTransaction::set_flags); each flag
// raised or cleared is an audit event of the run (`run`: its source and id).
void write_sqlite_flags(Session& session, const ObservationKey& key, std::string_view dimensions,
                        const std::vector<FlagRaise>& raised, const Actor& run, const std::string& stamp);
std::vector<QualityFlag> read_sqlite_flags(sqlite::Connection& db, const FlagQuery& q);
// Closes an open flag and appends `event` (who, and the reason as the note) in one transaction.
bool resolve_sqlite_flag(Session& session, int64_t id, const AuditEvent& event);

}  // namespace sosei::store
